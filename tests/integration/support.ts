import pg from "pg";
import { inject } from "vitest";
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

/** A new, migrated database of its own for one test file. */
export async function freshDatabase(name: string): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
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
