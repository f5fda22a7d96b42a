/**
 * The Content-Security-Policy of every page: scripts only from this origin and carrying the
 * request's nonce (Next.js puts it on its own scripts), no plugins, no framing, forms and base
 * URL to this origin only. Inline style attributes stay allowed: the charts set their colours
 * and sizes through them.
 */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// The headers every response carries, and the API's own policy, are set in next.config.js.
