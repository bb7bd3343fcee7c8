/** What `GET /results?surveyId=&from=&to=` answers. */
import type { SurveyKind } from './kinds.js';
import type { GroupSummary, Summary } from './summary.js';

/** How many answers gave one score. */
export interface ScoreTally {
  readonly score: number;
  readonly count: number;
}

/**
 * One kind's results: all its answers together, then by group. Each list is sorted by key, the
 * null key last. Scores and margins are rounded to 2 decimals.
 */
export interface KindBreakdown {
  readonly kind: SurveyKind;
  readonly overall: Summary;
  /** By UTC day, keys `YYYY-MM-DD`. */
  readonly byDay: readonly GroupSummary[];
  /** By ISO week (UTC), keys like `2026-W48`. */
  readonly byWeek: readonly GroupSummary[];
  readonly byLocale: readonly GroupSummary[];
  /** The null key holds answers without a variant. */
  readonly byVariant: readonly GroupSummary[];
  /** By the page URL's path (`/checkout/done`, no query or host). */
  readonly byPage: readonly GroupSummary[];
  /** Scores no answer gave are left out. */
  readonly distribution: readonly ScoreTally[];
}

export interface ResultsBody {
  readonly surveyId: string;
  /** The query's bounds, null when not given. */
  readonly from: string | null;
  readonly to: string | null;
  /** The kinds the survey has answers of, in `SURVEY_KINDS` order. */
  readonly kinds: readonly KindBreakdown[];
}
