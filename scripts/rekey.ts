import { createPrisma } from "@/server/db";
import { rekeyPledges } from "@/server/ingest/rekey";
import { startDatabase } from "@/server/runtime/database";
import { runCli } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";

// npm run rekey: recomputes every pledge's link and retrieval keys from its mentions with the
// current engine (after an engine upgrade), without changing any link.
runCli(async () => {
  const database = await startDatabase();
  const db = createPrisma(database.url, 2);
  try {
    await applyMigrations(database.url);
    const tty = process.stderr.isTTY;
    const s = await rekeyPledges(db, { onProgress: (done, total) => tty && process.stderr.write(`\rReadouts read: ${done}/${total}`) });
    if (tty) process.stderr.write("\n");
    console.log(`Readouts read: ${s.meetings}  mentions: ${s.mentions}  pledges: ${s.pledges}  keys rewritten: ${s.changed}`);
    if (s.unmatched > 0) console.log(`${s.unmatched} stored mentions are no longer found by the extractor; their pledges keep the keys they had.`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
