import { isIP } from 'node:net';

export interface CredentialThrottleOptions {
  /** Failed checks one client address may make in a minute before it is locked out. Default 10. */
  readonly perAddress?: number;
  /** Failed checks all clients together may make in a minute before everyone is. Default 100. */
  readonly overall?: number;
}

/** Whether a credential may be checked now; if not, for how long the client must wait. */
export type CredentialVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly retryAfterSeconds: number;
      readonly scope: 'address' | 'overall';
    };

const WINDOW_MS = 60_000;
/** The first lockout; each one that follows within `FORGET_MS` lasts twice as long. */
const LOCKOUT_MS = 60_000;
const MOST_LOCKOUT_MS = 3_600_000;
/** A client whose last failure is this old starts again from a clean record. */
const FORGET_MS = 24 * 3_600_000;
const MOST_ADDRESSES = 10_000;

interface Record {
  failures: number;
  windowStart: number;
  lockedUntil: number;
  lockouts: number;
  lastFailure: number;
}

/**
 * Counts failed admin-token checks per client address and overall. Past the limit in a minute the
 * address (or, for the overall limit, every client) is locked out for a minute, doubling with each
 * further lockout up to an hour. While locked out no token is checked at all, the right one
 * included: answering a right token during the lockout would tell the guesser which one it was, and
 * the lockout would slow nothing.
 */
export class CredentialThrottle {
  readonly #perAddress: number;
  readonly #overall: number;
  readonly #addresses = new Map<string, Record>();
  readonly #all: Record = fresh(0);

  constructor(options: CredentialThrottleOptions = {}) {
    this.#perAddress = options.perAddress ?? 10;
    this.#overall = options.overall ?? 100;
    for (const [name, value] of [
      ['perAddress', this.#perAddress],
      ['overall', this.#overall],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(
          `credentialThrottle.${name} must be a whole number >= 1, not ${value}`,
        );
      }
    }
  }

  /** Whether a credential from `address` may be checked at `now`. */
  check(address: string | undefined, now: number): CredentialVerdict {
    const own = this.#addresses.get(clientKey(address));
    if (own !== undefined && own.lockedUntil > now) {
      return {
        allowed: false,
        retryAfterSeconds: seconds(own.lockedUntil - now),
        scope: 'address',
      };
    }
    if (this.#all.lockedUntil > now) {
      return {
        allowed: false,
        retryAfterSeconds: seconds(this.#all.lockedUntil - now),
        scope: 'overall',
      };
    }
    return { allowed: true };
  }

  /** Records a wrong credential from `address`. */
  failed(address: string | undefined, now: number): void {
    const key = clientKey(address);
    const own = this.#addresses.get(key) ?? fresh(now);
    this.#addresses.delete(key); // re-inserted: Map order is least recently failed first
    this.#addresses.set(key, own);
    if (this.#addresses.size > MOST_ADDRESSES) {
      const oldest = this.#addresses.keys().next().value;
      if (oldest !== undefined) this.#addresses.delete(oldest);
    }
    count(own, this.#perAddress, now);
    count(this.#all, this.#overall, now);
  }

  /** A right credential from `address`: its earlier failures were typos, not guesses. */
  succeeded(address: string | undefined): void {
    this.#addresses.delete(clientKey(address));
  }
}

function fresh(now: number): Record {
  return { failures: 0, windowStart: now, lockedUntil: 0, lockouts: 0, lastFailure: now };
}

function count(record: Record, limit: number, now: number): void {
  if (now - record.lastFailure > FORGET_MS) record.lockouts = 0;
  if (now - record.windowStart >= WINDOW_MS) {
    record.failures = 0;
    record.windowStart = now;
  }
  record.lastFailure = now;
  record.failures += 1;
  if (record.failures < limit) return;
  const lockout = Math.min(MOST_LOCKOUT_MS, LOCKOUT_MS * 2 ** record.lockouts);
  record.lockouts += 1;
  record.lockedUntil = now + lockout;
  record.failures = 0;
  record.windowStart = record.lockedUntil;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The key a client's failures are counted under: its IPv4 address, or its IPv6 /64 (one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would count nothing).
 */
export function clientKey(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(mapped) === 4) return mapped;
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::', 2);
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
