import type { SurveyKind } from '../protocol/limits.js';

/** Which part of the scale a score is in: the unhappy, the middle, the happy. */
export type ScoreBand = 'detractor' | 'passive' | 'promoter';

/**
 * NPS's bands (0–6, 7–8, 9–10), and the same idea for CSAT (1–3, –, 4–5) and CES (1–3, 4–5,
 * 6–7): the widget asks its follow-up question by the same bands.
 */
export function scoreBand(kind: SurveyKind, score: number): ScoreBand {
  switch (kind) {
    case 'nps':
      return score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
    case 'csat':
      return score <= 3 ? 'detractor' : 'promoter';
    case 'ces':
      return score <= 3 ? 'detractor' : score <= 5 ? 'passive' : 'promoter';
  }
}
