import { describe, expect, it } from 'vitest';
import { summarizeNps } from './nps.js';

// Margins are compared to 6 decimals (toBeCloseTo precision 6: |difference| < 5e-7).
describe('summarizeNps', () => {
  it('computes score and margin from a mixed set of answers', () => {
    // n = 3 + 2 + 2 + 1 + 1 + 1 = 10; promoters P = 3 + 2 = 5, passives 2 + 1 = 3, detractors D = 2.
    // p = 0.5, d = 0.2; NPS = 100 · (0.5 − 0.2) = 30.
    // margin = 1.96 · 100 · sqrt((0.5 + 0.2 − 0.3²) / 10) = 196 · sqrt(0.061)
    //        = 196 · 0.2469818… = 48.408429…
    const summary = summarizeNps(
      new Map([
        [10, 3],
        [9, 2],
        [8, 2],
        [7, 1],
        [6, 1],
        [3, 1],
      ]),
    );
    expect(summary).toMatchObject({
      kind: 'nps',
      count: 10,
      promoters: 5,
      passives: 3,
      detractors: 2,
    });
    expect(summary.score).toBeCloseTo(30, 6);
    expect(summary.marginOfError).toBeCloseTo(48.408429, 6);
  });

  it('goes negative when detractors outnumber promoters', () => {
    // n = 4; P = 0, D = 2 + 1 = 3, one passive; p = 0, d = 0.75; NPS = 100 · (0 − 0.75) = −75.
    // margin = 196 · sqrt((0 + 0.75 − 0.75²) / 4) = 196 · sqrt(0.1875 / 4) = 196 · sqrt(0.046875)
    //        = 196 · 0.2165063… = 42.435245…
    const summary = summarizeNps(
      new Map([
        [0, 2],
        [5, 1],
        [8, 1],
      ]),
    );
    expect(summary).toMatchObject({ count: 4, promoters: 0, passives: 1, detractors: 3 });
    expect(summary.score).toBeCloseTo(-75, 6);
    expect(summary.marginOfError).toBeCloseTo(42.435245, 6);
  });

  it('gives a margin of 0 when every answer is a promoter', () => {
    // p = 1, d = 0: p + d − (p − d)² = 1 − 1 = 0.
    const summary = summarizeNps(
      new Map([
        [10, 4],
        [9, 6],
      ]),
    );
    expect(summary).toEqual({
      kind: 'nps',
      count: 10,
      score: 100,
      marginOfError: 0,
      promoters: 10,
      passives: 0,
      detractors: 0,
    });
  });

  it('has no score or margin without answers', () => {
    const empty = {
      kind: 'nps',
      count: 0,
      score: null,
      marginOfError: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
    };
    expect(summarizeNps(new Map())).toEqual(empty);
    expect(
      summarizeNps(
        new Map([
          [10, 0],
          [0, 0],
        ]),
      ),
    ).toEqual(empty);
  });

  it('has a score but no margin for a single answer', () => {
    expect(summarizeNps(new Map([[9, 1]]))).toEqual({
      kind: 'nps',
      count: 1,
      score: 100,
      marginOfError: null,
      promoters: 1,
      passives: 0,
      detractors: 0,
    });
  });

  it('throws on scores outside 0–10 and on bad counts', () => {
    expect(() => summarizeNps(new Map([[11, 1]]))).toThrow(
      new RangeError('score 11 is not a valid nps score (an integer from 0 to 10)'),
    );
    expect(() => summarizeNps(new Map([[-1, 1]]))).toThrow(
      new RangeError('score -1 is not a valid nps score (an integer from 0 to 10)'),
    );
    expect(() => summarizeNps(new Map([[9.5, 1]]))).toThrow(
      new RangeError('score 9.5 is not a valid nps score (an integer from 0 to 10)'),
    );
    expect(() => summarizeNps(new Map([[3, -1]]))).toThrow(
      new RangeError('count -1 for nps score 3 is not a non-negative integer'),
    );
    expect(() => summarizeNps(new Map([[3, 1.5]]))).toThrow(RangeError);
  });
});
