/** Which browser origins may submit. `'*'` allows any; an empty list allows same-origin only. */
export type AllowedOrigins = '*' | readonly string[];

/**
 * Whether a request's `Origin` may submit. Same-origin requests are allowed (browsers send
 * `Origin` on same-origin POSTs too); requests without `Origin` come from servers and scripts,
 * which CORS does not govern anyway (CORS is not access control). `ownOrigin` comes from the
 * request's `Host`, so it is the collector's own only once that host passed the allowlist
 * (`allowedHosts`); without one, pass undefined: a rebound name would be "same-origin" with itself.
 */
export function isOriginAllowed(
  origin: string | null,
  ownOrigin: string | undefined,
  allowed: AllowedOrigins,
): boolean {
  if (origin === null) return true;
  if (allowed === '*') return true;
  if (ownOrigin !== undefined && origin === ownOrigin) return true;
  return allowed.includes(origin);
}

/** Normalises configured origins (`https://Example.com/` → `https://example.com`) and rejects junk. */
export function normaliseOrigins(origins: AllowedOrigins): AllowedOrigins {
  if (origins === '*') return '*';
  return origins.map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new TypeError(
        `allowed origin ${JSON.stringify(origin)} is not a URL origin like "https://shop.example"`,
      );
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.pathname !== '/' ||
      url.search ||
      url.hash
    ) {
      throw new TypeError(
        `allowed origin ${JSON.stringify(origin)} must be an http(s) origin without a path`,
      );
    }
    return url.origin;
  });
}

/** The CORS headers of an answer to `origin` (none but `Vary` for a request without one). */
export function corsHeaders(origin: string | null): Record<string, string> {
  if (origin === null) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'Retry-After',
  };
}
