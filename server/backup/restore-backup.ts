import pg from "pg";
import { UserFacingError } from "@/server/runtime/errors";
import { APPLIED_MIGRATIONS_SQL, BACKUP_FORMAT, type BackupHeader, type BackupTrailer } from "./format";
import { listTables, quoteIdent, type TableInfo } from "./tables";

const BATCH = 500;
type Row = Record<string, unknown>;

/** Inserts rows with PostgreSQL parsing each value from its own text (json_populate_recordset), so nothing is converted twice. */
async function insertRows(client: pg.ClientBase, table: TableInfo, rows: Row[]): Promise<void> {
  const t = quoteIdent(table.name);
  const values = table.columns.map((c) => (table.selfReferences.includes(c) ? "null" : `r.${quoteIdent(c)}`)).join(", ");
  await client.query(`insert into ${t} (${table.columns.map(quoteIdent).join(", ")}) select ${values} from json_populate_recordset(null::${t}, $1::json) r`, [
    JSON.stringify(rows),
  ]);
}

/** Fills in the columns that point into their own table, once every row they may point at is in. */
async function linkSelfReferences(client: pg.ClientBase, table: TableInfo, rows: Row[]): Promise<void> {
  const t = quoteIdent(table.name);
  const set = table.selfReferences.map((c) => `${quoteIdent(c)} = r.${quoteIdent(c)}`).join(", ");
  const match = table.primaryKey.map((c) => `x.${quoteIdent(c)} = r.${quoteIdent(c)}`).join(" and ");
  for (let i = 0; i < rows.length; i += BATCH) {
    await client.query(`update ${t} x set ${set} from json_populate_recordset(null::${t}, $1::json) r where ${match}`, [JSON.stringify(rows.slice(i, i + BATCH))]);
  }
}

/**
 * Restores a backup (see write-backup.ts) into the database at `url`, in one transaction: either
 * every row is in, or nothing changed. The database must be at the backup's migrations and empty,
 * unless `replace` (then its rows are removed first, in the same transaction). Sequences are set
 * past the restored ids, so new rows get new ids.
 */
export async function restoreBackup(url: string, lines: AsyncIterable<string>, options: { replace?: boolean } = {}): Promise<{ header: BackupHeader; counts: Record<string, number> }> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first.done ? "" : first.value) as BackupHeader;
  } catch {
    throw new UserFacingError("this file is not a Pledge Tracker backup (its first line is not a backup header).");
  }
  if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new UserFacingError("this file is not a Pledge Tracker backup of a known version.");

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    const migrations = (await client.query<{ migration_name: string }>(APPLIED_MIGRATIONS_SQL)).rows.map((r) => r.migration_name);
    if (migrations.join() !== header.migrations.join()) {
      throw new UserFacingError(
        `the backup was made at schema ${header.migrations.at(-1) ?? "(none)"}, the database is at ${migrations.at(-1) ?? "(none)"}; restore with the version of Pledge Tracker that made the backup.`,
      );
    }
    const tables = await listTables(client);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const filled = [];
    for (const t of tables) if ((await client.query(`select exists (select 1 from ${quoteIdent(t.name)}) as e`)).rows[0].e) filled.push(t.name);
    if (filled.length > 0 && !options.replace) {
      throw new UserFacingError(`the database already holds data (${filled.join(", ")}); restore into an empty database, or add --replace to replace its data.`);
    }
    if (filled.length > 0) await client.query(`truncate ${tables.map((t) => quoteIdent(t.name)).join(", ")} restart identity cascade`);

    const counts: Record<string, number> = {};
    const pending = new Map<string, Row[]>();
    let batch: Row[] = [];
    let current: TableInfo | undefined;
    const flush = async () => {
      if (current && batch.length) await insertRows(client, current, batch);
      batch = [];
    };
    let trailer: BackupTrailer | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const line = JSON.parse(next.value) as { t?: string; row?: Row } & Partial<BackupTrailer>;
      if (line.end) {
        trailer = line as BackupTrailer;
        break;
      }
      const table = byName.get(line.t ?? "");
      if (!table || !line.row) throw new UserFacingError(`the backup names a table this database does not have (${line.t}).`);
      if (table !== current || batch.length >= BATCH) await flush();
      current = table;
      batch.push(line.row);
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (table.selfReferences.some((c) => line.row![c] !== null && line.row![c] !== undefined)) {
        pending.set(table.name, [...(pending.get(table.name) ?? []), line.row]);
      }
    }
    await flush();
    if (!trailer) throw new UserFacingError("the backup is incomplete (it has no end line); nothing was restored.");
    for (const [name, expected] of Object.entries(trailer.counts)) {
      if ((counts[name] ?? 0) !== expected) throw new UserFacingError(`the backup is damaged: ${name} has ${counts[name] ?? 0} rows, its end line says ${expected}; nothing was restored.`);
    }
    for (const [name, rows] of pending) await linkSelfReferences(client, byName.get(name)!, rows);
    for (const t of tables) {
      for (const column of t.serials) {
        await client.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(t.name)}), 0) + 1, false)`,
          [quoteIdent(t.name), column],
        );
      }
    }
    await client.query("commit");
    return { header, counts };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
