import { describe, expect, it } from 'vitest';
import { summarizeCsat } from './csat.js';

// Margins are compared to 6 decimals (toBeCloseTo precision 6: |difference| < 5e-7).
describe('summarizeCsat', () => {
  it('computes score and margin from a mixed set of answers', () => {
    // n = 4 + 3 + 1 + 1 + 1 = 10; satisfied S = 4 + 3 = 7; p = 0.7; CSAT = 70.
    // margin = 1.96 · 100 · sqrt(0.7 · 0.3 / 10) = 196 · sqrt(0.021) = 196 · 0.1449138… = 28.403098…
    const summary = summarizeCsat(
      new Map([
        [5, 4],
        [4, 3],
        [3, 1],
        [2, 1],
        [1, 1],
      ]),
    );
    expect(summary).toMatchObject({ kind: 'csat', count: 10, satisfied: 7 });
    expect(summary.score).toBeCloseTo(70, 6);
    expect(summary.marginOfError).toBeCloseTo(28.403098, 6);
  });

  it('gives a margin of 0 when every answer is satisfied', () => {
    // p = 1: p(1 − p) = 0.
    const summary = summarizeCsat(
      new Map([
        [5, 2],
        [4, 3],
      ]),
    );
    expect(summary).toEqual({ kind: 'csat', count: 5, score: 100, marginOfError: 0, satisfied: 5 });
  });

  it('has no score or margin without answers', () => {
    expect(summarizeCsat(new Map())).toEqual({
      kind: 'csat',
      count: 0,
      score: null,
      marginOfError: null,
      satisfied: 0,
    });
  });

  it('has a score but no margin for a single answer', () => {
    expect(summarizeCsat(new Map([[3, 1]]))).toEqual({
      kind: 'csat',
      count: 1,
      score: 0,
      marginOfError: null,
      satisfied: 0,
    });
  });

  it('throws on scores outside 1–5', () => {
    expect(() => summarizeCsat(new Map([[0, 1]]))).toThrow(
      new RangeError('score 0 is not a valid csat score (an integer from 1 to 5)'),
    );
    expect(() => summarizeCsat(new Map([[6, 1]]))).toThrow(
      new RangeError('score 6 is not a valid csat score (an integer from 1 to 5)'),
    );
  });
});
