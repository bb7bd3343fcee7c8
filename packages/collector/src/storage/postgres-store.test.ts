import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { HarkResponse } from '../protocol/schema.js';
import { fixtureId, npsResponse } from '../testing/fixtures.js';
import { openPostgresStore } from './postgres-store.js';
import { describeResponseStore } from './response-store.contract.js';
import { type ResponseStore, StorageError } from './response-store.js';

const pgUrl = inject('pgUrl');
// One set of tables per run, so parallel or interrupted runs never see each other's rows.
const table = `hark_responses_t${process.pid}`;
const freshTables = [`hark_fresh_t${process.pid}`, `user`];
const receivedAt = new Date('2026-11-20T10:16:00.000Z');

/** A response with no optional field at all. */
function minimalResponse(
  overrides: Partial<Record<keyof HarkResponse, unknown>> = {},
): HarkResponse {
  const {
    comment: _comment,
    variant: _variant,
    visitorId: _visitorId,
    metadata: _metadata,
    ...required
  } = npsResponse();
  return { ...required, id: fixtureId(), ...overrides } as HarkResponse;
}

let store: ResponseStore;
let admin: pg.Pool;

beforeAll(async () => {
  admin = new pg.Pool({ connectionString: pgUrl, max: 2 });
  store = await openPostgresStore({ connectionString: pgUrl, table });
});

afterAll(async () => {
  await store?.close();
  const tables = [table, ...freshTables, ...contractTables];
  for (const name of tables) await admin?.query(`DROP TABLE IF EXISTS "${name}"`);
  await admin?.end();
});

// The contract wants an empty database per store: a table of its own is as good.
const contractTables: string[] = [];
describeResponseStore('PostgreSQL', async (alerts = []) => {
  const name = `hark_contract_t${process.pid}_${contractTables.length}`;
  contractTables.push(name);
  return openPostgresStore({ connectionString: pgUrl, table: name, alerts });
});

