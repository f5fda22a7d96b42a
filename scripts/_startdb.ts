import { startDatabase } from "/work/main/server/runtime/database";
const db = await startDatabase({ dataDir: "/tmp/pgtest/data", port: 5499 });
console.log(db.url);
await new Promise(r => setTimeout(r, 1e9));
