import { parseArgs } from "node:util";
import { createPrisma } from "@/server/db";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { createApiToken } from "@/server/services/create-api-token";
import { COMMAND_LINE } from "@/server/services/create-user";
import { ServiceError } from "@/server/services/errors";

const USAGE = "usage: npm run token:create -- --email a@b.c [--name \"what it is for\"]";

runCli(async () => {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values.email) throw new UserFacingError(USAGE);

  const database = await startDatabase();
  try {
    await applyMigrations(database.url);
    const db = createPrisma(database.url, 2);
    try {
      const token = await createApiToken(COMMAND_LINE, { email: values.email, name: values.name ?? "api" }, db);
      console.error(`Token ${token.id} ("${token.name}") for ${token.email} (${token.role.toLowerCase()}). It is shown once; only its hash is stored.`);
      console.log(token.token);
    } catch (error) {
      if (error instanceof ServiceError) throw new UserFacingError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
