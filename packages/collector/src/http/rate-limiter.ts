/** The verdict of a rate limiter on one request. */
export type RateVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Decides whether a client may submit now. `key` identifies the client (its address by default). */
export interface RateLimiter {
  take(key: string, now: number): RateVerdict;
}

export interface TokenBucketOptions {
  /** Requests a client may make in a burst. */
  readonly capacity: number;
  /** Requests a client regains per second. */
  readonly refillPerSecond: number;
  /** Clients tracked at once; the least recently seen is forgotten first, so memory stays bounded. */
  readonly maxClients?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** An in-memory token bucket per client: enough for one collector process. */
export function tokenBucketLimiter(options: TokenBucketOptions): RateLimiter {
  const { capacity, refillPerSecond, maxClients = 10_000 } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) {
    throw new RangeError('tokenBucketLimiter needs capacity >= 1 and refillPerSecond > 0');
  }
  const buckets = new Map<string, Bucket>();
  return {
    take(key, now) {
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: now };
      buckets.delete(key); // re-inserted below, so Map order is least recently seen first
      const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
      bucket.updatedAt = now;
      buckets.set(key, bucket);
      if (buckets.size > maxClients) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((1 - bucket.tokens) / refillPerSecond),
      };
    },
  };
}
