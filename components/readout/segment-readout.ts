/**
 * Splits a readout into paragraphs and marks pledge phrases by character
 * offset. The output is plain strings for React to render as text, which is
 * why a readout containing markup can never inject it into the page.
 */

export interface Span {
  id: number;
  start: number;
  end: number;
}

export type Piece<M extends Span> =
  | { kind: "text"; text: string }
  | { kind: "mark"; text: string; mention: M }
  /** A mention wholly inside an earlier one: only its anchor and label remain. */
  | { kind: "anchor"; mention: M };

export interface Paragraph<M extends Span> {
  start: number;
  /** True when the paragraph lies outside the analysed ranges (navigation, captions, footers). */
  furniture: boolean;
  pieces: Piece<M>[];
}

function parseRanges(raw: unknown): [number, number][] | null {
  if (!Array.isArray(raw)) return null;
  const ranges = raw.filter(
    (r): r is [number, number] => Array.isArray(r) && r.length === 2 && typeof r[0] === "number" && typeof r[1] === "number",
  );
  return ranges.length ? ranges : null;
}

export function segmentReadout<M extends Span>(text: string, mentions: M[], analysedRanges?: unknown): Paragraph<M>[] {
  const ranges = parseRanges(analysedRanges);
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const paragraphs: Paragraph<M>[] = [];
  let cursor = 0;
  let next = 0;

  const lineRe = /[^\n]+/g;
  for (let match = lineRe.exec(text); match; match = lineRe.exec(text)) {
    const pStart = match.index;
    const pEnd = pStart + match[0].length;
    if (!match[0].trim()) continue;
    const pieces: Piece<M>[] = [];
    let at = pStart;
    cursor = Math.max(cursor, pStart);
    while (next < sorted.length && sorted[next].start < pEnd) {
      const m = sorted[next];
      const from = Math.max(m.start, cursor, pStart);
      const to = Math.min(m.end, pEnd);
      if (from >= to) {
        pieces.push({ kind: "anchor", mention: m });
      } else {
        if (from > at) pieces.push({ kind: "text", text: text.slice(at, from) });
        pieces.push({ kind: "mark", text: text.slice(from, to), mention: m });
        at = to;
        cursor = to;
      }
      next++;
    }
    if (at < pEnd) pieces.push({ kind: "text", text: text.slice(at, pEnd) });
    const furniture = ranges ? !ranges.some(([s, e]) => s < pEnd && e > pStart) : false;
    paragraphs.push({ start: pStart, furniture, pieces });
  }
  return paragraphs;
}
