import { parseArgs } from "node:util";
import { createPrisma } from "@/server/db";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { COMMAND_LINE } from "@/server/services/create-user";
import { InvalidInputError, ServiceError } from "@/server/services/errors";
import { revokeApiToken } from "@/server/services/revoke-api-token";

const USAGE = "usage: npm run token:revoke -- --id N | --email a@b.c (all of that user's tokens) | --stdin (the token itself)";

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

runCli(async () => {
  let values: { id?: string; email?: string; stdin?: boolean };
  try {
    ({ values } = parseArgs({ options: { id: { type: "string" }, email: { type: "string" }, stdin: { type: "boolean" } }, strict: true }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  // The token itself is read from standard input only, like a password.
  const token = values.stdin ? await readAll() : undefined;

  const database = await startDatabase();
  try {
    await applyMigrations(database.url);
    const db = createPrisma(database.url, 2);
    try {
      const { revoked } = await revokeApiToken(COMMAND_LINE, { id: values.id, email: values.email, token }, db);
      console.log(revoked === 0 ? "No active token matched; nothing was revoked." : `Revoked ${revoked} token${revoked === 1 ? "" : "s"}.`);
      return revoked === 0 ? 1 : 0;
    } catch (error) {
      if (error instanceof InvalidInputError) throw new UserFacingError(`${Object.values(error.fieldErrors).flat().join("; ")}. ${USAGE}`);
      if (error instanceof ServiceError) throw new UserFacingError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
