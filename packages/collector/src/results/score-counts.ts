import { SCORE_RANGES, type SurveyKind } from '@hark/protocol';

/**
 * Checks a kind's score counts and returns how many answers they hold.
 *
 * Storage only ever returns scores the validator accepted, so a score outside the kind's range,
 * or a count that is not a whole number of answers, means a bug upstream. Throwing beats folding
 * a wrong number into a published score.
 */
export function checkScoreCounts(kind: SurveyKind, counts: ReadonlyMap<number, number>): number {
  const { min, max } = SCORE_RANGES[kind];
  let total = 0;
  for (const [score, count] of counts) {
    if (!Number.isInteger(score) || score < min || score > max) {
      throw new RangeError(
        `score ${score} is not a valid ${kind} score (an integer from ${min} to ${max})`,
      );
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(
        `count ${count} for ${kind} score ${score} is not a non-negative integer`,
      );
    }
    total += count;
  }
  return total;
}
