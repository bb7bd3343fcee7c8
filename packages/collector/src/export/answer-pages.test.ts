import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseStore } from '../storage/response-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { npsResponse } from '../testing/fixtures.js';
import { answerPages, LATEST } from './answer-pages.js';

const dir = mkdtempSync(join(tmpdir(), 'hark-pages-'));
let store: ResponseStore;
const ANSWERS = 1_050;

beforeAll(async () => {
  store = openSqliteStore({ path: join(dir, 'pages.db') });
  const base = Date.parse('2026-11-20T00:00:00.000Z');
  const responses = Array.from({ length: ANSWERS }, (_, i) =>
    npsResponse({ surveyId: 'pages', answeredAt: new Date(base + i * 1000).toISOString() }),
  );
  await store.insert(responses, new Date('2026-11-25T12:00:00Z'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real store, counting the page reads in flight at once. */
function watched(inner: ResponseStore) {
  const seen = { inFlight: 0, most: 0, sizes: [] as number[] };
  const wrapped: ResponseStore = Object.create(inner);
  wrapped.exportPage = async (...args) => {
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    seen.sizes.push(args[2]);
    try {
      return await inner.exportPage(...args);
    } finally {
      seen.inFlight--;
    }
  };
  return { wrapped, seen };
}

async function read(pages: AsyncIterable<{ response: { id: string } }[]>) {
  const ids: string[] = [];
  for await (const page of pages) for (const { response } of page) ids.push(response.id);
  return ids;
}

describe('answerPages', () => {
  it('reads the dashboard’s scans newest first in small pages, and stops at `most`', async () => {
    const { wrapped, seen } = watched(store);
    const ids = await read(answerPages(wrapped, { surveyId: 'pages' }, { ...LATEST, most: 420 }));
    const all = await read(answerPages(store, { surveyId: 'pages' }));
    expect(ids).toEqual(all.reverse().slice(0, 420));
    expect(seen.sizes).toEqual([100, 100, 100, 100, 20]);
  });

  it('lets concurrent scans of one store take turns, one page read at a time', async () => {
    const { wrapped, seen } = watched(store);
    const scans = await Promise.all([
      read(answerPages(wrapped, { surveyId: 'pages' })),
      read(answerPages(wrapped, { surveyId: 'pages' }, LATEST)),
      read(answerPages(wrapped, { surveyId: 'pages' }, LATEST)),
    ]);
    expect(scans.map((ids) => new Set(ids).size)).toEqual([ANSWERS, ANSWERS, ANSWERS]);
    expect(seen.most).toBe(1);
    expect(seen.sizes.length).toBe(2 + 11 + 11);
  });

  it('passes a failed read to its scan only, and the next scan reads', async () => {
    const failing: ResponseStore = Object.create(store);
    failing.exportPage = (query, ...rest) =>
      query.surveyId === 'broken'
        ? Promise.reject(new Error('disk I/O error'))
        : store.exportPage(query, ...rest);
    const [bad, good] = await Promise.allSettled([
      read(answerPages(failing, { surveyId: 'broken' })),
      read(answerPages(failing, { surveyId: 'pages' }, LATEST)),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'disk I/O error' } });
    expect(good).toMatchObject({ status: 'fulfilled', value: { length: ANSWERS } });
  });
});
