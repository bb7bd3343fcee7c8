import { describe, expect, it } from 'vitest';
import { tCritical95 } from './student-t.js';

// Reference values: scipy.stats.t.ppf(0.975, df), to 6 decimals.
describe('tCritical95', () => {
  it('returns table entries as they are', () => {
    expect(tCritical95(1)).toBe(12.706205);
    expect(tCritical95(4)).toBe(2.776445);
    expect(tCritical95(30)).toBe(2.042272);
    expect(tCritical95(120)).toBe(1.97993);
  });

  it('interpolates in 1/df between entries to within 1e-4', () => {
    // df 50 lies between 40 and 60: weight = (1/40 − 1/50) / (1/40 − 1/60) = 0.6,
    // t = 2.021075 + 0.6 · (2.000298 − 2.021075) = 2.0086088 (exact: 2.008559).
    expect(tCritical95(50)).toBeCloseTo(2.0086088, 6);
    for (const [df, exact] of [
      [35, 2.030108],
      [50, 2.008559],
      [100, 1.983972],
    ] as const) {
      expect(Math.abs(tCritical95(df) - exact)).toBeLessThan(1e-4);
    }
  });

  it('approaches the normal limit 1.959964 beyond df 120', () => {
    // df 200: weight = (1/120 − 1/200) / (1/120 − 0) = 0.4,
    // t = 1.979930 + 0.4 · (1.959964 − 1.979930) = 1.9719436 (exact: 1.971896).
    expect(tCritical95(200)).toBeCloseTo(1.9719436, 6);
    expect(Math.abs(tCritical95(1000) - 1.962339)).toBeLessThan(1e-4);
    expect(tCritical95(1e9)).toBeCloseTo(1.959964, 6);
  });

  it('is never below the normal limit and never rises with df', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let df = 1; df <= 1000; df++) {
      const t = tCritical95(df);
      expect(t).toBeLessThanOrEqual(previous);
      expect(t).toBeGreaterThan(1.959964);
      previous = t;
    }
  });

  it('rejects degrees of freedom that are not positive integers', () => {
    expect(() => tCritical95(0)).toThrow(
      new RangeError('degrees of freedom must be a positive integer, got 0'),
    );
    expect(() => tCritical95(2.5)).toThrow(RangeError);
    expect(() => tCritical95(Number.NaN)).toThrow(RangeError);
  });
});
