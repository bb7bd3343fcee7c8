/** What the browser remembers about the visitor, in localStorage (never a cookie). */
export interface VisitorRecord {
  /** Anonymous random id; `Hark.reset()` makes a new one. */
  visitorId?: string | undefined;
  /** Survey id → when answered / dismissed (ms). */
  answered: Record<string, number>;
  dismissed: Record<string, number>;
  /** When a survey was last shown (ms), for the recontact period. */
  lastShown?: number | undefined;
  consent?: boolean | undefined;
}

import { PENDING_KEY } from './ui-module.js';

const KEY = 'hark.visitor';

/**
 * Survey id → time, merged from `sources`, in an object without a prototype: `constructor` or
 * `toString` are survey ids like any other.
 */
export const byId = (...sources: unknown[]): Record<string, number> =>
  Object.assign(Object.create(null), ...sources);

/** A first visit's record. */
export const firstVisit = (): VisitorRecord => ({ answered: byId(), dismissed: byId() });

/** Reads the record; a missing, blocked or corrupt store reads as a first visit. */
export function readVisitor(): VisitorRecord {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as VisitorRecord | null;
    if (stored && typeof stored === 'object' && stored.answered && stored.dismissed) {
      return { ...stored, answered: byId(stored.answered), dismissed: byId(stored.dismissed) };
    }
  } catch {
    // blocked storage (sandboxed frame, some private modes) or a hand-edited value
  }
  return firstVisit();
}

/** Writes the record; a full or blocked store only loses the memory, never throws. */
export function writeVisitor(record: VisitorRecord): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(record));
  } catch {
    // nothing to do: frequency control falls back to this page's memory
  }
}

export function forgetVisitor(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // as above
  }
}

const OPT_OUT = 'hark.optOut';

/**
 * Remembers that the visitor said no (`Hark.consent(false)`), so the next page asks nothing
 * either: a refusal holds no personal data, and forgetting it would ask again on every page.
 */
export function rememberRefusal(refused: boolean): void {
  try {
    if (refused) localStorage.setItem(OPT_OUT, '1');
    else localStorage.removeItem(OPT_OUT);
  } catch {
    // storage blocked: the refusal holds for this page
  }
}

export function refused(): boolean {
  try {
    return localStorage.getItem(OPT_OUT) !== null;
  } catch {
    return false;
  }
}

/** Whether an earlier page left answers in the outbox. */
export function hasPending(): boolean {
  try {
    return localStorage.getItem(PENDING_KEY) !== null;
  } catch {
    return false;
  }
}

/**
 * Two copies of the record (this tab's, and what another tab stored meanwhile) as one: every
 * answer and dismissal of either, the latest show, and the stored visitor id first (two tabs of a
 * first visit end up with one id).
 */
export function mergeVisitors(stored: VisitorRecord, mine: VisitorRecord): VisitorRecord {
  // An undefined field is left out when the record is stored (JSON).
  return {
    visitorId: stored.visitorId ?? mine.visitorId,
    answered: byId(stored.answered, mine.answered),
    dismissed: byId(stored.dismissed, mine.dismissed),
    lastShown: Math.max(stored.lastShown ?? 0, mine.lastShown ?? 0) || undefined,
    consent: stored.consent ?? mine.consent,
  };
}

/** A random UUID (v4); `crypto.randomUUID` exists only on https pages, this works on http too. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
