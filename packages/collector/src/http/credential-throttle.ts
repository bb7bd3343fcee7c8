import { isIP } from 'node:net';

export interface CredentialThrottleOptions {
  /** Failed checks one client address may make in a minute before it is locked out. Default 10. */
  readonly perAddress?: number;
  /** Failed checks all clients together may make in a minute before everyone is. Default 100. */
  readonly overall?: number;
  /**
   * During an overall lockout, tokens from addresses with no failure on record are still checked,
   * this many a minute in all, so that the owner keeps a way in. Default 5.
   */
  readonly cleanDuringLockout?: number;
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
/**
 * The overall lockout stops at a few minutes: it refuses the owner's fresh address too (but for
 * the small clean budget), so anyone with many addresses could otherwise shut the owner out for
 * an hour.
 */
const MOST_OVERALL_LOCKOUT_MS = 300_000;
/** A client whose last failure is this old starts again from a clean record. */
const FORGET_MS = 24 * 3_600_000;
const MOST_ADDRESSES = 10_000;

interface Record {
  failures: number;
  windowStart: number;
  lockedUntil: number;
  lockouts: number;
  lastFailure: number;
  /** No failure since the last right token (a fresh record is not clean: it is made by a failure). */
  clean: boolean;
}

/**
 * Counts failed admin-token checks per client address and overall.
 *
 * - Per address: past the limit in a minute the address is locked out for a minute, doubling with
 *   each further lockout within a day, up to an hour. While locked out no token from it is checked,
 *   the right one included: answering a right token during the lockout would tell the guesser
 *   which one it was, and the lockout would slow nothing. A right token clears the count, not the
 *   escalation: a guesser who also holds a right token gains nothing by sending it.
 * - Overall: past the limit in a minute, every address is locked out for a minute, doubling up to
 *   five minutes, except addresses with no failure on record ("clean": never failed, or right since
 *   their last failure), whose tokens are still checked, a few a minute in all. So the owner, at
 *   an address that has not been guessing, still gets in, while guessing from fresh addresses stays
 *   throttled to that budget (and each wrong guess makes its address unclean).
 */
export class CredentialThrottle {
  readonly #perAddress: number;
  readonly #overall: number;
  readonly #cleanBudget: number;
  readonly #addresses = new Map<string, Record>();
  readonly #all: Record = fresh(0);
  /** Clean checks made during overall lockouts, in the minute that began at `windowStart`. */
  readonly #clean = { checks: 0, windowStart: 0 };

  constructor(options: CredentialThrottleOptions = {}) {
    this.#perAddress = options.perAddress ?? 10;
    this.#overall = options.overall ?? 100;
    this.#cleanBudget = options.cleanDuringLockout ?? 5;
    for (const [name, value] of [
      ['perAddress', this.#perAddress],
      ['overall', this.#overall],
      ['cleanDuringLockout', this.#cleanBudget],
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
    if (this.#all.lockedUntil > now && !this.#takeClean(own, now)) {
      return {
        allowed: false,
        retryAfterSeconds: seconds(this.#all.lockedUntil - now),
        scope: 'overall',
      };
    }
    return { allowed: true };
  }

  /** Whether an address with no failure on record may be checked during an overall lockout. */
  #takeClean(own: Record | undefined, now: number): boolean {
    if (own !== undefined && !own.clean) return false;
    const budget = this.#clean;
    if (now - budget.windowStart >= WINDOW_MS) {
      budget.checks = 0;
      budget.windowStart = now;
    }
    if (budget.checks >= this.#cleanBudget) return false;
    budget.checks += 1;
    return true;
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
    own.clean = false;
    count(own, this.#perAddress, MOST_LOCKOUT_MS, now);
    // A failure checked on the clean budget is limited by it: it does not extend the lockout.
    if (this.#all.lockedUntil <= now) count(this.#all, this.#overall, MOST_OVERALL_LOCKOUT_MS, now);
  }

  /**
   * A right credential from `address`: its earlier failures were typos, not guesses, so its count
   * starts again; its lockouts still count towards the next one's length.
   */
  succeeded(address: string | undefined): void {
    const own = this.#addresses.get(clientKey(address));
    if (own === undefined) return;
    own.failures = 0;
    own.clean = true;
  }
}

function fresh(now: number): Record {
  return {
    failures: 0,
    windowStart: now,
    lockedUntil: 0,
    lockouts: 0,
    lastFailure: now,
    clean: false,
  };
}

function count(record: Record, limit: number, most: number, now: number): void {
  if (now - record.lastFailure > FORGET_MS) record.lockouts = 0;
  if (now - record.windowStart >= WINDOW_MS) {
    record.failures = 0;
    record.windowStart = now;
  }
  record.lastFailure = now;
  record.failures += 1;
  if (record.failures < limit) return;
  const lockout = Math.min(most, LOCKOUT_MS * 2 ** record.lockouts);
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
