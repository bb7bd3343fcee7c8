import { createHash, timingSafeEqual } from 'node:crypto';
import { MAX_SUBMISSION_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { type ResponseStore, StorageError } from '../storage/response-store.js';
import { parseSubmission } from '../validation/parse-submission.js';
import { AdminSessions } from './admin-sessions.js';
import { commentsOutgoing } from './comments-endpoint.js';
import { type AllowedOrigins, corsHeaders, isOriginAllowed, normaliseOrigins } from './cors.js';
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
  /** Browser origins, besides the collector's own, that may submit. Default: none. */
  readonly allowedOrigins?: AllowedOrigins;
  /** Extra request headers a cross-origin submission may carry (besides Content-Type). */
  readonly allowedHeaders?: readonly string[];
  /** Limits submissions per client; none by default (the reference server sets one). */
  readonly rateLimiter?: RateLimiter;
  /** Bearer token that read endpoints (results) require. Without one they are open: guard them. */
  readonly adminToken?: string;
  /** Serve the endpoints that need the admin token (results, erasure) at all. Default true. */
  readonly readEndpoints?: boolean;
  /** Path prefix the collector is mounted under, e.g. `/hark`. Default: none. */
  readonly basePath?: string;
  /**
   * Mark the dashboard's session cookie `Secure`. Default: when the request came over https; set
   * it when a TLS-terminating proxy sits in front (the reference server does, off loopback).
   */
  readonly secureCookies?: boolean;
  /** Called with failures that became a 5xx, for the host's logs. */
  readonly onError?: (error: unknown) => void;
  /** The clock, in ms since the epoch (tests move it). */
  readonly now?: () => number;
}

/** Facts about the connection a fetch `Request` does not carry, passed by the server adapter. */
export interface RequestContext {
  readonly clientAddress?: string;
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
  const tokenDigest = options.adminToken === undefined ? undefined : sha256(options.adminToken);
  if (options.adminToken !== undefined && options.adminToken.length < 16) {
    throw new TypeError('adminToken must be at least 16 characters long');
  }

  function limit(context: RequestContext, what: string): void {
    if (options.rateLimiter === undefined) return;
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

  function tokenMatches(token: string): boolean {
    return tokenDigest === undefined || timingSafeEqual(sha256(token), tokenDigest);
  }

  /** The admin token as a Bearer header, or a dashboard session's cookie. */
  function authorise(incoming: Incoming): void {
    if (tokenDigest === undefined) return;
    const header = incoming.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!tokenMatches(token) && !sessions.valid(incoming.header('cookie'))) {
      throw new HttpError(401, 'unauthorized', 'A valid admin token is required.', {
        headers: { 'www-authenticate': 'Bearer realm="hark"' },
      });
    }
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
   * share the submission rate limit, so the token cannot be guessed at speed.
   */
  async function session(incoming: Incoming, context: RequestContext): Promise<Outgoing> {
    const secure = options.secureCookies ?? incoming.url.protocol === 'https:';
    if (incoming.method === 'DELETE') {
      sessions.close(incoming.header('cookie'));
      return {
        status: 204,
        headers: { 'set-cookie': AdminSessions.cookie(undefined, secure) },
        body: null,
      };
    }
    if (incoming.method !== 'POST') return methodNotAllowed('POST, DELETE');
    try {
      limit(context, 'sign-in attempts');
      requireJson(incoming);
      let token: unknown;
      try {
        token = (JSON.parse(await incoming.text(4096)) as { token?: unknown })?.token;
      } catch {
        token = undefined;
      }
      if (typeof token !== 'string' || !tokenMatches(token)) {
        throw new HttpError(401, 'unauthorized', 'A valid admin token is required.');
      }
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
    const path = routePath(url.pathname, basePath, incoming.mountPath);
    const origin = incoming.header('origin');

    if (path === SUBMIT_PATH) {
      if (!isOriginAllowed(origin, url.origin, allowedOrigins)) {
        const message = `The origin ${origin} may not submit to this collector.`;
        return errorOutgoing(new HttpError(403, 'origin_not_allowed', message), { vary: 'Origin' });
      }
      if (incoming.method === 'OPTIONS') return preflight(incoming, origin);
      if (incoming.method === 'POST') return submit(incoming, origin, context);
      return methodNotAllowed('POST, OPTIONS');
    }
    if (path === SESSION_PATH && options.readEndpoints !== false) return session(incoming, context);
    const read = path === undefined ? undefined : reads.get(path);
    if (read !== undefined && options.readEndpoints !== false) {
      if (incoming.method !== 'GET' && incoming.method !== 'HEAD')
        return methodNotAllowed('GET, HEAD');
      try {
        authorise(incoming);
        return await read(url.searchParams, incoming.method);
      } catch (error) {
        return failure(error, {});
      }
    }
    const erasure = path === undefined ? null : ERASURE_PATH.exec(path);
    if (erasure !== null && options.readEndpoints !== false) {
      if (incoming.method !== 'DELETE') return methodNotAllowed('DELETE');
      try {
        authorise(incoming);
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
