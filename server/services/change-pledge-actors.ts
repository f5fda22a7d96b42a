import { prisma, type Db } from "@/server/db";
import { changePledgeActorsSchema } from "@/lib/schemas/curation";
import { authorise, parseInput, type Actor } from "./actor";
import { InvalidInputError, NotFoundError } from "./errors";
import { updateAtVersion, withConflictDetails } from "./pledge-version";

/**
 * Sets who commits to a pledge. Actors must be among the pledge's two
 * countries: a pledge made to another partner is a different pledge.
 */
export async function changePledgeActors(actor: Actor | null, input: unknown, db: Db = prisma()) {
  const who = authorise(actor, "ANALYST");
  const change = parseInput(changePledgeActorsSchema, input);

  return withConflictDetails(db, () =>
    db.$transaction(async (tx) => {
      const before = await tx.pledge.findUnique({
        where: { id: change.pledgeId },
        select: { actors: true, giver: true, countryPair: true },
      });
      if (!before) throw new NotFoundError(`pledge ${change.pledgeId} does not exist`);
      const countries = before.countryPair.split("|");
      const byName = new Map(countries.map((country) => [country.toLowerCase(), country]));
      const unknown = change.actors.filter((name) => !byName.has(name.toLowerCase()));
      if (unknown.length > 0) {
        throw new InvalidInputError({ actors: [`${unknown.join(", ")} is not one of this pledge's countries (${countries.join(", ")})`] });
      }
      const actors = [...new Set(change.actors.map((name) => byName.get(name.toLowerCase())!))];
      const giver = actors.length === 1 ? actors[0] : "joint";
      const version = await updateAtVersion(tx, change.pledgeId, change.version, { actors, giver, actorsByAnalyst: true });
      await tx.pledgeEvent.create({
        data: {
          pledgeId: change.pledgeId,
          kind: "ACTORS_CHANGED",
          userId: who.id,
          data: { version, from: before.actors, to: actors, giverFrom: before.giver, giverTo: giver },
        },
      });
      return { id: change.pledgeId, version, actors, giver };
    }),
  );
}
