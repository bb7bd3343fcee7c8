import { createHash, timingSafeEqual } from 'node:crypto';
import { MAX_SUBMISSION_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { type ResponseStore, StorageError } from '../storage/response-store.js';
import { parseSubmission } from '../validation/parse-submission.js';
import { type AllowedOrigins, corsHeaders, isOriginAllowed, normaliseOrigins } from './cors.js';
import { HttpError, jsonResponse } from './http-error.js';
import type { RateLimiter } from './rate-limiter.js';
import { readBodyText } from './read-body.js';
import { resultsResponse } from './results-endpoint.js';

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
  /** Serve read endpoints (`GET /results`) at all. Default true. */
  readonly readEndpoints?: boolean;
  /** Path prefix the collector is mounted under, e.g. `/hark`. Default: none. */
  readonly basePath?: string;
  /** Called with failures that became a 5xx, for the host's logs. */
  readonly onError?: (error: unknown) => void;
  /** The clock, in ms since the epoch (tests move it). */
  readonly now?: () => number;
}

/** Facts about the connection a fetch `Request` does not carry, passed by the server adapter. */
export interface RequestContext {
  readonly clientAddress?: string;
}

export type CollectorHandler = (request: Request, context?: RequestContext) => Promise<Response>;

/** Path of the v1 ingestion endpoint, relative to `basePath`. A v2 gets its own path beside it. */
export const SUBMIT_PATH = `/v${PROTOCOL_VERSION}/responses`;
export const RESULTS_PATH = '/results';

/**
 * Creates the collector as a standard fetch handler, usable from Node (see `@hark/collector/node`),
 * Hono, Express (through an adapter), Deno, Bun or Workers.
 *
 * - `POST /v1/responses`: 202 `{ accepted, stored, duplicates }` once every answer is durably
 *   stored (a re-sent id counts as accepted); 400 with `issues` (drop, do not retry);
 *   403 origin not allowed; 413; 415; 429 with `Retry-After`; 503 when storage failed (retry).
 * - `OPTIONS /v1/responses`: CORS preflight for allowed origins.
 * - `GET /results?surveyId=`: NPS / CSAT / CES with margins of error (needs `adminToken` if set).
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

  async function submit(
    request: Request,
    origin: string | null,
    context: RequestContext,
  ): Promise<Response> {
    const headers = corsHeaders(origin, new Headers());
    try {
      if (options.rateLimiter !== undefined) {
        const verdict = options.rateLimiter.take(context.clientAddress ?? 'unknown', now());
        if (!verdict.allowed) {
          throw new HttpError(429, 'rate_limited', 'Too many submissions; retry later.', {
            headers: { 'retry-after': String(verdict.retryAfterSeconds) },
          });
        }
      }
      requireJson(request);
      const text = await readBodyText(request, MAX_SUBMISSION_BYTES);
      const result = parseSubmission(text, { now: now() });
      if (!result.ok) {
        const count = result.issues.length;
        throw new HttpError(
          400,
          'invalid_submission',
          `The submission has ${count} issue${count === 1 ? '' : 's'}.`,
          {
            issues: result.issues,
          },
        );
      }
      const outcome = await options.store.insert(result.value.responses, new Date(now()));
      const accepted = result.value.responses.map((r) => r.id);
      return jsonResponse(
        202,
        { accepted, stored: outcome.stored.length, duplicates: outcome.duplicates },
        headers,
      );
    } catch (error) {
      return errorResponse(error, headers);
    }
  }

  function preflight(request: Request, origin: string | null): Response {
    const method = request.headers.get('access-control-request-method');
    const requested = (request.headers.get('access-control-request-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
    const headers = new Headers({ vary: 'Origin' });
    if (
      origin === null ||
      method !== 'POST' ||
      !requested.every((h) => allowedHeaders.includes(h))
    ) {
      return new HttpError(
        403,
        'preflight_refused',
        `Only POST with these headers is allowed: ${allowedHeaders.join(', ')}`,
      ).toResponse(headers);
    }
    corsHeaders(origin, headers);
    headers.set('access-control-allow-methods', 'POST');
    headers.set('access-control-allow-headers', allowedHeaders.join(', '));
    headers.set('access-control-max-age', '86400');
    return new Response(null, { status: 204, headers });
  }

  function authorise(request: Request): void {
    if (tokenDigest === undefined) return;
    const header = request.headers.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!timingSafeEqual(sha256(token), tokenDigest)) {
      throw new HttpError(401, 'unauthorized', 'A valid admin token is required.', {
        headers: { 'www-authenticate': 'Bearer realm="hark"' },
      });
    }
  }

  function errorResponse(error: unknown, headers: Headers): Response {
    if (error instanceof HttpError) return error.toResponse(headers);
    options.onError?.(error);
    if (error instanceof StorageError) {
      return new HttpError(
        503,
        'storage_unavailable',
        'The answers could not be stored; retry later.',
        {
          headers: { 'retry-after': '5' },
        },
      ).toResponse(headers);
    }
    return new HttpError(
      500,
      'internal_error',
      'The collector failed unexpectedly; retry later.',
    ).toResponse(headers);
  }

  return async function collector(request, context = {}) {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : undefined;
    const origin = request.headers.get('origin');

    if (path === SUBMIT_PATH) {
      if (!isOriginAllowed(origin, url.origin, allowedOrigins)) {
        const message = `The origin ${origin} may not submit to this collector.`;
        return new HttpError(403, 'origin_not_allowed', message).toResponse(
          new Headers({ vary: 'Origin' }),
        );
      }
      if (request.method === 'OPTIONS') return preflight(request, origin);
      if (request.method === 'POST') return submit(request, origin, context);
      return methodNotAllowed('POST, OPTIONS');
    }
    if (path === RESULTS_PATH && options.readEndpoints !== false) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return methodNotAllowed('GET, HEAD');
      try {
        authorise(request);
        return await resultsResponse(options.store, url.searchParams);
      } catch (error) {
        return errorResponse(error, new Headers());
      }
    }
    return new HttpError(404, 'not_found', `Nothing here: ${url.pathname}`).toResponse();
  };
}

function requireJson(request: Request): void {
  const type = request.headers.get('content-type') ?? '';
  const [mediaType = '', ...params] = type.split(';').map((part) => part.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'The body must be sent as Content-Type: application/json (UTF-8).',
    );
  }
}

function methodNotAllowed(allow: string): Response {
  return new HttpError(405, 'method_not_allowed', `Use ${allow}.`, {
    headers: { allow },
  }).toResponse();
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
