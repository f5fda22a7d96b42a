import { ingestReadout } from "@/server/ingest/ingest-readout";
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

/** A small readout of one foreign ministers' meeting (China and Tajikistan, in Beijing), written for a test. */
export function ministersReadout(date: string, published: string, body: string): string {
  return `China and Tajikistan hold talks
Release Date: ${published}

On ${date}, Chinese Foreign Minister Wang Yi held talks with Tajik Foreign Minister Sirojiddin Muhriddin in Beijing.

${body}
`;
}

/**
 * Ingests one ministers' readout a week from `from` on, each of the sentences given, and returns the
 * new meeting's mentions with their pledges; `about` finds the one whose phrase has a word.
 */
export function weeklyMeetings(db: () => Db, from: number, prefix: string) {
  let week = 0;
  const ingest = async (...sentences: string[]) => {
    week += 1;
    const when = new Date(from + week * 86_400_000 * 7);
    const iso = when.toISOString().slice(0, 10);
    const published = new Date(when.getTime() + 86_400_000).toISOString().slice(0, 10);
    const long = when.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
    const outcome = await ingestReadout(db(), `${prefix}-${iso}.txt`, Buffer.from(ministersReadout(long, published, sentences.join(" "))));
    if (outcome.status !== "new") throw new Error(`not ingested: ${JSON.stringify(outcome)}`);
    return db().mention.findMany({ where: { meetingId: outcome.meetingId }, include: { pledge: true }, orderBy: { id: "asc" } });
  };
  const about = <T extends { phrase: string }>(mentions: T[], word: string) => {
    const found = mentions.find((m) => m.phrase.includes(word));
    if (!found) throw new Error(`no mention about ${word} in ${mentions.map((m) => m.phrase).join(" | ")}`);
    return found;
  };
  return { ingest, about };
}

