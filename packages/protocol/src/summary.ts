/**
 * What a kind's answers add up to, as the collector's read API reports it: `GET /results` gives
 * one summary of all answers and one per group. How each score and margin is computed is written
 * beside its maths in @hark/collector (`src/results/<kind>.ts`).
 */
import type { SurveyKind } from './kinds.js';

export interface NpsSummary {
  readonly kind: 'nps';
  /** Answers counted. */
  readonly count: number;
  /** −100…100; null without answers. */
  readonly score: number | null;
  /** Half-width of the 95% confidence interval, in score points; null below 2 answers. */
  readonly marginOfError: number | null;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
}

export interface CsatSummary {
  readonly kind: 'csat';
  /** Answers counted. */
  readonly count: number;
  /** Percentage of satisfied answers, 0…100; null without answers. */
  readonly score: number | null;
  /** Half-width of the 95% confidence interval, in percentage points; null below 2 answers. */
  readonly marginOfError: number | null;
  /** Answers of 4 or 5. */
  readonly satisfied: number;
}

export interface CesSummary {
  readonly kind: 'ces';
  /** Answers counted. */
  readonly count: number;
  /** Mean answer, 1…7; null without answers. */
  readonly score: number | null;
  /** Half-width of the 95% confidence interval, on the 1–7 scale; null below 2 answers. */
  readonly marginOfError: number | null;
  /** Sample standard deviation (n − 1); null below 2 answers. */
  readonly standardDeviation: number | null;
}

export type Summary = NpsSummary | CsatSummary | CesSummary;

/** The summary type of one kind. */
export type SummaryOf<K extends SurveyKind> = Extract<Summary, { readonly kind: K }>;

/** One group's summary, tagged with the group's key (null for "no variant" or no grouping). */
export type GroupSummary = { readonly key: string | null } & Summary;
