import type { SCORE_RANGES, SurveyKind } from '@hark/protocol';

/** The kinds and their bands come from @hark/protocol's kinds table, as the collector's do. */
export { type ScoreBand, type SurveyKind, scoreBand } from '@hark/protocol';

/** A kind's scale, as the kinds table gives it (literal types: `{ min: 0; max: 10 }` for NPS). */
export type ScaleOf<K extends SurveyKind> = (typeof SCORE_RANGES)[K];