describe('openPostgresStore', () => {
  it('creates the table with the documented columns and the (survey_id, answered_at) index', async () => {
    const { rows: columns } = await admin.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type} ${c.is_nullable}`)).toEqual([
      'id uuid NO',
      'survey_id text NO',
      'kind text NO',
      'score smallint NO',
      'comment text YES',
      'locale text NO',
      'page_url text NO',
      'answered_at timestamp with time zone NO',
      'variant text YES',
      'visitor_id text YES',
      'metadata jsonb YES',
      'sdk_name text NO',
      'sdk_version text NO',
      'received_at timestamp with time zone NO',
    ]);
    const { rows: indexes } = await admin.query<{ indexdef: string }>(
      'SELECT indexdef FROM pg_indexes WHERE tablename = $1',
      [table],
    );
    expect(indexes.map((i) => i.indexdef).join('\n')).toContain('(survey_id, answered_at)');
  });

  it('is idempotent: opening again on an existing table works and keeps its rows', async () => {
    const response = npsResponse({ surveyId: 'reopen' });
    await store.insert([response], receivedAt);
    const again = await openPostgresStore({ connectionString: pgUrl, table });
    try {
      expect(await again.count('reopen')).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('lets several processes create the same fresh table at once', async () => {
    const name = freshTables[0]!;
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore({ connectionString: pgUrl, table: name })),
    );
    try {
      const outcomes = await Promise.all(stores.map((s) => s.insert([npsResponse()], receivedAt)));
      expect(outcomes.every((o) => o.stored.length === 1)).toBe(true);
      expect(await stores[0]!.count()).toBe(4);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('quotes the table name, so a valid name that is an SQL keyword works', async () => {
    const keyword = await openPostgresStore({ connectionString: pgUrl, table: 'user' });
    try {
      const response = npsResponse();
      expect(await keyword.insert([response], receivedAt)).toEqual({
        stored: [response.id],
        duplicates: [],
        erased: [],
      });
      expect((await keyword.get(response.id))?.response).toEqual(response);
    } finally {
      await keyword.close();
    }
  });

  it.each([
    'Responses',
    '1responses',
    'hark-responses',
    'hark_responses; DROP TABLE x',
    'r"s',
    '',
    `t${'x'.repeat(47)}`,
  ])('rejects the table name %j without touching the database', async (name) => {
    // Port 1: were a connection attempted, the error would be a StorageError, not a TypeError.
    await expect(
      openPostgresStore({ connectionString: 'postgres://hark@127.0.0.1:1/hark_test', table: name }),
    ).rejects.toThrow(TypeError);
  });

  it('rejects with StorageError, the driver error as cause, when the server is unreachable', async () => {
    const attempt = openPostgresStore({
      connectionString: 'postgres://hark@127.0.0.1:1/hark_test',
      table,
    });
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    const error = (await attempt.catch((e: unknown) => e)) as StorageError;
    expect(error.message).toMatch(/PostgreSQL/);
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});

describe('insert', () => {
  it('stores a batch and reports every id as stored', async () => {
    const batch = [npsResponse(), npsResponse({ kind: 'csat', score: 4 }), minimalResponse()];
    const outcome = await store.insert(batch, receivedAt);
    expect(outcome).toEqual({ stored: batch.map((r) => r.id), duplicates: [], erased: [] });
    for (const response of batch) expect(await store.get(response.id)).toBeDefined();
  });

  it('stores a batch sent three times once, reporting the re-sends as duplicates', async () => {
    const batch = [npsResponse({ surveyId: 'resend' }), npsResponse({ surveyId: 'resend' })];
    const ids = batch.map((r) => r.id);
    expect(await store.insert(batch, receivedAt)).toEqual({
      stored: ids,
      duplicates: [],
      erased: [],
    });
    expect(await store.insert(batch, receivedAt)).toEqual({
      stored: [],
      duplicates: ids,
      erased: [],
    });
    expect(await store.insert(batch, receivedAt)).toEqual({
      stored: [],
      duplicates: ids,
      erased: [],
    });
    expect(await store.count('resend')).toBe(2);
  });

  it('stores a batch sent concurrently exactly once', async () => {
    const batch = [npsResponse({ surveyId: 'race' }), npsResponse({ surveyId: 'race' })];
    const outcomes = await Promise.all([1, 2, 3].map(() => store.insert(batch, receivedAt)));
    expect(outcomes.flatMap((o) => o.stored).sort()).toEqual(batch.map((r) => r.id).sort());
    expect(outcomes.flatMap((o) => o.duplicates)).toHaveLength(4);
    expect(await store.count('race')).toBe(2);
  });

  it('splits a mixed batch into new and already stored ids, in batch order', async () => {
    const [a, b, c, d] = [1, 2, 3, 4].map(() => npsResponse({ surveyId: 'mixed' })) as [
      HarkResponse,
      HarkResponse,
      HarkResponse,
      HarkResponse,
    ];
    await store.insert([b, d], receivedAt);
    expect(await store.insert([a, b, c, d], receivedAt)).toEqual({
      stored: [a.id, c.id],
      duplicates: [b.id, d.id],
      erased: [],
    });
    expect(await store.count('mixed')).toBe(4);
  });

  it('writes an id repeated within one batch once, its later copy a duplicate', async () => {
    const response = npsResponse({ surveyId: 'repeat' });
    expect(await store.insert([response, { ...response, score: 3 }], receivedAt)).toEqual({
      stored: [response.id],
      duplicates: [response.id],
      erased: [],
    });
    expect((await store.get(response.id))?.response.score).toBe(9);
  });

  it('keeps the first copy of a re-sent answer', async () => {
    const response = npsResponse();
    await store.insert([response], receivedAt);
    await store.insert([{ ...response, score: 0 }], new Date('2026-11-21T00:00:00.000Z'));
    expect(await store.get(response.id)).toEqual({
      response,
      receivedAt: receivedAt.toISOString(),
    });
  });

  it('answers an empty batch without querying', async () => {
    const query = vi.spyOn(pg.Pool.prototype, 'query');
    try {
      expect(await store.insert([], receivedAt)).toEqual({
        stored: [],
        duplicates: [],
        erased: [],
      });
      expect(query).not.toHaveBeenCalled();
    } finally {
      query.mockRestore();
    }
  });

  it('stores a batch all or nothing, rejecting with StorageError', async () => {
    const good = npsResponse({ surveyId: 'atomic' });
    const bad = npsResponse({ surveyId: 'atomic', kind: 'bogus' });
    const attempt = store.insert([good, bad], receivedAt);
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    const error = (await attempt.catch((e: unknown) => e)) as StorageError;
    expect(error.message).toMatch(/Could not store 2 response\(s\) in PostgreSQL/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(await store.count('atomic')).toBe(0);
  });

  it('rejects with StorageError when the database fails under an open store', async () => {
    const name = `hark_gone_t${process.pid}`;
    const doomed = await openPostgresStore({ connectionString: pgUrl, table: name });
    try {
      await admin.query(`DROP TABLE "${name}"`);
      const attempt = doomed.insert([npsResponse()], receivedAt);
      await expect(attempt).rejects.toBeInstanceOf(StorageError);
      await expect(attempt).rejects.toMatchObject({ cause: { code: '42P01' } });
      await expect(doomed.count()).rejects.toBeInstanceOf(StorageError);
    } finally {
      await doomed.close();
    }
  });
});

describe('bounded waits', () => {
  it('gives up after maxWaitMs while another session holds the table locked, storing nothing; stores once released', async () => {
    const name = `hark_locked_t${process.pid}`;
    freshTables.push(name);
    const bounded = await openPostgresStore({
      connectionString: pgUrl,
      table: name,
      maxWaitMs: 300,
    });
    const holder = await admin.connect();
    const waiting = [npsResponse(), npsResponse()];
    try {
      // What `LOCK TABLE` in psql does during a long maintenance: every insert and read waits.
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE "${name}" IN ACCESS EXCLUSIVE MODE`);
      // lock_timeout and statement_timeout are both the bound: either may be the one that fires.
      const insert = bounded.insert(waiting, receivedAt);
      await expect(insert).rejects.toBeInstanceOf(StorageError);
      await expect(insert).rejects.toThrow(
        /^Could not store 2 response\(s\) in PostgreSQL: canceling statement due to (lock|statement) timeout$/,
      );
      const count = bounded.count();
      await expect(count).rejects.toBeInstanceOf(StorageError);
      await expect(count).rejects.toThrow(
        /^Could not count responses in PostgreSQL: canceling statement due to (lock|statement) timeout$/,
      );
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    expect(await bounded.count()).toBe(0);
    expect(await bounded.insert(waiting, receivedAt)).toEqual({
      stored: waiting.map((r) => r.id),
      duplicates: [],
      erased: [],
    });
    expect(await bounded.count()).toBe(2);
    await bounded.close();
  });

  it('refuses a maxWaitMs that is not a positive whole number', async () => {
    await expect(
      openPostgresStore({ connectionString: pgUrl, table, maxWaitMs: 0 }),
    ).rejects.toThrow(new RangeError('Invalid maxWaitMs 0: expected a positive whole number'));
  });
});

