import { describe, expect, it } from 'vitest';
import { summarizeCes } from './ces.js';

// Compared to 6 decimals (toBeCloseTo precision 6: |difference| < 5e-7).
describe('summarizeCes', () => {
  it('computes mean, standard deviation and a t-based margin for a small sample', () => {
    // Answers 7, 7, 6, 5, 3: n = 5, Σx = 28, mean = 5.6.
    // Σ(x − mean)² = 2 · 1.4² + 0.4² + 0.6² + 2.6² = 3.92 + 0.16 + 0.36 + 6.76 = 11.2.
    // s = sqrt(11.2 / 4) = sqrt(2.8) = 1.673320…
    // t(0.975, 4) = 2.776445; margin = 2.776445 · sqrt(2.8 / 5) = 2.776445 · 0.7483315 = 2.077701…
    const summary = summarizeCes(
      new Map([
        [7, 2],
        [6, 1],
        [5, 1],
        [3, 1],
      ]),
    );
    expect(summary.kind).toBe('ces');
    expect(summary.count).toBe(5);
    expect(summary.score).toBeCloseTo(5.6, 6);
    expect(summary.standardDeviation).toBeCloseTo(1.67332, 6);
    expect(summary.marginOfError).toBeCloseTo(2.077701, 6);
  });

  it('uses t with one degree of freedom for two answers', () => {
    // Answers 1 and 7: mean = 4, s = sqrt((3² + 3²) / 1) = sqrt(18) = 4.242641…
    // margin = t(0.975, 1) · sqrt(18) / sqrt(2) = 12.706205 · 3 = 38.118615.
    const summary = summarizeCes(
      new Map([
        [1, 1],
        [7, 1],
      ]),
    );
    expect(summary.score).toBeCloseTo(4, 6);
    expect(summary.standardDeviation).toBeCloseTo(4.242641, 6);
    expect(summary.marginOfError).toBeCloseTo(38.118615, 6);
  });

  it('gives a margin of 0 when every answer agrees', () => {
    expect(summarizeCes(new Map([[5, 10]]))).toEqual({
      kind: 'ces',
      count: 10,
      score: 5,
      marginOfError: 0,
      standardDeviation: 0,
    });
  });

  it('has no score, margin or deviation without answers', () => {
    expect(summarizeCes(new Map())).toEqual({
      kind: 'ces',
      count: 0,
      score: null,
      marginOfError: null,
      standardDeviation: null,
    });
  });

  it('has a score but no margin or deviation for a single answer', () => {
    expect(summarizeCes(new Map([[4, 1]]))).toEqual({
      kind: 'ces',
      count: 1,
      score: 4,
      marginOfError: null,
      standardDeviation: null,
    });
  });

  it('throws on scores outside 1–7', () => {
    expect(() => summarizeCes(new Map([[8, 1]]))).toThrow(
      new RangeError('score 8 is not a valid ces score (an integer from 1 to 7)'),
    );
    expect(() => summarizeCes(new Map([[0, 1]]))).toThrow(
      new RangeError('score 0 is not a valid ces score (an integer from 1 to 7)'),
    );
  });
});
