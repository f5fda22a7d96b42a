import readline from "node:readline";
import { parseArgs } from "node:util";
import { createPrisma } from "@/server/db";
import { startDatabase } from "@/server/runtime/database";
import { runCli, UserFacingError } from "@/server/runtime/errors";
import { applyMigrations } from "@/server/runtime/migrate";
import { COMMAND_LINE, createUser } from "@/server/services/create-user";
import { InvalidInputError } from "@/server/services/errors";

const USAGE = "usage: npm run user:create -- --email a@b.c --role viewer|analyst|admin [--name \"N\"] (password from standard input or PLEDGE_PASSWORD)";

/** Asks twice without echoing, as `passwd` does. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let muted = false;
    output._writeToOutput = (text: string) => {
      if (!muted || text.includes("\n")) process.stdout.write(muted ? "\n" : text);
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    muted = true;
  });
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Passwords never come from argv: it is visible to every user of the machine and kept in shell history. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.PLEDGE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await promptHidden("Password (at least 12 characters): ");
    const second = await promptHidden("Repeat the password: ");
    if (first !== second) throw new UserFacingError("the two passwords differ; nothing was created.");
    return first;
  }
  return (await readAll()).replace(/\r?\n$/, "");
}

runCli(async () => {
  if (process.argv.some((arg) => /^--?(password|pass|p)(=|$)/.test(arg))) {
    throw new UserFacingError("passwords are not accepted on the command line; pipe it on standard input or set PLEDGE_PASSWORD.");
  }
  let values: { email?: string; role?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values.email || !values.role) throw new UserFacingError(USAGE);
  const password = await readPassword();

  const database = await startDatabase();
  try {
    await applyMigrations(database.url);
    const db = createPrisma(database.url, 2);
    try {
      const user = await createUser(COMMAND_LINE, { email: values.email, role: values.role, name: values.name, password }, db);
      console.log(`Created ${user.role.toLowerCase()} ${user.email}. They can sign in at /login.`);
    } catch (error) {
      if (error instanceof InvalidInputError) {
        throw new UserFacingError(Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join("; ")}`).join("; "));
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