describe('close', () => {
  it('rejects every call after close with StorageError, and may be called twice', async () => {
    const closing = await openPostgresStore({ connectionString: pgUrl, table });
    await closing.close();
    await closing.close();
    for (const call of [
      closing.insert([], receivedAt),
      closing.insert([npsResponse()], receivedAt),
      closing.get(fixtureId()),
      closing.count(),
      closing.countScores({ surveyId: 'results' }),
    ]) {
      await expect(call).rejects.toThrow(new StorageError('the PostgreSQL store is closed'));
    }
  });
});

describe('get', () => {
  it('reads an answer back in wire shape', async () => {
    const response = npsResponse({
      comment: 'Ünïcødé ✓ "quoted" \\ {braces}',
      metadata: { a: '1', 'b.c': '' },
    });
    await store.insert([response], receivedAt);
    expect(await store.get(response.id)).toEqual({
      response,
      receivedAt: '2026-11-20T10:16:00.000Z',
    });
  });

  it('leaves absent optional fields out rather than setting them to null', async () => {
    const response = minimalResponse({ kind: 'ces', score: 7 });
    await store.insert([response], receivedAt);
    const stored = await store.get(response.id);
    expect(stored?.response).toStrictEqual(response);
    expect(Object.keys(stored?.response ?? {})).not.toContain('comment');
  });

  it('normalises answeredAt to UTC', async () => {
    const response = npsResponse({ answeredAt: '2026-11-20T12:15:30.250+02:00' });
    await store.insert([response], receivedAt);
    expect((await store.get(response.id))?.response.answeredAt).toBe('2026-11-20T10:15:30.250Z');
  });

  it('returns undefined for an unknown id and for a string that is no UUID', async () => {
    expect(await store.get(fixtureId())).toBeUndefined();
    expect(await store.get('not-a-uuid')).toBeUndefined();
    expect(await store.get("'; DROP TABLE x; --")).toBeUndefined();
    expect(await store.get('')).toBeUndefined();
  });
});

describe('count', () => {
  it('counts one survey or all', async () => {
    const survey = `count-${fixtureId()}`;
    const before = await store.count();
    await store.insert(
      [npsResponse({ surveyId: survey }), npsResponse({ surveyId: survey })],
      receivedAt,
    );
    expect(await store.count(survey)).toBe(2);
    expect(await store.count()).toBe(before + 2);
    expect(await store.count('no-such-survey')).toBe(0);
  });
});

