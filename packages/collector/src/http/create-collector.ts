import { createHash, timingSafeEqual } from 'node:crypto';
import { MAX_SUBMISSION_BYTES, PROTOCOL_VERSION } from '@hark/protocol';
import { type ResponseStore, StorageError } from '../storage/response-store.js';
import { parseSubmission } from '../validation/parse-submission.js';
import { AdminSessions } from './admin-sessions.js';
import { HostAllowlist, isLoopbackAddress, isLoopbackHost, misdirected } from './allowed-hosts.js';
import { commentsOutgoing } from './comments-endpoint.js';
import { type AllowedOrigins, corsHeaders, isOriginAllowed, normaliseOrigins } from './cors.js';
import { CredentialThrottle, type CredentialThrottleOptions } from './credential-throttle.js';
import { ERASURE_PATH, erasureOutgoing } from './erasure-endpoint.js';
import {
  errorOutgoing,
  fromRequest,
  type Incoming,
  jsonOutgoing,
  type Outgoing,
  toResponse,
} from './exchange.js';
import { exportOutgoing } from './export-endpoint.js';
import { HttpError } from './http-error.js';
import type { RateLimiter } from './rate-limiter.js';
import { routePath } from './request-target.js';
import { resultsOutgoing } from './results-endpoint.js';
import { themesOutgoing } from './themes-endpoint.js';

export interface CollectorOptions {
  /** Where answers are stored. */
  readonly store: ResponseStore;
  /**
   * Browser origins that may submit. The collector's own origin may too, but only once
   * `allowedHosts` says which hosts are its own: without it, the `Host` a request names proves
   * nothing (a rebound name would be "same-origin" with itself). Default: none.
   */
  readonly allowedOrigins?: AllowedOrigins;
  /** Extra request headers a cross-origin submission may carry (besides Content-Type). */
  readonly allowedHeaders?: readonly string[];
  /** Limits submissions per client; none by default (the reference server sets one). */
  readonly rateLimiter?: RateLimiter;
  /**
   * The token that reading and erasing answers requires (as `Authorization: Bearer …`, or through
   * a dashboard session opened with it), at least 16 characters. Without one, those endpoints are
   * refused with 403, unless `readAccess` says otherwise.
   */
  readonly adminToken?: string;
  /**
   * Who may use the endpoints that read and erase answers (results, export, themes, comments,
   * session, erasure):
   * - `'token'` (default): only with the admin token; without one configured, nobody (403).
   * - `'loopback-without-token'`: as `'token'`, but when no admin token is configured, requests
   *   addressed to a loopback name (`localhost`, 127.x, `[::1]`) from a loopback peer may read
   *   without one. The adapter must pass the peer (`context.clientAddress`): without it the
   *   request is refused. A request carrying `Forwarded`, `X-Forwarded-For`, `X-Forwarded-Host`,
   *   `X-Real-IP` or `Via` came through a proxy and is refused too. For a collector that only this
   *   machine reaches; never behind a reverse proxy on the same machine (nginx sends
   *   `Host: 127.0.0.1` upstream, and not every proxy adds a forwarding header).
   * - `'off'`: not served at all (404).
   */
  readonly readAccess?: ReadAccess;
  /**
   * The `Host` names the collector answers for (see `HostAllowlist`); any other gets 421 before
   * routing, which stops DNS rebinding; a request to one of them may submit from its own origin.
   * Default: any host — an embedded handler behind a proxy may not know its public name; its
   * reads are still guarded by the token, or by `readAccess`'s loopback-name rule, which a rebound
   * name never passes, and only `allowedOrigins` may submit from a browser. A `HostAllowlist` is
   * used as it is, so that names added to it later count (a server that learns its port once
   * listening).
   */
  readonly allowedHosts?: readonly string[] | HostAllowlist;
  /**
   * Failed admin-token checks allowed per client address and overall in a minute, before 429
   * with `Retry-After` (see `CredentialThrottle`). Default 10 and 100.
   */
  readonly credentialThrottle?: CredentialThrottleOptions;
  /** Path prefix the collector is mounted under, e.g. `/hark`. Default: none. */
  readonly basePath?: string;
  /**
   * Mark the dashboard's session cookie `Secure`. Default: when the request came over https; set
   * it when a TLS-terminating proxy sits in front (the reference server does, off loopback).
   */
  readonly secureCookies?: boolean;
  /** Called with failures that became a 5xx, for the host's logs. */
  readonly onError?: (error: unknown) => void;
  /**
   * Called once with a line about a setup that works but not as meant (today: a rate limit with
   * requests that come without `context.clientAddress`), for the host's logs. Default: `console.warn`.
   */
  readonly onWarning?: (message: string) => void;
  /** The clock, in ms since the epoch (tests move it). */
  readonly now?: () => number;
}

