/**
 * Net Promoter Score of one set of 0–10 answers.
 *
 * Answers 9–10 are promoters, 7–8 passives, 0–6 detractors. With n answers, P promoters and
 * D detractors, p = P / n and d = D / n:
 *
 *   score  = 100 · (p − d)                                  from −100 to 100
 *   margin = 1.96 · 100 · sqrt((p + d − (p − d)²) / n)      95%, normal approximation
 *
 * Why that variance: each answer counts +1 (promoter), 0 (passive) or −1 (detractor), and the
 * score is 100 × their mean. One answer's variance is E[x²] − E[x]² = (p + d) − (p − d)², which
 * is the multinomial variance of p̂ − d̂: p(1 − p) + d(1 − d) + 2pd. Treating promoters and
 * detractors as independent samples would drop the 2pd term (their covariance is −pd, since an
 * answer cannot be both) and understate the margin.
 *
 * The normal approximation is the conventional one and is poor for small n or extreme shares
 * (all promoters gives a margin of 0); the count is reported beside it so readers can judge.
 */
import type { NpsSummary } from '@hark/protocol';
import { Z_95 } from './confidence.js';
import { checkScoreCounts } from './score-counts.js';

const PROMOTER_MIN = 9;
const PASSIVE_MIN = 7;

/** Summarizes NPS answers given as score → how many answers gave it. */
export function summarizeNps(counts: ReadonlyMap<number, number>): NpsSummary {
  const count = checkScoreCounts('nps', counts);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [score, answers] of counts) {
    if (score >= PROMOTER_MIN) promoters += answers;
    else if (score >= PASSIVE_MIN) passives += answers;
    else detractors += answers;
  }
  const tallies = { kind: 'nps', count, promoters, passives, detractors } as const;
  if (count === 0) return { ...tallies, score: null, marginOfError: null };

  const net = promoters - detractors;
  // (n(P + D) − (P − D)²) / n² is p + d − (p − d)², computed on whole numbers so it is exact
  // (hence never below 0) for any realistic n; the max guards beyond 2^53.
  const variance = Math.max(0, (count * (promoters + detractors) - net ** 2) / count ** 2);
  return {
    ...tallies,
    score: (100 * net) / count,
    marginOfError: count < 2 ? null : Z_95 * 100 * Math.sqrt(variance / count),
  };
}
