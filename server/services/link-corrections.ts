import type { Prisma } from "@/server/generated/prisma/client";
import { wordingOf } from "@/server/engine/corrections";
import { mentionKeys, withMention, type PledgeKeys } from "@/server/engine/keys";
import { linkKeysOf } from "@/server/engine/normalise";

type Tx = Prisma.TransactionClient;

export interface Label {
  pledgeId: number;
  kind: "MERGE" | "MOVE" | "REJECT";
  linked: boolean;
  mentionId: number;
  phrase: string;
}

/**
 * Records an analyst's decision as labelled wordings for later ingestion (see
 * `server/engine/corrections.ts`): one row per wording, pledge and label; a phrase with no link keys
 * teaches nothing. `eventId` is the history entry that made them, so its undo withdraws them.
 */
export async function recordCorrections(tx: Tx, countryPair: string, labels: Label[], eventId: number, userId: string) {
  const seen = new Set<string>();
  const data = [];
  for (const label of labels) {
    const wording = wordingOf(label.phrase, countryPair);
    const id = `${wording}\u0000${label.pledgeId}\u0000${label.kind}\u0000${label.linked}`;
    if (!wording || seen.has(id)) continue;
    seen.add(id);
    data.push({ countryPair, wording, phrase: label.phrase, pledgeId: label.pledgeId, kind: label.kind, linked: label.linked, mentionId: label.mentionId, eventId, userId });
  }
  if (data.length > 0) await tx.linkCorrection.createMany({ data });
  return data.length;
}

/** Withdraws the labelled wordings the given history entries recorded. */
export async function withdrawCorrections(tx: Tx, eventIds: number[]) {
  return (await tx.linkCorrection.deleteMany({ where: { eventId: { in: eventIds } } })).count;
}

/**
 * A pledge's keys after an analyst places a mention's wording on it, so a later readout with that
 * wording finds it as a candidate; and the keys that were new, which an undo takes off again.
 */
export function aliasKeys(pledge: PledgeKeys, phrase: string, countryPair: string): { keys: PledgeKeys; added: PledgeKeys } {
  const keys = withMention(pledge, mentionKeys({ phrase, countryPair, linkKeys: linkKeysOf(phrase) }));
  return {
    keys,
    added: {
      linkKeys: keys.linkKeys.filter((k) => !pledge.linkKeys.includes(k)),
      retrievalKeys: keys.retrievalKeys.filter((k) => !pledge.retrievalKeys.includes(k)),
    },
  };
}

/** Takes the keys an alias added off a pledge again. */
export async function withdrawAliasKeys(tx: Tx, pledgeId: number, added: unknown) {
  const a = added as Partial<PledgeKeys> | undefined;
  if (!a || !Array.isArray(a.linkKeys) || !Array.isArray(a.retrievalKeys)) return;
  const pledge = await tx.pledge.findUniqueOrThrow({ where: { id: pledgeId }, select: { linkKeys: true, retrievalKeys: true } });
  await tx.pledge.update({
    where: { id: pledgeId },
    data: {
      linkKeys: pledge.linkKeys.filter((k) => !a.linkKeys!.includes(k)),
      retrievalKeys: pledge.retrievalKeys.filter((k) => !a.retrievalKeys!.includes(k)),
    },
  });
}
