// The security headers of every page: a Content-Security-Policy with a fresh nonce per request (set in
// proxy.ts; Next puts the nonce on its own scripts when it renders the page). The headers that need no
// nonce (nosniff, referrer, HSTS) are in next.config.ts. Pure, so tests can read the exact policy.

/**
 * Scripts run only with this request's nonce (and what those scripts load: 'strict-dynamic'); no inline
 * event handlers, no eval outside development, no plugins, no <base>, no framing, forms post only here.
 * Styles allow inline style attributes: the app's layout uses a few and they cannot run code.
 */
export function buildContentSecurityPolicy(input: { nonce: string; development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build uses eval for its error overlay; production never does.
    `script-src 'self' 'nonce-${input.nonce}' 'strict-dynamic'${input.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Hot reloading talks over a WebSocket in development.
    `connect-src 'self'${input.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(input.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
