import pg from "pg";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/db";
import { connectionUrlOf } from "@/server/db";

/** The raw-SQL surface ingestion writes through: a Prisma transaction client has it, and so has `withSqlTransaction`. */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/** A database error with its SQLSTATE code ("23505" for a unique violation). */
export const sqlState = (error: unknown): string | undefined => (error as { code?: unknown })?.code as string | undefined;

const pools = new Map<string, pg.Pool>();

/**
 * One small pg pool per database for ingestion's transactions. Ingestion runs a dozen set-based
 * statements per readout; sent straight through the driver they cost a fraction of what an
 * interactive ORM transaction adds around each. Idle connections close on their own, and never
 * keep the process alive.
 */
function poolFor(db: Db): pg.Pool {
  const url = connectionUrlOf(db);
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 2_000, allowExitOnIdle: true });
    // A connection closed by the server while idle (a dropped test database, a restart) is not an error of any readout.
    pool.on("error", () => undefined);
    pools.set(url, pool);
  }
  return pool;
}

/**
 * Marks a statement (as `${Prisma.raw(PLANNED_WITH_VALUES)}` at its start) that must be planned for
 * each set of values: one whose conditions fold away when a value is null, which a plan made once
 * for any values cannot do (it would read every row the other conditions allow).
 */
export const PLANNED_WITH_VALUES = "-- planned with its values\n";

const statementNames = new Map<string, string>();
/** Distinct statements kept prepared on each connection, at most. */
const MAX_NAMED_STATEMENTS = 100;

/**
 * A name for a statement, so that each connection parses and plans it once and reuses it (PostgreSQL
 * then plans it anew, or keeps a generic plan, as it judges): ingestion sends the same dozen
 * statements for every readout, and planning them cost about as much as running them. Statements
 * past the first hundred distinct texts go unnamed, planned each time, as before; so do statements
 * marked with `PLANNED_WITH_VALUES`.
 */
function statementName(text: string): string | undefined {
  if (text.includes(PLANNED_WITH_VALUES)) return undefined;
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `ingest_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Runs `work` in one transaction on its own connection: committed when it returns, rolled back when it throws. */
export async function withSqlTransaction<T>(db: Db, work: (tx: RawSql) => Promise<T>): Promise<T> {
  const client = await poolFor(db).connect();
  // A connection lost while checked out fails the statement that was running (and so this
  // transaction); the socket's own 'error' event must not also end the process.
  let broken = false;
  const lost = () => (broken = true);
  client.on("error", lost);
  // Prisma's own template tag numbers the parameters and flattens nested fragments (Prisma.sql, Prisma.join).
  const run = async (strings: TemplateStringsArray, values: unknown[]) => {
    const query = Prisma.sql(strings, ...values);
    return client.query({ name: statementName(query.text), text: query.text, values: query.values });
  };
  const tx: RawSql = {
    $queryRaw: async <R>(strings: TemplateStringsArray, ...values: unknown[]) => (await run(strings, values)).rows as R,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => (await run(strings, values)).rowCount ?? 0,
  };
  try {
    await client.query("begin");
    const result = await work(tx);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => (broken = true));
    throw error;
  } finally {
    client.off("error", lost);
    client.release(broken);
  }
}

/** Closes ingestion's connections (command-line tools call it before they stop the database). */
export async function closeSqlPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.end().catch(() => undefined)));
}
