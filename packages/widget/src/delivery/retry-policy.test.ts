import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs } from './retry-policy.js';

describe('backoffMs', () => {
  it('doubles the ceiling from 1 s and caps it at 5 min, with the delay anywhere below it', () => {
    const top = () => 0.999_999_9;
    expect(
      [1, 2, 3, 4, 9, 10, 30].map((attempt) => backoffMs(attempt, DEFAULT_RETRY_POLICY, top)),
    ).toEqual([999, 1_999, 3_999, 7_999, 255_999, 299_999, 299_999]);
    expect(backoffMs(5, DEFAULT_RETRY_POLICY, () => 0)).toBe(0); // full jitter reaches down to zero
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('caps an absurd value at an hour and floors a past date at zero', () => {
    expect(retryAfterMs('99999999', now)).toBe(3_600_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
  });
});
