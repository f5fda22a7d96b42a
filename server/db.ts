import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = InstanceType<typeof PrismaClient>;

const urls = new WeakMap<object, string>();

/** A Prisma client over the pg driver adapter: no native query engine is loaded. */
export function createPrisma(url: string, poolSize = 10): Db {
  // An idle connection the server ends (a restart, an outage) is not an error of any request: the
  // pool drops it and the next query opens a new one. Without these handlers it would crash the process.
  const ignore = () => undefined;
  const adapter = new PrismaPg({ connectionString: url, max: poolSize }, { onPoolError: ignore, onConnectionError: ignore });
  const client = new PrismaClient({ adapter });
  urls.set(client, url);
  return client;
}

/** The connection URL a client was created with (for tools that also talk to the driver directly). */
export function connectionUrlOf(db: Db): string {
  const url = urls.get(db);
  if (!url) throw new Error("this database client was not made by createPrisma");
  return url;
}

const globalForPrisma = globalThis as unknown as { pledgePrisma?: Db };

/** The process-wide client for the web app (one per process, reused across hot reloads). */
export function prisma(): Db {
  if (!globalForPrisma.pledgePrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    globalForPrisma.pledgePrisma = createPrisma(url);
  }
  return globalForPrisma.pledgePrisma;
}
