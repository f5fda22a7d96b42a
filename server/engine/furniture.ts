export type LineKind =
  | "body" | "title" | "meta" | "crumb" | "caption" | "footer" | "heading" | "masthead" | "byline";

export interface Line { start: number; end: number; text: string; kind: LineKind }

export interface Dateline { city: string; month: string; day: number; agency: string | null; start: number; end: number }

export interface Layout {
  lines: Line[];
  title: string | null;
  /** Labelled header values, e.g. "Updated" → "November 22, 2025 22:50". */
  meta: { label: string; value: string }[];
  dateline: Dateline | null;
  analysedRanges: [number, number][];
}

const MONTH_WORD =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

const META_LABEL =
  /^\s*(Updated|Last updated|Release Date|Released|Published|Posted|Date|Time|Source|Publication date)\s*[:：]?\s*(.*)$/i;
// "date 2024-07-15 On the afternoon…": a crawler-style date token glued to the first paragraph.
const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/i;
const CRUMB = /^\s*(?:Home|Main|Main page|Homepage)\s*(?:>|»|\/|›)|(?:\s[>»›]\s.*){2,}|\s>\s*$/i;
// Lines after which nothing is article text any more.
const TERMINAL =
  /^\s*(?:Editor|Editors|Responsible editor|Chief editor|Translator)\s*[:：]|^\s*(?:Search Trends|Related (?:News|Articles|Stories|Posts)|Read more|Most (?:Read|Popular)|Share this|Tags?\s*:|Copyright|©)/i;
const INLINE_LINK = /^\s*(?:Read more|Read also|Also read|See also)\s*[:：|-]\s*\S/i;
const FOOTER =
  /(?:\|.*\|)|Registration number|All rights reserved|Sponsored by|Operated by|recommended to use .*browser|Follow us|Subscribe to|Contact us|About us|Privacy policy|Terms of use/i;
// Photo credits: "(Xinhua/Li Xiang)", "/Chinese Foreign Ministry", "Photo: Kabar", "(Photo by …)".
const CAPTION_CREDIT =
  /\([A-Z][\w.&' -]*\/[^)]{2,40}\)\s*$|\s\/\s?[A-Z][\w.' -]{2,40}$|^\s*(?:File )?Photo(?: by)?\s*[:：]|\((?:Photo|Photo by|Photo:)[^)]*\)\s*$/;
const BYLINE = /^\s*(?:By|Written by|Author)\s*:?\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\b(?:[\s,|].{0,80})?$/;
const DATELINE = new RegExp(
  `^\\s*([A-Z][A-Z.' -]{2,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?),\\s+(${MONTH_WORD})\\s+(\\d{1,2})\\s*(?:\\(([^)]{2,30})\\))?\\s*(?:--|—|–|-)\\s*`,
);

function isSentenceLike(t: string): boolean {
  return /[.!?"”,;:)]\s*$/.test(t) || t.split(/\s+/).length > 14;
}

export function analyseLayout(text: string): Layout {
  const lines: Line[] = [];
  const re = /[^\n]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].trim()) lines.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: "body" });
    if (re.lastIndex === m.index) re.lastIndex++;
    if (re.lastIndex > text.length) break;
  }
  const meta: Layout["meta"] = [];
  let dateline: Dateline | null = null;
  const ranges: [number, number][] = [];
  const bodyStart = new Map<Line, number>();

  // Caption paragraphs are often printed twice (under the photo and in the gallery).
  const seen = new Map<string, number>();
  for (const l of lines) {
    const k = l.text.trim();
    if (k.length > 30) seen.set(k, (seen.get(k) ?? 0) + 1);
  }

  let terminal = false;
  let inHeader = true;
  let mastheadSeen = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (terminal) { l.kind = "footer"; continue; }
    // "Read more: <another headline>" inside an article links elsewhere; the article goes on.
    if (INLINE_LINK.test(t)) { l.kind = "footer"; continue; }
    if (TERMINAL.test(t)) { l.kind = "footer"; terminal = true; continue; }
    if (CRUMB.test(t)) { l.kind = "crumb"; continue; }
    const dp = DATE_PREFIX.exec(l.text);
    if (dp) {
      meta.push({ label: "date", value: dp[1] });
      if (l.text.slice(dp[0].length).trim()) bodyStart.set(l, l.start + dp[0].length);
      else { l.kind = "meta"; continue; }
    }
    // A line that is only a date and time ("19.05.2023 16:05") is a header value.
    if (!dp && t.length < 40 && /^[\d.:\-/ ,]+$/.test(t) && /\d{4}/.test(t)) {
      l.kind = "meta";
      meta.push({ label: "date", value: t });
      inHeader = false;
      continue;
    }
    const ml = META_LABEL.exec(t);
    if (!dp && ml && t.length < 90 && (inHeader || !isSentenceLike(t) || /\d/.test(ml[2]))) {
      l.kind = "meta";
      // "Release Date:2022-02-14 10:08:06     Source:Xinhua" carries two labels.
      for (const part of t.split(/\s{2,}|\t|\s\|\s/)) {
        const pm = META_LABEL.exec(part);
        if (pm) meta.push({ label: pm[1].toLowerCase(), value: pm[2].trim() });
      }
      // The title comes before the date line; what follows is article text.
      if (mastheadSeen) inHeader = false;
      continue;
    }
    if (FOOTER.test(t) && t.length < 160) { l.kind = "footer"; continue; }
    if ((seen.get(t) ?? 0) > 1 || CAPTION_CREDIT.test(t)) { l.kind = "caption"; continue; }
    if (BYLINE.test(t) && t.length < 120) { l.kind = "byline"; if (mastheadSeen) inHeader = false; continue; }
    // A line of more than twenty words is article text, even when the page wraps it mid-sentence.
    if (inHeader && !dp && !(/[.!?"”]\s*$/.test(t) && t.split(/\s+/).length > 8) && t.split(/\s+/).length <= 20 && t.length <= 200) {
      l.kind = "masthead"; // resolved to title below
      mastheadSeen = true;
      continue;
    }
    inHeader = false;
    if (!isSentenceLike(t) && t.split(/\s+/).length <= 10 && t.length <= 80) { l.kind = "heading"; continue; }
    l.kind = "body";
  }

  // The title is the longest masthead line; the others name the outlet.
  const mast = lines.filter((l) => l.kind === "masthead");
  let titleLine: Line | null = null;
  for (const l of mast) if (!titleLine || l.text.trim().length > titleLine.text.trim().length) titleLine = l;
  if (titleLine) titleLine.kind = "title";

  for (const l of lines) {
    if (l.kind !== "body") continue;
    let s = bodyStart.get(l) ?? l.start;
    if (!dateline) {
      const dm = DATELINE.exec(text.slice(s, l.end));
      if (dm) {
        dateline = { city: dm[1].trim(), month: dm[2], day: Number(dm[3]), agency: dm[4]?.trim() ?? null, start: s, end: s + dm[0].length };
        s += dm[0].length;
      }
    }
    let e = l.end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    while (s < e && /\s/.test(text[s])) s++;
    if (e > s) ranges.push([s, e]);
  }
  return { lines, title: titleLine ? titleLine.text.trim() : null, meta, dateline, analysedRanges: ranges };
}

export function linesOf(layout: Layout, ...kinds: LineKind[]): Line[] {
  return layout.lines.filter((l) => kinds.includes(l.kind));
}
