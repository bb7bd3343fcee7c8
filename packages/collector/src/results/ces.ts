/**
 * Customer Effort Score of one set of 1–7 answers: the mean answer.
 *
 * With n answers x₁…xₙ:
 *
 *   score  = x̄ = Σx / n
 *   s      = sqrt(Σ(x − x̄)² / (n − 1))     sample standard deviation
 *   margin = t(0.975, n − 1) · s / sqrt(n)  95%
 *
 * s divides by n − 1 (Bessel's correction) because x̄ is estimated from the same answers, which
 * makes the spread around it smaller than around the true mean. The margin uses Student's t
 * rather than 1.96 because s is itself an estimate; for a handful of answers that widens the
 * margin markedly (t = 2.776 for 5 answers).
 */
import type { CesSummary } from '@hark/protocol';
import { checkScoreCounts } from './score-counts.js';
import { tCritical95 } from './student-t.js';

/** Summarizes CES answers given as score → how many answers gave it. */
export function summarizeCes(counts: ReadonlyMap<number, number>): CesSummary {
  const count = checkScoreCounts('ces', counts);
  if (count === 0) {
    return { kind: 'ces', count, score: null, marginOfError: null, standardDeviation: null };
  }
  let sum = 0;
  for (const [score, answers] of counts) sum += score * answers;
  const mean = sum / count;
  if (count < 2) {
    return { kind: 'ces', count, score: mean, marginOfError: null, standardDeviation: null };
  }

  // Squared deviations from the mean (a second pass) rather than Σx² − n·x̄², which cancels
  // catastrophically when answers agree.
  let squaredDeviations = 0;
  for (const [score, answers] of counts) squaredDeviations += answers * (score - mean) ** 2;
  const standardDeviation = Math.sqrt(squaredDeviations / (count - 1));
  return {
    kind: 'ces',
    count,
    score: mean,
    marginOfError: (tCritical95(count - 1) * standardDeviation) / Math.sqrt(count),
    standardDeviation,
  };
}
