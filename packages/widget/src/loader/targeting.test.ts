import { restoreAllMocks, spyOn } from '@vitest/spy';
import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { isTargeted, pickVariant, unitHash } from './targeting.js';

/** A seeded PRNG (mulberry32): the same visitor ids every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` visitor ids shaped like crypto.randomUUID()'s, from a fixed seed. */
function visitorIds(count: number, seed = 20261125): string[] {
  const random = seeded(seed);
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return Array.from(
    { length: count },
    () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  );
}

const visitor = (id: string, attributes: Record<string, unknown> = {}, languages = ['en-US']) => ({
  id,
  languages,
  attributes,
});

describe('sampling', () => {
  it.each([1, 10, 25, 50, 90])(
    'takes %i %% of 10,000 visitors, within four standard deviations',
    (rate) => {
      const n = 10_000;
      const taken = visitorIds(n).filter((id) =>
        isTargeted({ sampleRate: rate }, 'checkout-nps', visitor(id)),
      ).length;
      const p = rate / 100;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(taken - n * p)).toBeLessThan(4 * sd);
    },
  );

  it('is sticky for a visitor, independent between surveys, all or nothing at 100 and 0', () => {
    const ids = visitorIds(2_000);
    for (const id of ids.slice(0, 50)) {
      const first = isTargeted({ sampleRate: 30 }, 's1', visitor(id));
      expect(isTargeted({ sampleRate: 30 }, 's1', visitor(id))).toBe(first);
    }
    // The same visitors sampled for two surveys at 50 %: about a quarter in both, not half.
    const both = ids.filter(
      (id) =>
        isTargeted({ sampleRate: 50 }, 'a', visitor(id)) &&
        isTargeted({ sampleRate: 50 }, 'b', visitor(id)),
    ).length;
    expect(Math.abs(both - 500)).toBeLessThan(4 * Math.sqrt(2_000 * 0.25 * 0.75));
    expect(ids.every((id) => isTargeted({ sampleRate: 100 }, 's', visitor(id)))).toBe(true);
    expect(ids.some((id) => isTargeted({ sampleRate: 0 }, 's', visitor(id)))).toBe(false);
  });

  it('spreads hashes evenly over [0, 1)', () => {
    const buckets = new Array(10).fill(0);
    for (const id of visitorIds(10_000)) buckets[Math.floor(unitHash(id) * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(4 * 30);
  });
});

describe('variants', () => {
  it('splits visitors evenly and gives each the same one every time', () => {
    const variants = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const id of visitorIds(9_000)) {
      const v = pickVariant(variants, 'wording', id)?.id as string;
      expect(pickVariant(variants, 'wording', id)?.id).toBe(v);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    const sd = Math.sqrt(9_000 * (1 / 3) * (2 / 3));
    for (const count of Object.values(counts)) expect(Math.abs(count - 3_000)).toBeLessThan(4 * sd);
    expect(pickVariant(undefined, 's', 'x')).toBeUndefined();
    expect(pickVariant([], 's', 'x')).toBeUndefined();
  });
});

describe('targeting rules', () => {
  const t = (targeting: Parameters<typeof isTargeted>[0], v = visitor('v1')) =>
    isTargeted(targeting, 's', v);

  it('locales by language prefix, never by partial subtag', () => {
    expect(t({ locales: ['pt'] }, visitor('v', {}, ['pt-BR']))).toBe(true);
    expect(t({ locales: ['pt-BR'] }, visitor('v', {}, ['pt-PT']))).toBe(false);
    expect(t({ locales: ['PT-br'] }, visitor('v', {}, ['pt-BR']))).toBe(true);
    expect(t({ locales: ['p'] }, visitor('v', {}, ['pt-BR']))).toBe(false);
    expect(t({ locales: ['fr', 'de'] }, visitor('v', {}, ['en']))).toBe(false);
  });

  it('attributes: equal, in, not, ranges; a missing attribute fails every rule but not', () => {
    const pro = visitor('v', { plan: 'pro', seats: 12, beta: true });
    expect(t({ attributes: { plan: 'pro', beta: true } }, pro)).toBe(true);
    expect(t({ attributes: { plan: { in: ['team', 'pro'] } } }, pro)).toBe(true);
    expect(t({ attributes: { plan: { not: 'free' } } }, pro)).toBe(true);
    expect(t({ attributes: { seats: { gte: 10, lte: 50 } } }, pro)).toBe(true);
    expect(t({ attributes: { seats: { gte: 13 } } }, pro)).toBe(false);
    expect(t({ attributes: { seats: 12, plan: 'free' } }, pro)).toBe(false);
    expect(t({ attributes: { country: 'FR' } }, pro)).toBe(false);
    expect(t({ attributes: { country: { gte: 1 } } }, pro)).toBe(false);
  });

  it('devices from the pointer and the screen', () => {
    expect(t({ devices: ['desktop'] })).toBe(true); // the test browser has a fine pointer
    expect(t({ devices: ['mobile', 'tablet'] })).toBe(false);
    const coarse = spyOn(window, 'matchMedia').mockImplementation(
      (query) => ({ matches: query.includes('coarse') }) as MediaQueryList,
    );
    spyOn(screen, 'width', 'get').mockReturnValue(390);
    expect(t({ devices: ['mobile'] })).toBe(true);
    spyOn(screen, 'width', 'get').mockReturnValue(820);
    spyOn(screen, 'height', 'get').mockReturnValue(1180);
    expect(t({ devices: ['tablet'] })).toBe(true);
    coarse.mockRestore();
    restoreAllMocks();
  });
});
