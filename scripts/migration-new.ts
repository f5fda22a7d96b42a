import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { runPrisma } from "@/server/runtime/migrate";

// Writes prisma/migrations/<timestamp>_<name>/migration.sql as the difference
// between the schema at the last committed migration and prisma/schema.prisma.
runCli(async () => {
  const name = (process.argv[2] ?? "").trim();
  if (!/^[a-z0-9_]+$/.test(name)) throw new UserFacingError("usage: npm run db:migration -- <name_in_snake_case>");

  const lastMigrationCommit = execFileSync("git", ["log", "-1", "--format=%H", "--", "prisma/migrations"], { encoding: "utf8" }).trim();
  const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
  if (lastMigrationCommit) {
    fs.writeFileSync(previous, execFileSync("git", ["show", `${lastMigrationCommit}:prisma/schema.prisma`], { encoding: "utf8" }));
  }

  const db = await startDatabase();
  try {
    const from = lastMigrationCommit ? ["--from-schema-datamodel", previous] : ["--from-empty"];
    const sql = await runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], db.url);
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      console.log("No schema change since the last migration; nothing written.");
      return 0;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql. Review it, then apply with \`npm run db:migrate\`.`);
    return 0;
  } finally {
    await db.stop();
  }
});
