import type { Db } from "@/server/db";

/** The start-up message for a database nobody can sign in to yet; null once a user exists. */
export async function describeFirstUser(db: Db): Promise<string | null> {
  if ((await db.user.count()) > 0) return null;
  return [
    "No user can sign in yet. Create the first admin (the password is read from standard input, never from the command line):",
    "  npm run user:create -- --email you@example.org --role admin --name \"Your Name\"",
    "Reading stays open to everyone unless READ_ACCESS=signed-in; editing needs an analyst or admin account.",
  ].join("\n");
}
