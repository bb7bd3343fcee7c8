/** How long to wait before sending again: capped exponential backoff with full jitter. */
export interface RetryPolicy {
  /** First delay's ceiling, ms. */
  readonly baseMs: number;
  /** Longest delay, ms. */
  readonly capMs: number;
  /** Longest wait a server's Retry-After may impose, ms (an absurd one is capped). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 1_000,
  capMs: 5 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
};

/**
 * Full jitter (a uniformly random delay up to the exponential ceiling) spreads the retries of
 * many visitors who went offline together, so the collector is not hit in waves when they return.
 */
export function backoffMs(
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Reads `Retry-After` (seconds or an HTTP date) into ms, capped; undefined when absent or unreadable. */
export function retryAfterMs(
  header: string | null,
  now: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else {
    const date = Date.parse(value);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(Math.max(0, ms), policy.maxRetryAfterMs);
}
