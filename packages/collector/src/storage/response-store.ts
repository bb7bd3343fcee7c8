import type { SurveyKind } from '@hark/protocol';
import type { HarkResponse } from '../protocol/schema.js';

/** What an insert did with each id of the batch. */
export interface InsertOutcome {
  /** Ids written by this call. */
  readonly stored: readonly string[];
  /** Ids that were already stored (a re-send); acknowledged, not written again. */
  readonly duplicates: readonly string[];
  /**
   * Ids that were erased (by id, or with their visitor): acknowledged, so the visitor's outbox
   * lets them go, and never stored again.
   */
  readonly erased: readonly string[];
}

/** Where an export page starts: after this answer, in (answeredAt, id) order. */
export interface ExportCursor {
  readonly answeredAt: string;
  readonly id: string;
}

/** One webhook call waiting in the alert outbox (written with the answer it is about). */
export interface AlertDelivery {
  /** Stable: `<answer id>/<rule id>`, the same on every attempt, for receivers to deduplicate. */
  readonly id: string;
  readonly ruleId: string;
  /** The JSON body, fixed when the answer was stored. */
  readonly payload: string;
  readonly attempts: number;
}

/** How long a claimed alert delivery is left to the collector that claimed it. */
export const ALERT_CLAIM_MS = 60_000;

/** What became of one delivery: delivered, failed (an attempt), or put off without an attempt. */
export type AlertOutcome =
  | { readonly deliveredAt: Date }
  | { readonly retryAt: Date; readonly error: string }
  | { readonly postponedTo: Date };

/** Whose answers to erase: one answer, or every answer of one anonymous visitor. */
export type ErasureTarget = { readonly responseId: string } | { readonly visitorId: string };

/** Which answers a results query covers. */
export interface ScoreQuery {
  readonly surveyId: string;
  /** Inclusive lower bound on `answeredAt` (RFC 3339). */
  readonly from?: string;
  /** Exclusive upper bound on `answeredAt` (RFC 3339). */
  readonly to?: string;
}

/**
 * How results can be split: by UTC day of `answeredAt`, by ISO week (`2026-W48`, UTC), by
 * locale, by A/B variant, or by the path of the page (`/checkout/done`, no query or host).
 */
export type ScoreGrouping = 'day' | 'week' | 'locale' | 'variant' | 'page';

/**
 * The path of a page URL as both stores compute it: what follows the host, up to `?` or `#`;
 * `/` when empty. (PostgreSQL runs the same pattern in SQL.)
 */
export const PAGE_PATH_PATTERN = '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*([^?#]*)';

export function pagePath(url: string): string {
  return new RegExp(PAGE_PATH_PATTERN).exec(url)?.[1] || '/';
}

/** How many answers of one kind gave one score, within one group. */
export interface ScoreCount {
  readonly kind: SurveyKind;
  /** The group's key (`YYYY-MM-DD`, a locale, a variant); null for "no variant" or no grouping. */
  readonly group: string | null;
  readonly score: number;
  readonly count: number;
}

/** A stored answer, as read back: the wire fields plus when the collector received it. */
export interface StoredResponse {
  readonly response: HarkResponse;
  /** RFC 3339, UTC. */
  readonly receivedAt: string;
}

/**
 * Durable, idempotent storage of answers. Every implementation:
 * - has the batch on disk before `insert` resolves (an acknowledged answer is never re-sent);
 * - stores each id at most once (`insert` of a stored id reports it in `duplicates`);
 * - stores a batch all or nothing, and rejects with `StorageError` when it could not.
 */
export interface ResponseStore {
  insert(responses: readonly HarkResponse[], receivedAt: Date): Promise<InsertOutcome>;
  countScores(query: ScoreQuery, groupBy?: ScoreGrouping): Promise<ScoreCount[]>;
  get(id: string): Promise<StoredResponse | undefined>;
  /** How many answers are stored, for one survey or in all. */
  count(surveyId?: string): Promise<number>;
  /**
   * Deletes the answer, or every answer of the visitor, and leaves a tombstone: the id (and, for
   * a visitor, the visitor id with the time of erasure), so that a late re-send of an erased
   * answer is acknowledged but not stored. Resolves how many stored answers were deleted.
   */
  erase(target: ErasureTarget, at: Date): Promise<number>;
  /**
   * One page of a survey's answers for export, in (answeredAt, id) order after `cursor` (or the
   * reverse, newest first, before it): read page by page, an export of any size holds one page in
   * memory.
   */
  exportPage(
    query: ScoreQuery,
    cursor: ExportCursor | undefined,
    limit: number,
    newestFirst?: boolean,
  ): Promise<StoredResponse[]>;
  /**
   * Claims alert deliveries not yet delivered whose next attempt is due at `now`, oldest first:
   * they are not due again for `ALERT_CLAIM_MS`, so two collectors on one database do not send
   * one at the same time (a collector that dies mid-attempt leaves it to be sent again: delivery
   * is at least once, receivers deduplicate by id). A store opened with alert rules writes a
   * delivery for each matching answer in the answer's own transaction; erasing or purging the
   * answer deletes its deliveries. With `ruleIds`, only deliveries of those rules (one receiver's)
   * are claimed, so a dispatcher claims no more for a receiver than it can send at once.
   */
  dueAlerts(now: Date, limit: number, ruleIds?: readonly string[]): Promise<AlertDelivery[]>;
  /** Records an attempt: delivered, or to be retried at a time. */
  settleAlert(id: string, outcome: AlertOutcome): Promise<void>;
  /** Deletes the answers given before `cutoff` (a retention period); resolves how many. */
  purgeBefore(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}

/** Storage could not do its job; the client should retry later (HTTP 503). */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}
