/**
 * The survey kinds, written once. Every package reads a kind's facts from here: the wire schema
 * (its `kind` literal and score range), the results, the themes, the widget's elements and
 * definition checks, the dashboard. Adding a kind starts here; what else must change by hand,
 * and why, is in docs/decisions/0006-protocol-package.md.
 */

/** Which part of the scale a score is in: the unhappy, the middle, the happy. */
export type ScoreBand = 'detractor' | 'passive' | 'promoter';

/**
 * Where a kind's bands end: the highest score of its detractors, and of its passives (the same
 * for a kind without a middle band, CSAT). A pair rather than an object: the widget ships it.
 */
export type BandEnds = readonly [detractor: number, passive: number];

/** The widget's message ids of a kind's own words: its default question, the scale's ends. */
export interface KindMessages {
  readonly question: string;
  readonly low: string;
  readonly high: string;
}

/** What the results call a kind's score, and the range that score lives in (not the scale's). */
export interface KindResult {
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/*
 * The table is written by columns, each keyed by kind: the widget's bundles then carry only the
 * columns they use (scale and bands, a few dozen bytes), not every kind's labels and message ids.
 * Each column after the first must name every kind, or the package does not compile.
 */

/** The kinds, and the inclusive range of scores an answer of each may give. Its key order is the
 * order results and themes list the kinds in. */
export const SCORE_RANGES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
} as const;

/** A kind of survey: `nps`, `csat` or `ces`. */
export type SurveyKind = keyof typeof SCORE_RANGES;

/**
 * NPS's bands (0–6, 7–8, 9–10), and the same idea for CSAT (1–3, –, 4–5: "unsatisfied /
 * satisfied", a neutral 3 asked what would have made it better, as detractors are) and CES (1–3,
 * 4–5, 6–7). The widget asks its follow-up question by these bands; the themes group comments by
 * them. Promoters are the rest of the scale.
 */
export const SCORE_BANDS: { readonly [K in SurveyKind]: BandEnds } = {
  nps: [6, 8],
  csat: [3, 3],
  ces: [3, 5],
};

export const KIND_MESSAGES: { readonly [K in SurveyKind]: KindMessages } = {
  nps: { question: 'nps-question', low: 'nps-low', high: 'nps-high' },
  csat: { question: 'csat-question', low: 'csat-1', high: 'csat-5' },
  ces: { question: 'ces-question', low: 'ces-low', high: 'ces-high' },
};

export const KIND_RESULTS: { readonly [K in SurveyKind]: KindResult } = {
  nps: { label: 'NPS', min: -100, max: 100 },
  csat: { label: 'CSAT (% satisfied)', min: 0, max: 100 },
  ces: { label: 'CES (mean, 1–7)', min: 1, max: 7 },
};

/** Everything the table says about one kind. */
export interface SurveyKindInfo<K extends SurveyKind = SurveyKind> {
  /** The `kind` on the wire, in storage and in URLs. */
  readonly id: K;
  readonly score: (typeof SCORE_RANGES)[K];
  /** The bands the kind's scale has, lowest first, each with its highest score. */
  readonly bands: readonly { readonly band: ScoreBand; readonly upTo: number }[];
  readonly messages: KindMessages;
  readonly result: KindResult;
}

// Every column names the same kinds in the same order (kinds.test.ts checks it). SURVEY_KINDS and
// isSurveyKind read SCORE_BANDS, the column the widget's bundles carry anyway.

/** Every kind, in the table's order. */
export const SURVEY_KINDS = /* @__PURE__ */ Object.keys(SCORE_BANDS) as readonly SurveyKind[];

/** Whether `value` names a kind (a plain `in` would also accept `toString`). */
export function isSurveyKind(value: unknown): value is SurveyKind {
  return typeof value === 'string' && Object.hasOwn(SCORE_BANDS, value);
}

function bandsOf(kind: SurveyKind): SurveyKindInfo['bands'] {
  const [detractor, passive] = SCORE_BANDS[kind];
  const bands: { band: ScoreBand; upTo: number }[] = [{ band: 'detractor', upTo: detractor }];
  if (passive > detractor) bands.push({ band: 'passive', upTo: passive });
  bands.push({ band: 'promoter', upTo: SCORE_RANGES[kind].max });
  return bands;
}

function tableOf(): { readonly [K in SurveyKind]: SurveyKindInfo<K> } {
  const row = (kind: SurveyKind) => ({
    id: kind,
    score: SCORE_RANGES[kind],
    bands: bandsOf(kind),
    messages: KIND_MESSAGES[kind],
    result: KIND_RESULTS[kind],
  });
  return Object.fromEntries(SURVEY_KINDS.map((kind) => [kind, row(kind)])) as never;
}

/** The whole table, one row per kind: the columns above, read together. */
export const SURVEY_KIND_TABLE = /* @__PURE__ */ tableOf();

/** The band `score` falls in on `kind`'s scale. */
export function scoreBand(kind: SurveyKind, score: number): ScoreBand {
  const [detractor, passive] = SCORE_BANDS[kind];
  return score > passive ? 'promoter' : score > detractor ? 'passive' : 'detractor';
}
