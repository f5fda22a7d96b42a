// The watchdog of `npm start`: a separate, small process that stops the dashboard's server and the
// embedded PostgreSQL when `npm start` ends without doing so itself (killed with SIGKILL, out of
// memory). Why a process and a pipe: nothing runs in a process killed with SIGKILL, and Linux
// offers Node no "die with my parent" switch; but the kernel closes every file a dead process held,
// so the pipe from `npm start` to this process's standard input ends however `npm start` ends.
// Lines on the pipe: {"app": pid} for each server to stop, {"done": true} when `npm start`
// stopped everything itself. The watchdog runs detached (its own process group), so a Ctrl-C in
// the terminal does not end it before it has looked.
import readline from "node:readline";
import { processAlive, stopPostmaster } from "./postmaster";

const dataDir = process.argv[2] ?? "";
const apps: number[] = [];
let done = false;

async function cleanUp(): Promise<void> {
  const running = apps.filter(processAlive);
  for (const pid of running) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 10_000;
  while (apps.some(processAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const stopped = dataDir ? await stopPostmaster(dataDir) : false;
  if (running.length > 0 || stopped) {
    process.stderr.write("npm start ended without stopping; its watchdog stopped the dashboard and the database.\n", () => undefined);
  }
}

process.stderr.on("error", () => undefined);
process.on("SIGINT", () => undefined);
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  try {
    const message = JSON.parse(line) as { app?: number; done?: boolean };
    if (message.app) apps.push(message.app);
    if (message.done) done = true;
  } catch {
    // not ours
  }
});
lines.on("close", () => {
  if (done) process.exit(0);
  void cleanUp().finally(() => process.exit(0));
});
