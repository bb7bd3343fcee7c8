import type { HarkResponse } from '@hark/protocol';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryAfterMs } from './retry-policy.js';
import { toWireJson } from './wire-body.js';

/** What became of one batch. */
export type SendOutcome =
  /** The collector acknowledged these ids (a re-sent id counts: it is stored once). */
  | { readonly kind: 'delivered'; readonly ids: readonly string[] }
  /**
   * Not stored, try again later (network error, 408, 429, 5xx, a redirect, a 2xx that is not a
   * Hark acknowledgement). `report` is set when the failure is one the site owner should hear
   * about (the endpoint is misconfigured), not the weather of the network.
   */
  | {
      readonly kind: 'retry';
      readonly reason: string;
      readonly retryAfterMs?: number;
      readonly report?: {
        readonly code: 'redirected' | 'not-a-collector';
        readonly status: number;
      };
    }
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
        body: toWireJson({ protocol: 1, responses }),
        keepalive,
        credentials: 'omit',
        // A redirected POST comes back as a GET (the Fetch standard), which no collector stores:
        // never follow one. The answer stays queued and the redirect is reported.
        redirect: 'manual',
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
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      // Cross-origin, a manual redirect is opaque: no status, no Location to name.
      const status = response.type === 'opaqueredirect' ? 0 : response.status;
      const where = response.headers.get('location');
      return {
        kind: 'retry',
        reason: `the endpoint redirected${status === 0 ? '' : ` (HTTP ${status}${where ? ` to ${where}` : ''})`}; Hark does not follow redirects: point it at the collector itself`,
        report: { code: 'redirected', status },
      };
    }
    if (response.ok) {
      const accepted = await acceptedIds(response);
      if (accepted !== undefined) return { kind: 'delivered', ids: accepted };
      // A captive portal, an SPA's catch-all or a block page answers 200 with HTML: nothing was
      // stored, so nothing may leave the outbox.
      const type = response.headers.get('content-type') ?? 'no content type';
      return {
        kind: 'retry',
        reason: `the endpoint did not answer like a Hark collector (HTTP ${response.status}, ${type}, no list of accepted ids)`,
        report: { code: 'not-a-collector', status: response.status },
      };
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

/**
 * The ids a Hark acknowledgement lists: a JSON object whose `accepted` is an array of strings.
 * Anything else (HTML, another JSON shape, an empty body) is not an acknowledgement.
 */
async function acceptedIds(response: Response): Promise<string[] | undefined> {
  try {
    const body = (await response.json()) as { accepted?: unknown } | null;
    const accepted = body !== null && typeof body === 'object' ? body.accepted : undefined;
    return Array.isArray(accepted) && accepted.every((id) => typeof id === 'string')
      ? accepted
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
