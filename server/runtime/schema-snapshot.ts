import pg from "pg";

/**
 * A comparable description of a database's public schema: tables, columns,
 * enums, indexes and constraints. Two databases with equal snapshots have the
 * same schema, whatever produced them. Index storage parameters (`WITH
 * (fastupdate=off)`) are left out: they tune how an index is kept, which the
 * Prisma schema cannot state, and migrations set them on purpose.
 */
export async function schemaSnapshot(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `select 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
         from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
      `select 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)
         from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' group by t.typname`,
      `select 'index ' || regexp_replace(indexdef, ' WITH \\([^)]*\\)', '') from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'`,
      `select 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = 'public' and c.conrelid::regclass::text <> '_prisma_migrations'`,
    ];
    const lines: string[] = [];
    for (const sql of queries) {
      const result = await client.query<{ "?column?": string }>(sql);
      for (const row of result.rows) lines.push(Object.values(row)[0] as string);
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}
