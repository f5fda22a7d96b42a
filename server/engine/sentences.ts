export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
}

// Tokens that end in a period without ending a sentence. Month abbreviations
// matter because captions and datelines write "Feb. 5, 2022".
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sen", "rep", "gov", "jr", "sr", "st",
  "no", "nos", "vs", "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig", "vol", "art",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "e.g", "i.e", "cf", "al", "h.e", "amb",
]);

const CLOSERS = `"'”’)]`;

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i])) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initials ("J.", "U.S", "U.N") — a single capital letter or dotted letters.
  if (/^[A-Z]$/.test(word)) return true;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  return false;
}

/** Whether a quote opened since the sentence began is still open; read once, left to right. */
class QuoteState {
  private open = false;
  private at = 0;
  constructor(private readonly text: string) {}
  reset(from: number): void {
    this.open = false;
    this.at = from;
  }
  openAt(pos: number): boolean {
    for (; this.at < pos; this.at++) {
      const c = this.text[this.at];
      if (c === "“") this.open = true;
      else if (c === "”") this.open = false;
      else if (c === '"') this.open = !this.open;
    }
    return this.open;
  }
}

/**
 * The longest sentence analysed whole. Readouts' longest sentences (a leader's list of proposals)
 * run to several hundred characters; anything far beyond is a page without punctuation, and is
 * cut at its clause boundaries so extraction stays linear in the length of the readout.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Where to cut an over-long stretch: the last semicolon, else comma, else space, in its second half. */
function cutPoint(text: string, s: number, e: number): number {
  const limit = Math.min(e, s + MAX_SENTENCE_CHARS);
  const floor = s + MAX_SENTENCE_CHARS / 2;
  for (const mark of [";", ",", " "]) {
    const at = text.lastIndexOf(mark, limit - 1);
    if (at >= floor) return at + 1;
  }
  return limit;
}

/** Split [start,end) of `text` into sentences; paragraphs never span a blank line. */
export function splitSentences(
  text: string,
  ranges: [number, number][] = [[0, text.length]],
): Sentence[] {
  const out: Sentence[] = [];
  const quotes = new QuoteState(text);
  let paragraph = -1;
  const push = (s: number, e: number, para: number): void => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    while (e - s > MAX_SENTENCE_CHARS) {
      const cut = cutPoint(text, s, e);
      push(s, cut, para);
      s = cut;
      while (s < e && /\s/.test(text[s])) s++;
    }
    if (e > s && /[A-Za-z0-9]/.test(text.slice(s, e))) {
      out.push({ index: out.length, start: s, end: e, text: text.slice(s, e), paragraph: para });
    }
  };
  for (const [rs, re] of ranges) {
    // Paragraph = run of text between newlines.
    const paraRe = /[^\n]+/g;
    paraRe.lastIndex = rs;
    let m: RegExpExecArray | null;
    const chunk = text.slice(0, re);
    while ((m = paraRe.exec(chunk))) {
      const ps = m.index;
      const pe = ps + m[0].length;
      if (!m[0].trim()) continue;
      paragraph++;
      let sStart = ps;
      quotes.reset(ps);
      for (let i = ps; i < pe; i++) {
        const c = text[i];
        if (c !== "." && c !== "!" && c !== "?") continue;
        let j = i + 1;
        while (j < pe && CLOSERS.includes(text[j])) j++;
        if (j < pe && !/\s/.test(text[j])) continue;
        let k = j;
        while (k < pe && /\s/.test(text[k])) k++;
        if (k >= pe) continue;
        const next = text[k];
        if (!/[A-Z0-9"“'‘(]/.test(next)) continue;
        if (c === "." && isAbbreviation(text, i)) {
          // "U.S. President" carries on; an abbreviation at a real boundary is rare
          // enough in readouts that continuing is the safer error.
          continue;
        }
        if (j === i + 1 && quotes.openAt(i)) continue;
        push(sStart, j, paragraph);
        sStart = j;
        quotes.reset(j);
        i = j - 1;
      }
      push(sStart, pe, paragraph);
    }
  }
  return out;
}
