import type { HarkResponse } from '@hark/collector/protocol';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryAfterMs } from './retry-policy.js';

/** What became of one batch. */
export type SendOutcome =
  /** The collector acknowledged these ids (a re-sent id counts: it is stored once). */
  | { readonly kind: 'delivered'; readonly ids: readonly string[] }
  /** Not stored, try again later (network error, 408, 429, 5xx). */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** Refused for good (other 4xx): never send these again. */
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string };

export interface SendOptions {
  /** The page is going away: the request must outlive it (within the browser's 64 KiB budget). */
  readonly keepalive: boolean;
}

/** Sends one batch. Replace it for a custom transport; it must never throw. */
export type Send = (
  responses: readonly HarkResponse[],
  options: SendOptions,
) => Promise<SendOutcome>;

export interface FetchTransportOptions {
  /** The collector's v1 endpoint, e.g. `https://example.com/v1/responses`. */
  readonly endpoint: string;
  /** Extra request headers (the collector must allow them for cross-origin requests). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry?: RetryPolicy;
}

const RETRY_STATUSES = new Set([408, 425, 429]);

/** POSTs wire-protocol-v1 JSON with `fetch`, and reads the collector's answer. */
export function fetchTransport(options: FetchTransportOptions): Send {
  return async (responses, { keepalive }) => {
    let response: Response;
    try {
      response = await fetch(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ protocol: 1, responses }),
        keepalive,
        credentials: 'omit',
        // A collector that accepts the connection and then stalls must not hold the flush (and
        // the cross-tab lock) forever. Keepalive requests outlive the page and need no timeout.
        ...(!keepalive && typeof AbortSignal.timeout === 'function'
          ? { signal: AbortSignal.timeout(30_000) }
          : {}),
      });
    } catch (error) {
      return {
        kind: 'retry',
        reason: `network: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (response.ok) {
      const accepted = await acceptedIds(response);
      // A collector that does not list ids (a 204 from a custom one) acknowledges the whole batch.
      return { kind: 'delivered', ids: accepted ?? responses.map((r) => r.id) };
    }
    const reason = `HTTP ${response.status}${await errorCode(response)}`;
    if (response.status >= 500 || RETRY_STATUSES.has(response.status)) {
      const after = retryAfterMs(
        response.headers.get('retry-after'),
        Date.now(),
        options.retry ?? DEFAULT_RETRY_POLICY,
      );
      return after === undefined
        ? { kind: 'retry', reason }
        : { kind: 'retry', reason, retryAfterMs: after };
    }
    return { kind: 'rejected', status: response.status, reason };
  };
}

async function acceptedIds(response: Response): Promise<string[] | undefined> {
  try {
    const body = (await response.json()) as { accepted?: unknown };
    return Array.isArray(body.accepted)
      ? body.accepted.filter((id): id is string => typeof id === 'string')
      : undefined;
  } catch {
    return undefined;
  }
}

async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      error?: unknown;
      issues?: Array<{ path?: string; message?: string }>;
    };
    const first = body.issues?.[0];
    const detail = first ? ` (${first.path} ${first.message})` : '';
    return typeof body.error === 'string' ? ` ${body.error}${detail}` : '';
  } catch {
    return '';
  }
}
