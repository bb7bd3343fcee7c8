import type { SurveyKind } from '@hark/collector/protocol';

export type { SurveyKind };

/** Which band a score falls in, for band-specific follow-up prompts. */
export type ScoreBand = 'detractor' | 'passive' | 'promoter';

/**
 * NPS: 0-6 detractor, 7-8 passive, 9-10 promoter. CSAT (1-5) and CES (1-7) by analogy: the
 * bottom of the scale, the middle, the top (CSAT 1-3 / - / 4-5 reads "unsatisfied / satisfied";
 * a neutral 3 asks what would have made it better, as detractors are asked).
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
