import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrisma, type Db } from "@/server/db";

/** The run's PostgreSQL server, with the database name replaced. */
export function databaseUrl(name?: string): string {
  const url = new URL(inject("databaseUrl"));
  if (name) url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type FreshDatabase = { url: string; db: Db; drop: () => Promise<void> };

/** A new, migrated database of its own for one test file. */
export async function freshDatabase(name: string): Promise<FreshDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name} template pledge_template`);
  const url = databaseUrl(name);
  const db = createPrisma(url, 3);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Gives the enclosing `describe` block a fresh database, created before its tests and dropped
 * after them. The returned object is filled in once the block starts.
 */
export function useFreshDatabase(name: string): FreshDatabase {
  const ctx = {} as FreshDatabase;
  beforeAll(async () => {
    Object.assign(ctx, await freshDatabase(name));
  });
  afterAll(async () => ctx.drop?.());
  return ctx;
}
