import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, runPrisma } from "@/server/runtime/migrate";
import { schemaSnapshot } from "@/server/runtime/schema-snapshot";

// The committed migrations, applied to an empty database, must give exactly
// the schema described by prisma/schema.prisma.
const serverUrl = inject("databaseUrl");
const urlFor = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  beforeAll(async () => {
    for (const name of ["drift_from_migrations", "drift_from_schema"]) {
      await admin(`drop database if exists ${name}`);
      await admin(`create database ${name}`);
    }
  });
  afterAll(async () => {
    await admin("drop database if exists drift_from_migrations");
    await admin("drop database if exists drift_from_schema");
  });

  it("apply to an empty database and match prisma/schema.prisma with no drift", async () => {
    const fromMigrations = urlFor("drift_from_migrations");
    const fromSchema = urlFor("drift_from_schema");
    await applyMigrations(fromMigrations);

    const script = await runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      fromSchema,
    );
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(script);
    await client.end();

    const [migrated, declared] = await Promise.all([schemaSnapshot(fromMigrations), schemaSnapshot(fromSchema)]);
    expect(migrated.length).toBeGreaterThan(50);
    const missing = declared.filter((line) => !migrated.includes(line));
    const extra = migrated.filter((line) => !declared.includes(line));
    expect({ missing, extra }, "schema.prisma changed without a migration: run `npm run db:migration -- <name>`").toEqual({
      missing: [],
      extra: [],
    });
  });
});