/** Who may read and erase answers; see `CollectorOptions.readAccess`. */
export type ReadAccess = 'token' | 'loopback-without-token' | 'off';

/** Facts about the connection a fetch `Request` does not carry, passed by the server adapter. */
export interface RequestContext {
  /** `undefined` allowed: runtimes give `string | undefined` (Hono's `getConnInfo`, Bun's `requestIP`). */
  readonly clientAddress?: string | undefined;
}

export type CollectorHandler = ((
  request: Request,
  context?: RequestContext,
) => Promise<Response>) & {
  /** The same logic on plain request data, for adapters that skip building a `Request`. */
  readonly [HANDLE]?: (incoming: Incoming, context?: RequestContext) => Promise<Outgoing>;
};

/** Where a collector keeps its request-data entry point, for the Node adapter's fast path. */
export const HANDLE: unique symbol = Symbol.for('hark.collector.handle');

/** Path of the v1 ingestion endpoint, relative to `basePath`. A v2 gets its own path beside it. */
export const SUBMIT_PATH = `/v${PROTOCOL_VERSION}/responses`;
export const RESULTS_PATH = '/results';
export const EXPORT_PATH = '/export';
export const THEMES_PATH = '/themes';
export const SESSION_PATH = '/session';
export const COMMENTS_PATH = '/comments';

/**
 * Creates the collector as a standard fetch handler, usable from Node (see `@hark/collector/node`),
 * Hono, Express (through an adapter), Deno, Bun or Workers.
 *
 * - `POST /v1/responses`: 202 `{ accepted, stored, duplicates, erased }` once every answer is
 *   durably stored (a re-sent id counts as accepted, and so does an erased one, not stored again); 400 with `issues` (drop, do not retry);
 *   403 origin not allowed; 413; 415; 429 with `Retry-After`; 503 when storage failed (retry).
 * - `OPTIONS /v1/responses`: CORS preflight for allowed origins.
 * - `GET /results?surveyId=`: NPS / CSAT / CES with margins of error (needs `adminToken` if set).
 * - `GET /export?surveyId=&from=&to=&format=csv|ndjson`: every answer, streamed (needs `adminToken`).
 * - `GET /themes?surveyId=&from=&to=`: frequent words and phrases of comments, by score band.
 * - `GET /comments?surveyId=&band=&q=&limit=`: the latest comments, filtered.
 * - `POST /session`, `DELETE /session`: dashboard sign-in with the admin token (a cookie).
 * - `DELETE /responses/{id}`, `DELETE /visitors/{visitorId}`: erasure (needs `adminToken` if set).
 */
