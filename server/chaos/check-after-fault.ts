import { createPrisma } from "@/server/db";
import { answers } from "@/server/runtime/postmaster";
import { checkInvariants, type Violation } from "@/server/stats/invariants";

/** Waits until the database answers again (its supervisor restarts it), then checks the stored data's rules. */
export async function checkAfterFault(url: string, timeoutMs = 60_000): Promise<Violation[]> {
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(url))) {
    if (Date.now() > deadline) throw new Error(`the database did not come back within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // A new client each time: the last one's connections died with the server.
  const db = createPrisma(url, 2);
  try {
    return await checkInvariants(db);
  } finally {
    await db.$disconnect();
  }
}
