import type pg from "pg";

/** What a backup needs to know about one table of the public schema. */
export interface TableInfo {
  name: string;
  /** Columns a row is written with (generated columns are computed again on restore). */
  columns: string[];
  primaryKey: string[];
  /** Columns referencing the same table (a merged-away pledge points at its survivor): filled in after every row is in. */
  selfReferences: string[];
  /** Columns whose default is a sequence, set past the restored maximum. */
  serials: string[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The application's tables (Prisma's migration table excluded: a restore target is migrated by
 * the app itself), ordered so that every table comes after the tables it references.
 */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> '_prisma_migrations' order by 1`,
  );
  const { rows: columns } = await client.query<{ table: string; column: string; serial: boolean }>(
    `select table_name as table, column_name as column, coalesce(column_default like 'nextval(%', false) as serial
       from information_schema.columns where table_schema = 'public' and is_generated = 'NEVER'
      order by table_name, ordinal_position`,
  );
  const { rows: keys } = await client.query<{ table: string; column: string }>(
    `select c.conrelid::regclass::text as table, a.attname as column
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       cross join unnest(c.conkey) with ordinality k(attnum, i)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where n.nspname = 'public' and c.contype = 'p' order by k.i`,
  );
  const { rows: references } = await client.query<{ table: string; target: string; column: string }>(
    `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as target, a.attname as column
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       cross join unnest(c.conkey) k(attnum)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where n.nspname = 'public' and c.contype = 'f'`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1");
  const infos = new Map<string, TableInfo>();
  for (const { name } of tables) {
    infos.set(name, {
      name,
      columns: columns.filter((c) => c.table === name).map((c) => c.column),
      primaryKey: keys.filter((k) => unquote(k.table) === name).map((k) => k.column),
      selfReferences: references.filter((r) => unquote(r.table) === name && unquote(r.target) === name).map((r) => r.column),
      serials: columns.filter((c) => c.table === name && c.serial).map((c) => c.column),
    });
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: string[]) => {
    if (placed.has(name) || path.includes(name)) return;
    for (const r of references) if (unquote(r.table) === name && unquote(r.target) !== name) place(unquote(r.target), [...path, name]);
    placed.add(name);
    ordered.push(infos.get(name)!);
  };
  for (const { name } of tables) place(name, []);
  return ordered;
}
