/**
 * The survey kinds, written once. Every package reads a kind's facts from here: the wire schema
 * (its `kind` literal and score range), the stores' CHECK constraints, the results, the themes,
 * the widget's elements and definition checks, the dashboard. Adding a kind starts here; what
 * else must change by hand, and why, is in docs/decisions/0006-protocol-package.md.
 */

/** Which part of the scale a score is in: the unhappy, the middle, the happy. */
export type ScoreBand = 'detractor' | 'passive' | 'promoter';

export interface SurveyKindInfo {
  /** The `kind` on the wire, in storage and in URLs. */
  readonly id: string;
  /** The inclusive range of scores an answer may give. */
  readonly score: { readonly min: number; readonly max: number };
  /**
   * The highest score of each band, lowest band first; a kind without a middle (CSAT) has no
   * `passive`. The last band ends at `score.max`.
   */
  readonly bands: readonly { readonly band: ScoreBand; readonly upTo: number }[];
  /** The widget's message ids of the kind's own words (its default question, the scale's ends). */
  readonly messages: { readonly question: string; readonly low: string; readonly high: string };
  /** What the results call the kind's score, and the range that score lives in (not the scale's). */
  readonly result: { readonly label: string; readonly min: number; readonly max: number };
}

/**
 * NPS's bands (0–6, 7–8, 9–10), and the same idea for CSAT (1–3, –, 4–5: "unsatisfied /
 * satisfied", a neutral 3 asked what would have made it better, as detractors are) and CES (1–3,
 * 4–5, 6–7). The widget asks its follow-up question by these bands; the themes group comments by
 * them. The key order is the order results and themes list the kinds in.
 */
export const SURVEY_KIND_TABLE = {
  nps: {
    id: 'nps',
    score: { min: 0, max: 10 },
    bands: [
      { band: 'detractor', upTo: 6 },
      { band: 'passive', upTo: 8 },
      { band: 'promoter', upTo: 10 },
    ],
    messages: { question: 'nps-question', low: 'nps-low', high: 'nps-high' },
    result: { label: 'NPS', min: -100, max: 100 },
  },
  csat: {
    id: 'csat',
    score: { min: 1, max: 5 },
    bands: [
      { band: 'detractor', upTo: 3 },
      { band: 'promoter', upTo: 5 },
    ],
    messages: { question: 'csat-question', low: 'csat-1', high: 'csat-5' },
    result: { label: 'CSAT (% satisfied)', min: 0, max: 100 },
  },
  ces: {
    id: 'ces',
    score: { min: 1, max: 7 },
    bands: [
      { band: 'detractor', upTo: 3 },
      { band: 'passive', upTo: 5 },
      { band: 'promoter', upTo: 7 },
    ],
    messages: { question: 'ces-question', low: 'ces-low', high: 'ces-high' },
    result: { label: 'CES (mean, 1–7)', min: 1, max: 7 },
  },
} as const satisfies { readonly [K in string]: SurveyKindInfo & { readonly id: K } };

/** A kind of survey: `nps`, `csat` or `ces`. */
export type SurveyKind = keyof typeof SURVEY_KIND_TABLE;

/** Every kind, in the table's order. */
export const SURVEY_KINDS = Object.keys(SURVEY_KIND_TABLE) as readonly SurveyKind[];

/** Whether `value` names a kind (a plain `in` would also accept `toString`). */
export function isSurveyKind(value: unknown): value is SurveyKind {
  return typeof value === 'string' && Object.hasOwn(SURVEY_KIND_TABLE, value);
}

/** The kinds and the inclusive score range each one accepts (the table's `score`, by kind). */
export const SCORE_RANGES: { readonly [K in SurveyKind]: (typeof SURVEY_KIND_TABLE)[K]['score'] } =
  Object.fromEntries(SURVEY_KINDS.map((kind) => [kind, SURVEY_KIND_TABLE[kind].score])) as never;

/** The band `score` falls in on `kind`'s scale. */
export function scoreBand(kind: SurveyKind, score: number): ScoreBand {
  const bands: SurveyKindInfo['bands'] = SURVEY_KIND_TABLE[kind].bands;
  for (const { band, upTo } of bands) if (score <= upTo) return band;
  return 'promoter';
}
