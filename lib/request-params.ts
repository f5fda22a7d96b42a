/**
 * The checks every page's query string passes before anything is rendered: a value a link of
 * ours could never produce is a bad request (HTTP 400) with the reason, not a page that renders
 * an error with status 200. Values the pages treat as optional filters (an unknown topic, say)
 * are not refused here; the page shows what matches.
 */
export const MAX_PARAM_LENGTH = 500;
const MAX_PAGE = 1_000_000;
const INTEGER_PARAMS = new Set(["page", "size", "from", "to", "year"]);
// Control characters (NUL, escapes) and the bidirectional controls that make text read differently.
const CONTROL = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** The problem with the query string, in words, or null when it is acceptable. */
export function queryProblem(params: URLSearchParams): string | null {
  for (const [name, value] of params) {
    if (name.length > 64 || CONTROL.test(name)) return "a query parameter has an unusable name";
    if (value.length > MAX_PARAM_LENGTH) return `"${name}" is longer than ${MAX_PARAM_LENGTH} characters`;
    if (CONTROL.test(value)) return `"${name}" contains control characters`;
    if (INTEGER_PARAMS.has(name) && value !== "") {
      if (!/^\d{1,7}$/.test(value)) return `"${name}" must be a whole number, not "${value.slice(0, 40)}"`;
      const number = Number(value);
      if (name === "page" && (number < 1 || number > MAX_PAGE)) return `"page" must be from 1 to ${MAX_PAGE}`;
      if (name === "size" && (number < 1 || number > 100)) return `"size" must be from 1 to 100`;
    }
  }
  return null;
}
