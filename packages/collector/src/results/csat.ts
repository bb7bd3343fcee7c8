/**
 * Customer Satisfaction score of one set of 1–5 answers: the share of satisfied answers.
 *
 * Answers 4 and 5 count as satisfied (the usual "top two boxes"). With n answers of which
 * S are satisfied, p = S / n:
 *
 *   score  = 100 · p                              from 0 to 100
 *   margin = 1.96 · 100 · sqrt(p(1 − p) / n)      95%, normal approximation (Wald)
 *
 * Each answer is a Bernoulli trial, so one answer's variance is p(1 − p) and the share's is that
 * over n. Like the NPS margin this is the conventional approximation: it is poor for small n or
 * extreme shares (all satisfied gives 0), which is why the count travels with it.
 */
import type { CsatSummary } from '@hark/protocol';
import { Z_95 } from './confidence.js';
import { checkScoreCounts } from './score-counts.js';

const SATISFIED_MIN = 4;

/** Summarizes CSAT answers given as score → how many answers gave it. */
export function summarizeCsat(counts: ReadonlyMap<number, number>): CsatSummary {
  const count = checkScoreCounts('csat', counts);
  let satisfied = 0;
  for (const [score, answers] of counts) {
    if (score >= SATISFIED_MIN) satisfied += answers;
  }
  if (count === 0) return { kind: 'csat', count, score: null, marginOfError: null, satisfied };

  // S(n − S) / n² is p(1 − p), computed on whole numbers so it is exact for any realistic n.
  const variance = (satisfied * (count - satisfied)) / count ** 2;
  return {
    kind: 'csat',
    count,
    score: (100 * satisfied) / count,
    marginOfError: count < 2 ? null : Z_95 * 100 * Math.sqrt(variance / count),
    satisfied,
  };
}
