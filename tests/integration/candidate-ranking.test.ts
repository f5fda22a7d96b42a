import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTopics } from "@/server/ingest/ingest-readout";
import { findCandidates } from "@/server/ingest/link-mentions";
import { MAX_CANDIDATES, rankCandidates, type StoredPledge } from "@/server/engine/plan-links";
import { withSqlTransaction } from "@/server/sql-transaction";
import { freshDatabase } from "./support";

// Candidate retrieval in PostgreSQL must rank and cap exactly as the planner's `rankCandidates`,
// also when more pledges share a mention's keys than are scored: then the order decides which
// pledges the scorer sees.
/** The order before keys were weighed: the count of shared keys. */
const byCount = (pledges: StoredPledge[], lookup: string[]) =>
  pledges
    .map((p) => ({ p, n: p.retrievalKeys.filter((k) => lookup.includes(k)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || b.p.mentionCount - a.p.mentionCount || a.p.id - b.p.id)
    .slice(0, MAX_CANDIDATES)
    .map((x) => x.p.id);

describe("candidate ranking", () => {
  let ctx: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    ctx = await freshDatabase("candidate_ranking");
  });
  afterAll(async () => ctx?.drop());

  it("gives the planner's order and cap, ties and merged pledges included", async () => {
    const topics = await ensureTopics(ctx.db);
    // A small vocabulary with skewed frequencies: a few common keys, many rare ones.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocabulary = Array.from({ length: 30 }, (_, i) => `A|B:k${i}`);
    const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
    const stored: StoredPledge[] = [];
    for (let i = 0; i < 120; i++) {
      const retrievalKeys = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, pick))];
      const mentionCount = Math.floor(random() * 3);
      const merged = i > 10 && random() < 0.1;
      const p = await ctx.db.pledge.create({
        data: { title: `p${i}`, topicId: topics.get("other")!, actors: ["A"], giver: "A", countryPair: "A|B", linkKeys: [], retrievalKeys, mentionCount, mergedIntoId: merged ? stored[0].id : null },
      });
      if (!merged) stored.push({ id: p.id, title: p.title, topic: "other", giver: "A", countryPair: "A|B", linkKeys: [], retrievalKeys, phrases: [], mentionCount });
    }
    const lookups = Array.from({ length: 40 }, () => [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, pick))]);
    const { found, scans } = await withSqlTransaction(ctx.db, async (tx) => {
      // As ingestion runs it: every statement an index lookup, never a scan of every pledge.
      await tx.$queryRaw`select set_config('enable_seqscan', 'off', true)`;
      const found = await findCandidates(tx, lookups);
      const scans = await tx.$queryRaw<{ seq_scan: bigint }[]>`select seq_scan from pg_stat_xact_user_tables where relname = 'Pledge'`;
      return { found, scans };
    });
    expect(Number(scans[0].seq_scan), "sequential scans of Pledge").toBe(0);
    let capped = 0;
    let weighed = 0;
    lookups.forEach((lookup, i) => {
      const planned = rankCandidates(stored, lookup).map((p) => p.id);
      if (planned.length === MAX_CANDIDATES) capped++;
      if (planned.join() !== byCount(stored, lookup).join()) weighed++;
      expect(found[i].map((p) => p.id), `lookup ${lookup.join(" ")}`).toEqual(planned);
    });
    expect(capped, "the cap binds for some lookups").toBeGreaterThan(5);
    expect(weighed, "the weights decide the order for some lookups").toBeGreaterThan(5);
  });
});
