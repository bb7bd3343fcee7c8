import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResponseStore } from '../storage/response-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { npsResponse } from '../testing/fixtures.js';
import { themesOutgoing } from './themes-endpoint.js';

const dir = mkdtempSync(join(tmpdir(), 'hark-themes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real store that counts its page reads. */
function counting(inner: ResponseStore) {
  const reads = { count: 0 };
  const store: ResponseStore = Object.create(inner);
  store.exportPage = (...args) => {
    reads.count++;
    return inner.exportPage(...args);
  };
  return { store, reads };
}

const bodyOf = (outgoing: { body: unknown }) => JSON.parse(outgoing.body as string);

describe('themesOutgoing', () => {
  it('counts identical requests in flight once, and counts again once they are answered', async () => {
    const inner = openSqliteStore({ path: join(dir, 'themes.db') });
    const { store, reads } = counting(inner);
    const at = new Date('2026-11-25T12:00:00Z');
    await inner.insert(
      Array.from({ length: 250 }, (_, i) =>
        npsResponse({ surveyId: 'th', score: 2, comment: `Checkout page broken ${i}` }),
      ),
      at,
    );
    const params = new URLSearchParams({ surveyId: 'th' });
    const [first, second, other] = await Promise.all([
      themesOutgoing(store, params),
      themesOutgoing(store, params),
      themesOutgoing(store, new URLSearchParams({ surveyId: 'th', from: '2000-01-01T00:00:00Z' })),
    ]);
    // Pages of 100: three reads for 250 answers, for each distinct query.
    expect(reads.count).toBe(6);
    expect(bodyOf(second)).toEqual(bodyOf(first));
    expect(bodyOf(first).themes).toEqual(bodyOf(other).themes);
    expect(bodyOf(first).themes[0]).toMatchObject({ band: 'detractor', comments: 250 });

    await inner.insert([npsResponse({ surveyId: 'th', score: 1, comment: 'Checkout page' })], at);
    const later = await themesOutgoing(store, params);
    expect(bodyOf(later).themes[0]).toMatchObject({ comments: 251 });
    await inner.close();
  });
});
