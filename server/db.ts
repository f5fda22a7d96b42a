import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = InstanceType<typeof PrismaClient>;

const urls = new WeakMap<object, string>();

/** A Prisma client over the pg driver adapter: no native query engine is loaded. */
export function createPrisma(url: string, poolSize = 10): Db {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
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
