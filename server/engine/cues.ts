export type Firmness = 1 | 2 | 3 | 4;

export interface Cue {
  cue: string;
  firmness: Firmness;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  /** Where the committed action starts (relative to the sentence). */
  predStart: number;
  /** "verb" cues (welcomes, supports) are themselves part of the pledge's words. */
  kind: "modal" | "verb" | "call" | "hope-that" | "ordinal";
  /** Who the cue names as committing, when the cue itself says so ("called on the two sides to"). */
  addressee?: string;
}

const PARTY = "(?:the two sides|both sides|the two countries|both countries|the sides|the parties|[A-Z][a-z]+ and [A-Z][a-z]+|[A-Z][a-z]+)";

// Longest forms first: "will continue to" must win over "will".
const CUES: { re: RegExp; firmness: Firmness; kind: Cue["kind"]; label?: string }[] = [
  { re: new RegExp(`\\b(?:called|calling|calls) on (${PARTY}) to\\b`, "g"), firmness: 2, kind: "call", label: "called on … to" },
  { re: new RegExp(`\\b(?:urged|urging|urges) (${PARTY}) to\\b`, "g"), firmness: 2, kind: "call", label: "urged … to" },
  { re: new RegExp(`\\b(?:encouraged|encouraging|encourages|asked|asking|asks) (the two sides|both sides|the two countries|both countries|the two governments|both governments) to\\b`, "g"), firmness: 2, kind: "call", label: "encouraged … to" },
  { re: /\bexpressed the hope that\b|\bhopes? that\b|\bexpects? that\b|\bit is expected that\b/g, firmness: 1, kind: "hope-that" },
  // A commitment told as a noun inside a reporting verb: "underscored China's readiness to",
  // "underlined the need to", "expressed willingness to", "reaffirmed their determination to".
  { re: /\b(?:expressed|expressing|expresses|reaffirmed|reaffirming|reiterated|reiterating|underlined|underlining|underscored|underscoring|stressed|stressing|emphasi[sz]ed|emphasi[sz]ing|highlighted|noted|voiced|conveyed|showed|demonstrated|confirmed)\s+(?:the\s+|a\s+)?(?:[A-Z]\w+['’]s\s+|its\s+|their\s+|his\s+|her\s+|the\s+two\s+sides['’]\s+)?(?:firm\s+|strong\s+|full\s+|sincere\s+|shared\s+|common\s+|great\s+|urgent\s+)?(readiness|willingness|determination|intention|commitment|desire|resolve|need|necessity|offer|pledge|promise)\s+to\b(?!\s+the\b)/g, firmness: 3, kind: "modal" },
  { re: /\b(?:called|calling|calls)\s+for\b/g, firmness: 2, kind: "call", label: "called for" },
  { re: /\b(?:am|is|are|was|were|remains?)\s+(?:also\s+|\w+ly\s+)?(?:ready|willing|prepared)\s+to\b|\bstands? ready to\b/g, firmness: 3, kind: "modal" },
  // Gladness to act is willingness ("is pleased to conduct cooperation"); gladness to see, hear or
  // meet is courtesy.
  { re: /\b(?:am|is|are)\s+(?:also\s+|very\s+)?(?:pleased|glad|happy)\s+to\b(?!\s+(?:see|note|learn|hear|know|find|meet|welcome|receive|visit|have|be|say|announce|inform)\b)/g, firmness: 3, kind: "modal" },
  // A proposal: "the two countries can explore …", "China and Kazakhstan could step up …".
  { re: new RegExp(`(?<=(?:^|\\bthat\\s+|[,;:]\\s+|\\b(?:and|said|says)\\s+)(?:the two sides|both sides|the two countries|both countries|[A-Z][a-z]+ and [A-Z][a-z]+)\\s+)(?:can|could)\\b`, "g"), firmness: 2, kind: "modal" },
  // What a hope is about, told with its own subject: "hopes that Pakistan can enhance …".
  { re: /(?<=\b(?:hopes?|hoped|hoping|expects?|expected|the hope)\s+that\s+(?:the\s+)?(?:[A-Z][a-z]+(?:\s+(?:side|government))?|two sides|both sides|two countries|both countries)\s+)(?:can|could|would)\b/g, firmness: 2, kind: "modal" },
  { re: /\b(?:is|are)\s+interested in\b/g, firmness: 3, kind: "modal", label: "is interested in" },
  { re: /\b(?:is|are)\s+determined to\b|\b(?:agreed|agree|agreeing|vowed|vowing|vow|pledged|pledging|pledge|promised|promising|promises|committed|decided|resolved) to\b/g, firmness: 4, kind: "modal" },
  { re: /\bwill\b(?:,\s*as always,)?(?:\s+(?:also|further|continue to|always|never|still|actively|jointly|firmly|keep)\b)*|\b\w+['’]ll\b/g, firmness: 4, kind: "modal" },
  { re: /\b(?:should|shall)(?:\s+(?:also|further|continue to|jointly|actively))*\b|\bneeds? to\b|\bmust\b|\bit is necessary to\b|\bstressed the importance of\b|\bproposed to\b/g, firmness: 2, kind: "modal" },
  { re: /\b(?:hopes?|hoped|hoping) to\b|\bexpects? to\b/g, firmness: 1, kind: "modal" },
  // Base forms ("support", "welcome") are heads of another cue's predicate, never cues themselves.
  { re: /\b(?:welcomes|welcomed)\b|\b(?:fully |firmly |staunchly |steadfastly )?supports\b/g, firmness: 1, kind: "verb" },
  // A standing policy told in the present ("firmly adheres to the one-China principle", "encourages
  // its companies to invest"); the past ("adhered to") tells what was done.
  // "China respects the development path chosen by the Mongolian people" is such a policy too.
  { re: /\b(?:firmly |strictly |always )?(?:adheres|sticks)\s+(?:firmly\s+|strictly\s+)?to\b|\b(?:firmly |strictly |always )?(?:abides\s+(?:firmly\s+|strictly\s+)?by|upholds)\b|\b(?:firmly |always |consistently )?pursues\s+(?=(?:the|a)\s+(?:[\w-]+\s+){0,2}polic(?:y|ies)\b)|\bencourages\b|\b(?:firmly |resolutely )?opposes\b|\b(?:fully |firmly |always )?respects\b/g, firmness: 1, kind: "verb" },
  // A proposal addressed to both or one side: "suggested the two sides strengthen financial
  // cooperation", "proposed that China and Mongolia expand …".
  // A weekday may stand before "that" ("suggested Wednesday that"), a two-word country after "and",
  // and a clause between the parties and their actions (", while ensuring epidemic control,"); a
  // "China-proposed" initiative is no proposal.
  { re: new RegExp(`(?<!-)\\b(?:suggested|suggests|suggesting|proposed|proposes|proposing)\\s+(?:(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\s+)?(?:that\\s+)?(the two sides|both sides|the two countries|both countries|[A-Z][a-z]+ and [A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\\s+(?:while|when|as|after|before|amid)\\s+[^,.;]{3,80},)?\\s+(?=(?!(?:should|would|could|can|will|must|need|shall|jointly)\\b)[a-z]+\\b)`, "g"), firmness: 2, kind: "call", label: "proposed that …" },
  // A request to one side: "requested the Chinese side to help Cambodia build …".
  { re: /\b(?:requested|requests|requesting|asked|asks|asking)\s+(the\s+[A-Z][a-z]+\s+(?:side|government)|the two sides|both sides|China|[A-Z][a-z]+)\s+to\b(?!\s+(?:visit|attend|come|join the (?:celebration|ceremony))\b)/g, firmness: 2, kind: "call", label: "requested … to" },
  // Reported future: "said that he would visit Minsk", "stressed that China would continue to …".
  { re: /(?<=\b(?:said|says|stressed|stresses|noted|added|affirmed|assured|announced|pledged|promised|reiterated|emphasi[sz]ed)\s+(?:that\s+)?(?:he|she|they|it|we|China|[A-Z][a-z]+|the\s+[A-Z][a-z]+\s+(?:side|government))\s+)would(?:\s+(?:continue to|also|further|actively|jointly|firmly))*\b/g, firmness: 3, kind: "modal", label: "would" },
  // "looks forward to working with … to consolidate …": a wish to act, told with a gerund.
  { re: /\b(?:looks?|looked|looking)\s+forward\s+to\s+(?=[a-z]+ing\b)/g, firmness: 1, kind: "modal", label: "looks forward to" },
  // "reiterated to firmly adhere to …": a renewed commitment, in the wording of official translations.
  { re: /\b(?:reiterated|reiterates|reaffirmed|reaffirms)\s+to\b/g, firmness: 3, kind: "modal" },
  // "the two sides agreed on further cooperation under …": an agreement on a course of action.
  { re: /\b(?:agreed|agree) on\b/g, firmness: 4, kind: "modal" },
  { re: /\b(?:is|are) (?:also |further )?encouraged to\b/g, firmness: 2, kind: "modal" },
  { re: /\b(?:stress|express|reaffirm|reiterat|voic)(?:ed|ing)\s+(?:the\s+|their\s+|its\s+|[A-Z]\w+['’]s\s+)?(?:(?:firm|full|strong|unwavering|continued|mutual)\s+)*(?:commitment\s+and\s+)?support\s+(?:for|to|on|of)\b/g, firmness: 1, kind: "verb", label: "support for" },
];

const ORDINAL = /(?:^|:\s+)(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Finally|Lastly)(?:ly)?,\s+(?=[a-z])/;

export function findCues(sentence: string): Cue[] {
  const found: Cue[] = [];
  const om = ORDINAL.exec(sentence);
  if (om) found.push({ cue: `${om[1]}, …`, firmness: 2, start: om.index, end: om.index + om[0].length, predStart: om.index + om[0].length, kind: "ordinal" });
  for (const c of CUES) {
    c.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = c.re.exec(sentence))) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const text = m[0].replace(/\s+/g, " ");
      found.push({
        cue: c.label ?? text.replace(/^(?:is|are|was|were)\s+/, "is ").replace(/\s+$/, ""),
        firmness: c.firmness,
        start,
        end,
        // "reaffirmed support for each other …": the support is the pledge's own verb.
        predStart: c.kind === "verb" && !c.label ? start : c.label === "support for" ? start + m[0].search(/(?:mutual\s+)?support\s+\w+$/) : end,
        kind: c.kind,
        addressee: c.kind === "call" ? m[1] : undefined,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Non-commitment frames: thanks, praise, description of the past. */
export const NON_PLEDGE_FRAME = /\b(thanked|thanks|appreciat|praised|spoke highly|congratulat|expressed (?:satisfaction|confidence)|is confident)\b/i;
