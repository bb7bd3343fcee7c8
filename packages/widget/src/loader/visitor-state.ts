/** What the browser remembers about the visitor, in localStorage (never a cookie). */
export interface VisitorRecord {
  /** Anonymous random id; `Hark.reset()` makes a new one. */
  visitorId?: string;
  /** Survey id → when answered / dismissed (ms). */
  answered: Record<string, number>;
  dismissed: Record<string, number>;
  /** When a survey was last shown (ms), for the recontact period. */
  lastShown?: number;
  consent?: boolean;
}

import { PENDING_KEY } from './ui-module.js';

const KEY = 'hark.visitor';

/** Reads the record; a missing, blocked or corrupt store reads as a first visit. */
export function readVisitor(): VisitorRecord {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as VisitorRecord | null;
    if (stored && typeof stored === 'object' && stored.answered && stored.dismissed) return stored;
  } catch {
    // blocked storage (sandboxed frame, some private modes) or a hand-edited value
  }
  return { answered: {}, dismissed: {} };
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

/** Whether an earlier page left answers in the outbox. */
export function hasPending(): boolean {
  try {
    return localStorage.getItem(PENDING_KEY) !== null;
  } catch {
    return false;
  }
}
