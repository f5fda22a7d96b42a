import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { authSecretFile } from "@/server/runtime/auth-secret-file";

/** The session secret a backup must carry: the generated one in `.data/auth-secret`, none when BETTER_AUTH_SECRET is set. */
export function secretToBackUp(): string | null {
  if (process.env.BETTER_AUTH_SECRET?.trim()) return null;
  const file = authSecretFile();
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() || null : null;
}

/** The lines of a backup file, gzip-compressed (as `npm run backup` writes it) or not. */
export function backupLines(file: string): AsyncIterable<string> {
  const fd = fs.openSync(file, "r");
  const magic = Buffer.alloc(2);
  fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  const raw = fs.createReadStream(file);
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  return readline.createInterface({ input, crlfDelay: Infinity });
}
