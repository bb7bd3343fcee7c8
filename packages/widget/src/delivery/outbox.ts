import type { HarkResponse } from '@hark/protocol';

/** An answer waiting in the outbox until the collector acknowledges it. */
export interface OutboxEntry {
  /** The response id: one entry per answer, whatever happens. */
  readonly id: string;
  readonly response: HarkResponse;
  /** Size of the response as JSON, in bytes, for packing batches under the body limit. */
  readonly bytes: number;
  /** When it was first queued (ms since the epoch). */
  readonly queuedAt: number;
  /** Sends tried so far. */
  readonly attempts: number;
  /** Not to be sent before this time (ms since the epoch). */
  readonly nextAttemptAt: number;
  /** Why the last send failed, if it did. */
  readonly lastError?: string;
}

/**
 * An answer the collector refused for good (4xx), or an outbox record that could not be sent as
 * it was (malformed): kept for the site owner, never re-sent.
 */
export interface DeadLetter {
  readonly id: string;
  /** The answer, when the collector refused it. */
  readonly response?: HarkResponse;
  /** What the outbox held, when the record was set aside as malformed (it may be no answer at all). */
  readonly record?: unknown;
  /** The collector's HTTP status; 0 for a record set aside before any send. */
  readonly status: number;
  readonly reason: string;
  readonly failedAt: number;
}

/**
 * Where answers wait. Every write is durable when its promise resolves (IndexedDB), or as durable
 * as the page (the in-memory fallback).
 */
export interface Outbox {
  /** `'indexeddb'` or `'memory'`. */
  readonly kind: 'indexeddb' | 'memory';
  /** Adds entries; an id already queued is left as it is (exactly once per response id). */
  add(entries: readonly OutboxEntry[]): Promise<void>;
  /** The entries due at `now`, oldest first, at most `limit`. */
  due(now: number, limit: number): Promise<OutboxEntry[]>;
  /** The earliest `nextAttemptAt` of any entry, or undefined when empty. */
  nextDueAt(): Promise<number | undefined>;
  remove(ids: readonly string[]): Promise<void>;
  /** Puts entries back with new attempt counts and times. */
  update(entries: readonly OutboxEntry[]): Promise<void>;
  /** Moves entries to the dead-letter store. */
  bury(letters: readonly DeadLetter[]): Promise<void>;
  deadLetters(): Promise<DeadLetter[]>;
  /**
   * Moves every record for which `problem` gives a reason to the dead-letter store (status 0),
   * whatever its key, in one pass over all records; returns what it moved.
   */
  setAside(
    problem: (record: unknown) => string | undefined,
    failedAt: number,
  ): Promise<DeadLetter[]>;
  count(): Promise<number>;
  /** The oldest entries first, at most `limit` (for retention and size bounds). */
  oldest(limit: number): Promise<OutboxEntry[]>;
  close(): void;
}
