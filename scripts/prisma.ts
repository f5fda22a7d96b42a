import { spawnSync } from "node:child_process";
import path from "node:path";
import { prismaCliEnv } from "@/server/runtime/migrate";

// The Prisma CLI with the offline environment: `npm run prisma -- <command>`.
const url = process.env.DATABASE_URL ?? "postgresql://127.0.0.1:1/unused";
const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: prismaCliEnv(url),
});
process.exit(result.status ?? 1);
