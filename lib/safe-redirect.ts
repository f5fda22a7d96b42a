const BASE = "http://same-origin.invalid";

/**
 * The same-origin path to send a user to after signing in, or "/" when `value` would lead
 * anywhere else. The check is made the way a browser reads the address: tabs and newlines are
 * dropped first (so "/\t/evil.example" is the "//evil.example" it becomes), backslashes count as
 * slashes, and the result must resolve to this origin. Only the path, query and fragment are kept.
 */
export function safeRedirectPath(value: string | string[] | null | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 2_000) return "/";
  const cleaned = raw.replace(/[\t\n\r]/g, "");
  // Any other control character, or anything that is not a path, is refused outright.
  if (/[\u0000-\u001f\u007f]/.test(cleaned) || !cleaned.startsWith("/")) return "/";
  if (/^[/\\]{2}/.test(cleaned) || cleaned.startsWith("/\\")) return "/";
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}