describe('countScores', () => {
  const survey = 'results';
  const answer = (
    score: number,
    answeredAt: string,
    extra: Partial<Record<keyof HarkResponse, unknown>> = {},
  ) =>
    npsResponse({ surveyId: survey, score, answeredAt, locale: 'en-GB', variant: 'a', ...extra });

  beforeAll(async () => {
    await store.insert(
      [
        answer(9, '2026-11-01T00:00:00.000Z'),
        answer(9, '2026-11-01T23:59:59.999Z', { locale: 'de-DE' }),
        // 23:30 on 1 November in New York is 2 November in UTC.
        answer(10, '2026-11-01T23:30:00.000-05:00', { variant: 'b' }),
        answer(3, '2026-11-02T12:00:00.000Z', { variant: undefined }),
        answer(4, '2026-11-03T00:00:00.000Z', { kind: 'csat', locale: 'de-DE' }),
        npsResponse({ surveyId: 'other-survey', score: 0 }),
      ],
      receivedAt,
    );
  });

  it('counts scores per kind without grouping', async () => {
    expect(await store.countScores({ surveyId: survey })).toEqual([
      { kind: 'csat', group: null, score: 4, count: 1 },
      { kind: 'nps', group: null, score: 3, count: 1 },
      { kind: 'nps', group: null, score: 9, count: 2 },
      { kind: 'nps', group: null, score: 10, count: 1 },
    ]);
  });

  it('groups by UTC day', async () => {
    expect(await store.countScores({ surveyId: survey }, 'day')).toEqual([
      { kind: 'csat', group: '2026-11-03', score: 4, count: 1 },
      { kind: 'nps', group: '2026-11-01', score: 9, count: 2 },
      { kind: 'nps', group: '2026-11-02', score: 3, count: 1 },
      { kind: 'nps', group: '2026-11-02', score: 10, count: 1 },
    ]);
  });

  it('groups by locale', async () => {
    expect(await store.countScores({ surveyId: survey }, 'locale')).toEqual([
      { kind: 'csat', group: 'de-DE', score: 4, count: 1 },
      { kind: 'nps', group: 'de-DE', score: 9, count: 1 },
      { kind: 'nps', group: 'en-GB', score: 3, count: 1 },
      { kind: 'nps', group: 'en-GB', score: 9, count: 1 },
      { kind: 'nps', group: 'en-GB', score: 10, count: 1 },
    ]);
  });

  it('groups by variant, with null for answers without one', async () => {
    expect(await store.countScores({ surveyId: survey }, 'variant')).toEqual([
      { kind: 'csat', group: 'a', score: 4, count: 1 },
      { kind: 'nps', group: null, score: 3, count: 1 },
      { kind: 'nps', group: 'a', score: 9, count: 2 },
      { kind: 'nps', group: 'b', score: 10, count: 1 },
    ]);
  });

  it('bounds answeredAt: from inclusive, to exclusive, in any offset', async () => {
    // `from` is the 10's exact instant (kept), `to` the csat's (left out).
    expect(
      await store.countScores({
        surveyId: survey,
        from: '2026-11-02T04:30:00.000Z',
        to: '2026-11-03T00:00:00.000Z',
      }),
    ).toEqual([
      { kind: 'nps', group: null, score: 3, count: 1 },
      { kind: 'nps', group: null, score: 10, count: 1 },
    ]);
    // 23:59:59.999Z, the second 9's exact instant, written in New York time.
    expect(
      await store.countScores({ surveyId: survey, to: '2026-11-01T18:59:59.999-05:00' }, 'day'),
    ).toEqual([{ kind: 'nps', group: '2026-11-01', score: 9, count: 1 }]);
    expect(await store.countScores({ surveyId: survey, from: '2026-11-03T00:00:00Z' })).toEqual([
      { kind: 'csat', group: null, score: 4, count: 1 },
    ]);
  });

  it('returns an empty list for a survey without answers', async () => {
    expect(await store.countScores({ surveyId: 'no-such-survey' }, 'day')).toEqual([]);
  });

  it('rejects a malformed bound as the caller’s error, not a storage failure', async () => {
    await expect(store.countScores({ surveyId: survey, from: 'yesterday' })).rejects.toThrow(
      RangeError,
    );
  });
});
