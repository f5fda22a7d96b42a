import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = InstanceType<typeof PrismaClient>;

/** A Prisma client over the pg driver adapter: no native query engine is loaded. */
export function createPrisma(url: string, poolSize = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
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
