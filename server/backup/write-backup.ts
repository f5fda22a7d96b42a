import { once } from "node:events";
import type { Writable } from "node:stream";
import pg from "pg";
import { APPLIED_MIGRATIONS_SQL, BACKUP_FORMAT, type BackupHeader, type BackupTrailer } from "./format";
import { listTables, quoteIdent } from "./tables";

const BATCH = 2_000;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/**
 * Writes a backup of the database at `url` to `out` as JSON lines: a header, one line per row
 * (`{"t": table, "row": {...}}`, the row as PostgreSQL's own row_to_json writes it, so every value
 * keeps its exact text), and a trailer with the row counts. Every row is read inside one
 * REPEATABLE READ transaction: the backup is one consistent snapshot even while the app and
 * ingestion keep writing. (The embedded PostgreSQL ships no pg_dump, and the system's refuses a
 * newer server, hence a logical dump through the driver.)
 */
export async function writeBackup(url: string, out: Writable, authSecret: string | null): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const migrations = (await client.query<{ migration_name: string }>(APPLIED_MIGRATIONS_SQL)).rows.map((r) => r.migration_name);
    const header: BackupHeader = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, authSecret };
    await write(out, `${JSON.stringify(header)}\n`);
    const counts: Record<string, number> = {};
    for (const table of await listTables(client)) {
      const columns = table.columns.map(quoteIdent).join(", ");
      const order = (table.primaryKey.length ? table.primaryKey : table.columns).map(quoteIdent).join(", ");
      await client.query(`declare rows no scroll cursor for select row_to_json(t)::text as j from (select ${columns} from ${quoteIdent(table.name)} order by ${order}) t`);
      counts[table.name] = 0;
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`fetch ${BATCH} from rows`);
        if (rows.length === 0) break;
        counts[table.name] += rows.length;
        const tableName = JSON.stringify(table.name);
        await write(out, rows.map((r) => `{"t":${tableName},"row":${r.j}}\n`).join(""));
      }
      await client.query("close rows");
    }
    await client.query("commit");
    const trailer: BackupTrailer = { end: true, counts };
    await write(out, `${JSON.stringify(trailer)}\n`);
    return counts;
  } finally {
    await client.end();
  }
}
