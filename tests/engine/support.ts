import { expect } from "vitest";
import { extractMentions, type ExtractedMention } from "@/server/engine/extract-mentions";
import { parseReadout } from "@/server/engine/parse-readout";

/** The first mention the engine finds in a short readout: a heading and meeting line, then `body`. */
export function firstMention(head: string, body: string): ExtractedMention {
  const t = head + body;
  const ms = extractMentions(t, parseReadout(t));
  expect(ms.length).toBeGreaterThan(0);
  return ms[0];
}

/** Every mention in a short readout (`head`, then `body`), each checked to quote its own text. */
export function mentionsIn(head: string, body: string): ExtractedMention[] {
  const t = head + body;
  const ms = extractMentions(t, parseReadout(t));
  for (const m of ms) {
    expect(t.slice(m.start, m.end)).toBe(m.quote);
    expect(t.slice(m.phraseStart, m.phraseEnd)).toBe(m.phrase);
  }
  return ms;
}
