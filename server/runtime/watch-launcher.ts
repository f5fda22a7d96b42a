import fs from "node:fs";
import { processAlive } from "./postmaster";

/** argv of a process, or null without /proc. */
function commandLine(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return null;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}

/** npm, the `sh -c` it runs scripts in, and tsx: the processes between a user and `npm start`'s code. */
function isLauncher(argv: string[]): boolean {
  const text = argv.join(" ");
  return /(^|\/)(npm|npx)(-cli\.js)?( |$)|npm-cli\.js|\/tsx\/dist\/cli\.mjs|(^|\/)tsx( |$)/.test(text) || (/(^|\/)sh$/.test(argv[0] ?? "") && argv[1] === "-c");
}

/**
 * Calls `onExit` once when the process that started this one ends, or any launcher above it (npm,
 * its shell, tsx). A launcher killed with SIGKILL cannot pass the news on, and this process would
 * otherwise keep serving, orphaned; polling twice a second costs nothing.
 */
export function onLauncherExit(onExit: () => void): void {
  const watched: number[] = [process.ppid];
  for (let pid = process.ppid; pid > 1 && isLauncher(commandLine(pid) ?? []); ) {
    pid = parentOf(pid);
    if (pid > 1 && isLauncher(commandLine(pid) ?? [])) watched.push(pid);
  }
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent || !watched.every(processAlive)) {
      clearInterval(timer);
      onExit();
    }
  }, 500);
  timer.unref();
}
