// Holds the embedded database the way `npm start` does (owned, restarted when it dies, a watchdog
// for SIGKILL), without building and serving the dashboard, so supervision can be tested quickly.
// With --shared it starts the server as any other command does (no supervision, no watchdog).
import { defaultDataDir, startDatabase } from "@/server/runtime/database";
import { startWatchdog } from "@/server/runtime/start-watchdog";

const own = !process.argv.includes("--shared");
const database = await startDatabase({ own });
const watchdog = own ? startWatchdog(defaultDataDir()) : null;
console.log(`ready ${database.url}`);
process.on("SIGTERM", () => {
  void database.stop().then(() => {
    watchdog?.release();
    console.log("stopped");
    process.exit(0);
  });
});
setInterval(() => undefined, 60_000);
