import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEphemeralDatabase } from "@/server/runtime/ephemeral";

// One fresh, migrated PostgreSQL per test run; test files share it and create their own rows.
export default async function setup(project: TestProject) {
  const db = await startEphemeralDatabase("integration");
  // A migrated, never-used copy that test files clone for databases of their own.
  const client = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, "/postgres") });
  await client.connect();
  await client.query("create database pledge_template template pledge_tracker");
  await client.end();
  process.env.DATABASE_URL = db.url;
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