export function createCollector(options: CollectorOptions): CollectorHandler {
  const allowedOrigins = normaliseOrigins(options.allowedOrigins ?? []);
  const allowedHeaders = [
    'content-type',
    ...(options.allowedHeaders ?? []).map((h) => h.toLowerCase()),
  ];
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  if (options.adminToken === '') {
    // `adminToken: process.env.HARK_ADMIN_TOKEN` with the variable set but empty: say so.
    throw new TypeError(
      'adminToken is empty (an environment variable set to nothing?): leave it out, or give at least 16 characters',
    );
  }
  if (options.adminToken !== undefined && options.adminToken.length < 16) {
    throw new TypeError('adminToken must be at least 16 characters long');
  }
  const tokenDigest = options.adminToken === undefined ? undefined : sha256(options.adminToken);
  const readAccess = options.readAccess ?? 'token';
  if (!READ_ACCESS.includes(readAccess)) {
    throw new TypeError(
      `readAccess must be "token", "loopback-without-token" or "off", not ${JSON.stringify(readAccess)}`,
    );
  }
  const hosts =
    options.allowedHosts === undefined || options.allowedHosts instanceof HostAllowlist
      ? options.allowedHosts
      : new HostAllowlist(options.allowedHosts);
  const throttle = new CredentialThrottle(options.credentialThrottle);

  let warnedNoAddress = false;
  function limit(context: RequestContext, what: string): void {
    if (options.rateLimiter === undefined) return;
    if (context.clientAddress === undefined && !warnedNoAddress) {
      // Silently, every visitor would share one bucket: the fourth request from anyone gets 429.
      warnedNoAddress = true;
      (options.onWarning ?? ((line) => console.warn(line)))(NO_ADDRESS_WARNING);
    }
    const verdict = options.rateLimiter.take(context.clientAddress ?? 'unknown', now());
    if (!verdict.allowed) {
      throw new HttpError(429, 'rate_limited', `Too many ${what}; retry later.`, {
        headers: { 'retry-after': String(verdict.retryAfterSeconds) },
      });
    }
  }

  async function submit(
    incoming: Incoming,
    origin: string | null,
    context: RequestContext,
  ): Promise<Outgoing> {
    const headers = corsHeaders(origin);
    try {
      limit(context, 'submissions');
      requireJson(incoming);
      const text = await incoming.text(MAX_SUBMISSION_BYTES);
      const result = parseSubmission(text, { now: now() });
      if (!result.ok) {
        const count = result.issues.length;
        const message = `The submission has ${count} issue${count === 1 ? '' : 's'}.`;
        throw new HttpError(400, 'invalid_submission', message, { issues: result.issues });
      }
      const outcome = await options.store.insert(result.value.responses, new Date(now()));
      const accepted = result.value.responses.map((r) => r.id);
      return jsonOutgoing(
        202,
        {
          accepted,
          stored: outcome.stored.length,
          duplicates: outcome.duplicates,
          erased: outcome.erased,
        },
        headers,
      );
    } catch (error) {
      return failure(error, headers);
    }
  }

  function preflight(incoming: Incoming, origin: string | null): Outgoing {
    const method = incoming.header('access-control-request-method');
    const requested = (incoming.header('access-control-request-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
    if (
      origin === null ||
      method !== 'POST' ||
      !requested.every((h) => allowedHeaders.includes(h))
    ) {
      const message = `Only POST with these headers is allowed: ${allowedHeaders.join(', ')}`;
      return errorOutgoing(new HttpError(403, 'preflight_refused', message), { vary: 'Origin' });
    }
    return {
      status: 204,
      headers: {
        ...corsHeaders(origin),
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': allowedHeaders.join(', '),
        'access-control-max-age': '86400',
      },
      body: null,
    };
  }

  /**
   * Lets the request read or erase, or throws the refusal: 403 when no admin token is configured
   * (and the loopback exception does not apply), 401 without a valid credential, 429 while its
   * address (or everyone) is locked out after too many wrong tokens.
   */
  function authorise(incoming: Incoming, context: RequestContext): void {
    if (tokenDigest === undefined) {
      if (readAccess !== 'loopback-without-token') {
        throw notConfigured(
          'This collector has no admin token, so nobody may read or erase its answers; configure one (adminToken, or hark-collector --admin-token).',
        );
      }
      const refusal = notLocal(incoming, context);
      if (refusal !== undefined) throw notConfigured(refusal);
      return;
    }
    // A session id is 256 random bits: it cannot be guessed, so it is not throttled, and a signed-in
    // owner keeps working while someone else is locked out.
    if (sessions.valid(incoming.header('cookie'))) return;
    const token = bearerToken(incoming.header('authorization'));
    if (token === undefined) throw unauthorised();
    checkToken(token, context);
  }

  /** Compares a presented admin token, counting a wrong one against its address. */
  function checkToken(token: string, context: RequestContext): void {
    const address = context.clientAddress;
    const verdict = throttle.check(address, now());
    if (!verdict.allowed) {
      const who = verdict.scope === 'address' ? 'from this address' : 'sent to this collector';
      throw new HttpError(
        429,
        'too_many_failed_credentials',
        `Too many wrong admin tokens ${who}; retry in ${verdict.retryAfterSeconds} s.`,
        { headers: { 'retry-after': String(verdict.retryAfterSeconds) } },
      );
    }
    if (tokenDigest !== undefined && timingSafeEqual(sha256(token), tokenDigest)) {
      throttle.succeeded(address);
      return;
    }
    throttle.failed(address, now());
    throw unauthorised();
  }

  function failure(error: unknown, headers: Record<string, string>): Outgoing {
    if (error instanceof HttpError) return errorOutgoing(error, headers);
    options.onError?.(error);
    if (error instanceof StorageError) {
      const unavailable = new HttpError(
        503,
        'storage_unavailable',
        'The answers could not be stored; retry later.',
        {
          headers: { 'retry-after': '5' },
        },
      );
      return errorOutgoing(unavailable, headers);
    }
    return errorOutgoing(
      new HttpError(500, 'internal_error', 'The collector failed unexpectedly; retry later.'),
      headers,
    );
  }

  const sessions = new AdminSessions(now);

  /**
   * `POST /session` with the admin token (JSON `{ "token" }`) opens a dashboard session: an
   * HttpOnly, SameSite=Strict cookie (Secure over https). `DELETE /session` closes it. Attempts
   * share the submission rate limit, and wrong tokens count towards the credential throttle.
   */
  async function session(incoming: Incoming, context: RequestContext): Promise<Outgoing> {
    const secure = options.secureCookies ?? incoming.url.protocol === 'https:';
    if (incoming.method !== 'POST' && incoming.method !== 'DELETE') {
      return methodNotAllowed('POST, DELETE');
    }
    if (tokenDigest === undefined) {
      // No token to sign in with: the same rule as the reads (403, or open on loopback).
      try {
        authorise(incoming, context);
      } catch (error) {
        return failure(error, {});
      }
    }
    if (incoming.method === 'DELETE') {
      sessions.close(incoming.header('cookie'));
      return {
        status: 204,
        headers: { 'set-cookie': AdminSessions.cookie(undefined, secure) },
        body: null,
      };
    }
    try {
      limit(context, 'sign-in attempts');
      requireJson(incoming);
      let token: unknown;
      try {
        token = (JSON.parse(await incoming.text(4096)) as { token?: unknown })?.token;
      } catch {
        token = undefined;
      }
      if (tokenDigest !== undefined) checkToken(typeof token === 'string' ? token : '', context);
      return {
        status: 204,
        headers: {
          'set-cookie': AdminSessions.cookie(sessions.open(), secure),
          'cache-control': 'no-store',
        },
        body: null,
      };
    } catch (error) {
      return failure(error, {});
    }
  }

  /** The read endpoints: each needs the admin token, and answers GET and HEAD. */
  const reads = new Map<string, (params: URLSearchParams, method: string) => Promise<Outgoing>>([
    [RESULTS_PATH, (params) => resultsOutgoing(options.store, params)],
    [EXPORT_PATH, (params, method) => exportOutgoing(options.store, params, method === 'HEAD')],
    [THEMES_PATH, (params) => themesOutgoing(options.store, params)],
    [COMMENTS_PATH, (params) => commentsOutgoing(options.store, params)],
  ]);

  async function handle(incoming: Incoming, context: RequestContext = {}): Promise<Outgoing> {
    const { url } = incoming;
    if (hosts !== undefined && !hosts.allows(url)) return errorOutgoing(misdirected(url));
    const path = routePath(url.pathname, basePath, incoming.mountPath);
    const origin = incoming.header('origin');

    if (path === SUBMIT_PATH) {
      // Its own origin only under a host it knows is its own (checked above).
      const ownOrigin = hosts === undefined ? undefined : url.origin;
      if (!isOriginAllowed(origin, ownOrigin, allowedOrigins)) {
        const message = `The origin ${origin} may not submit to this collector.`;
        return errorOutgoing(new HttpError(403, 'origin_not_allowed', message), { vary: 'Origin' });
      }
      if (incoming.method === 'OPTIONS') return preflight(incoming, origin);
      if (incoming.method === 'POST') return submit(incoming, origin, context);
      return methodNotAllowed('POST, OPTIONS');
    }
    const served = readAccess !== 'off';
    if (path === SESSION_PATH && served) return session(incoming, context);
    const read = path === undefined ? undefined : reads.get(path);
    if (read !== undefined && served) {
      if (incoming.method !== 'GET' && incoming.method !== 'HEAD')
        return methodNotAllowed('GET, HEAD');
      try {
        authorise(incoming, context);
        return await read(url.searchParams, incoming.method);
      } catch (error) {
        return failure(error, {});
      }
    }
    const erasure = path === undefined ? null : ERASURE_PATH.exec(path);
    if (erasure !== null && served) {
      if (incoming.method !== 'DELETE') return methodNotAllowed('DELETE');
      try {
        authorise(incoming, context);
        return await erasureOutgoing(options.store, erasure, new Date(now()));
      } catch (error) {
        return failure(error, {});
      }
    }
    return errorOutgoing(new HttpError(404, 'not_found', `Nothing here: ${url.pathname}`));
  }

  const collector = async (request: Request, context: RequestContext = {}) =>
    toResponse(await handle(fromRequest(request), context));
  return Object.assign(collector, { [HANDLE]: handle });
}

const READ_ACCESS: readonly ReadAccess[] = ['token', 'loopback-without-token', 'off'];

const NO_ADDRESS_WARNING =
  'hark collector: a request came without a client address, so every such request shares one ' +
  'rate-limit bucket; pass it as the second argument: collector(request, { clientAddress }).';

/** The token of an `Authorization: Bearer …` header; the scheme is case-insensitive (RFC 9110 §11.1). */
function bearerToken(header: string | null): string | undefined {
  const match = /^bearer[ \t]+(.*)$/i.exec(header ?? '');
  return match?.[1]?.trim();
}

function unauthorised(): HttpError {
  return new HttpError(401, 'unauthorized', 'A valid admin token is required.', {
    headers: { 'www-authenticate': 'Bearer realm="hark"' },
  });
}

function notConfigured(message: string): HttpError {
  return new HttpError(403, 'admin_token_not_configured', message);
}

/** Headers a proxy adds to what it forwards (RFC 7239, the de facto X- ones, RFC 9110 §7.6.3). */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/**
 * Why a request may not read without a token under `'loopback-without-token'`, or undefined when
 * it may: addressed to a loopback name, from a known loopback peer, directly (not through a
 * proxy on this machine, whose upstream request is loopback on both counts). Fails closed: a
 * peer the adapter did not pass is not assumed to be loopback, since `Host` alone is the
 * client's word.
 */
function notLocal(incoming: Incoming, context: RequestContext): string | undefined {
  const peer = context.clientAddress;
  if (!isLoopbackHost(incoming.url) || (peer !== undefined && !isLoopbackAddress(peer))) {
    return 'Without an admin token, answers are read and erased only on this machine, through localhost, 127.0.0.1 or [::1]; configure an admin token to reach them from elsewhere.';
  }
  if (peer === undefined) {
    return 'Without an admin token, answers are read and erased only by requests from this machine, and this request came without a client address: the server adapter must pass it (handler(request, { clientAddress })) for loopback read access; or configure an admin token.';
  }
  const forwarded = FORWARDING_HEADERS.find((name) => incoming.header(name) !== null);
  if (forwarded !== undefined) {
    return `Without an admin token, answers are read and erased only by requests made on this machine directly, and this one came through a proxy (it carries ${canonical(forwarded)}); configure an admin token to reach them through a proxy.`;
  }
  return undefined;
}

/** `x-forwarded-for` → `X-Forwarded-For`, `x-real-ip` → `X-Real-IP`, for messages. */
function canonical(header: string): string {
  return header
    .split('-')
    .map((part) => (part === 'ip' ? 'IP' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-');
}

function requireJson(incoming: Incoming): void {
  const type = incoming.header('content-type') ?? '';
  const [mediaType = '', ...params] = type.split(';').map((part) => part.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    const message = 'The body must be sent as Content-Type: application/json (UTF-8).';
    throw new HttpError(415, 'unsupported_media_type', message);
  }
}

function methodNotAllowed(allow: string): Outgoing {
  return errorOutgoing(
    new HttpError(405, 'method_not_allowed', `Use ${allow}.`, { headers: { allow } }),
  );
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
