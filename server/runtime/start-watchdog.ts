import { spawn } from "node:child_process";
import path from "node:path";

export interface Watchdog {
  /** The dashboard server's process, to stop if `npm start` dies. */
  watchApp(pid: number): void;
  /** `npm start` stopped everything itself: the watchdog ends without doing anything. */
  release(): void;
}

/** Starts the watchdog process (see watchdog.ts) for the embedded server of `dataDir` ("" when external). */
export function startWatchdog(dataDir: string): Watchdog {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("server/runtime/watchdog.ts"), dataDir], {
    detached: true,
    stdio: ["pipe", "ignore", "inherit"],
  });
  child.unref();
  const pipe = child.stdin!;
  pipe.on("error", () => undefined);
  // The open pipe must not keep `npm start` alive by itself.
  (pipe as unknown as { unref?: () => void }).unref?.();
  return {
    watchApp(pid) {
      pipe.write(`${JSON.stringify({ app: pid })}\n`);
    },
    release() {
      pipe.end(`${JSON.stringify({ done: true })}\n`);
    },
  };
}
