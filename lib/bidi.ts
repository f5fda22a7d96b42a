/**
 * Unicode's invisible direction controls (embeddings, overrides, isolates, marks). In a title
 * they make text display in an order other than the one stored ("evil.exe" shown as "exe.live"),
 * so titles never keep them; quotes must stay byte-exact, so there they are shown escaped.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** The text with each direction control replaced by a visible code such as "⟨U+202E⟩". */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
