import { describe, expect, it } from 'vitest';
import type { ScoreCount } from '../storage/response-store.js';
import { summarize, summarizeScoreCounts } from './summarize.js';

describe('summarize', () => {
  it('dispatches on the kind', () => {
    const counts = new Map([[5, 2]]);
    expect(summarize('csat', counts)).toMatchObject({ kind: 'csat', count: 2, score: 100 });
    expect(summarize('ces', counts)).toMatchObject({ kind: 'ces', count: 2, score: 5 });
    expect(summarize('nps', counts)).toMatchObject({ kind: 'nps', count: 2, score: -100 });
  });
});

describe('summarizeScoreCounts', () => {
  it('returns nothing for no rows', () => {
    expect(summarizeScoreCounts([])).toEqual([]);
  });

  it('summarizes each group, sorted by key with null last, and merges them into overall', () => {
    const rows: ScoreCount[] = [
      // Group null: one promoter, one detractor → NPS 0.
      { kind: 'nps', group: null, score: 10, count: 1 },
      { kind: 'nps', group: null, score: 0, count: 1 },
      // Group 'b': two promoters → NPS 100.
      { kind: 'nps', group: 'b', score: 9, count: 2 },
      // Group 'a': one passive, one detractor → NPS −50 (split rows for score 7 add up to 1).
      { kind: 'nps', group: 'a', score: 7, count: 1 },
      { kind: 'nps', group: 'a', score: 6, count: 1 },
      { kind: 'csat', group: 'a', score: 4, count: 3 },
      { kind: 'csat', group: 'a', score: 2, count: 1 },
    ];
    const results = summarizeScoreCounts(rows);

    expect(results.map((r) => r.kind)).toEqual(['nps', 'csat']);
    const [nps, csat] = results;

    expect(nps?.groups.map((g) => [g.key, g.count, g.score])).toEqual([
      ['a', 2, -50],
      ['b', 2, 100],
      [null, 2, 0],
    ]);
    // Overall: n = 6, P = 1 + 2 = 3, passives 1, D = 1 + 1 = 2 → NPS = 100 · (3 − 2) / 6 = 16.67.
    // margin = 196 · sqrt((0.5 + 1/3 − (1/6)²) / 6) = 196 · sqrt((5/6 − 1/36) / 6)
    //        = 196 · sqrt(29/216) = 196 · 0.3664140… = 71.817155…
    expect(nps?.overall).toMatchObject({
      kind: 'nps',
      count: 6,
      promoters: 3,
      passives: 1,
      detractors: 2,
    });
    expect(nps?.overall.score).toBeCloseTo(100 / 6, 6);
    expect(nps?.overall.marginOfError).toBeCloseTo(71.817155, 6);

    // CSAT has only group 'a': n = 4, S = 3 → 75; its overall equals the group.
    const { key, ...group } = csat?.groups[0] ?? { key: undefined };
    expect(key).toBe('a');
    expect(csat?.groups).toHaveLength(1);
    expect(csat?.overall).toEqual(group);
    expect(csat?.overall).toMatchObject({ kind: 'csat', count: 4, score: 75, satisfied: 3 });
  });

  it('sorts day keys chronologically', () => {
    const rows: ScoreCount[] = ['2025-03-10', '2025-02-28', '2025-03-01'].map((group) => ({
      kind: 'ces',
      group,
      score: 4,
      count: 1,
    }));
    const [ces] = summarizeScoreCounts(rows);
    expect(ces?.groups.map((g) => g.key)).toEqual(['2025-02-28', '2025-03-01', '2025-03-10']);
    expect(ces?.overall).toMatchObject({ count: 3, score: 4, standardDeviation: 0 });
  });

  it('throws when a row holds a score outside its kind', () => {
    expect(() => summarizeScoreCounts([{ kind: 'csat', group: null, score: 7, count: 1 }])).toThrow(
      new RangeError('score 7 is not a valid csat score (an integer from 1 to 5)'),
    );
  });
});
