import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HarkResponse } from '../protocol/schema.js';
import type { ResponseStore } from '../storage/response-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { npsResponse, submission } from '../testing/fixtures.js';
import { type CollectorOptions, createCollector } from './create-collector.js';
import { tokenBucketLimiter } from './rate-limiter.js';

const dir = mkdtempSync(join(tmpdir(), 'hark-handler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const ENDPOINT = 'http://collector.test/v1/responses';
const NOW = Date.parse('2026-11-25T12:00:00Z');

let store: ResponseStore;
let path: string;
beforeEach(() => {
  path = join(dir, `handler-${++files}.db`);
  store = openSqliteStore({ path });
});
afterEach(async () => {
  await store.close();
});

function collector(options: Partial<CollectorOptions> = {}) {
  return createCollector({ store, now: () => NOW, ...options });
}

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const ADMIN_TOKEN = 'correct-horse-battery-staple';

/** A read the admin token authorises. */
function asAdmin(url: string, init: RequestInit = {}): Request {
  return new Request(url, {
    ...init,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(init.headers as Record<string, string>),
    },
  });
}

async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text());
}

describe('POST /v1/responses', () => {
  it('stores a valid batch and answers 202 with the accepted ids', async () => {
    const batch = submission([npsResponse(), npsResponse({ kind: 'csat', score: 4 })]);
    const response = await collector()(post(batch));
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({
      accepted: batch.responses.map((r) => r.id),
      stored: 2,
      duplicates: [],
      erased: [],
    });
    expect(await store.count()).toBe(2);
    expect((await store.get(batch.responses[1]!.id))?.response).toEqual(batch.responses[1]);
  });

  it('stores one row per id when the same batch is posted three times', async () => {
    const batch = submission([npsResponse(), npsResponse(), npsResponse()]);
    const ids = batch.responses.map((r) => r.id);
    const handler = collector();
    const bodies = [];
    for (let i = 0; i < 3; i++) {
      const response = await handler(post(batch));
      expect(response.status).toBe(202);
      bodies.push(await json(response));
    }
    expect(bodies).toEqual([
      { accepted: ids, stored: 3, duplicates: [], erased: [] },
      { accepted: ids, stored: 0, duplicates: ids, erased: [] },
      { accepted: ids, stored: 0, duplicates: ids, erased: [] },
    ]);
    expect(await store.count()).toBe(3);
  });

  it('answers 400 with every issue and stores nothing of the batch', async () => {
    const good = npsResponse();
    const bad = npsResponse({ kind: 'csat', score: 9 });
    const response = await collector()(post(submission([good, bad])));
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: 'invalid_submission',
      message: 'The submission has 1 issue.',
      issues: [
        {
          path: '/responses/1/score',
          code: 'out_of_range',
          message: 'must be from 1 to 5 for kind "csat"',
        },
      ],
    });
    expect(await store.count()).toBe(0);
  });

  it('answers 400 to a body that is not JSON, or not UTF-8', async () => {
    const notJson = await collector()(post('{"protocol": 1, "responses": ['));
    expect(notJson.status).toBe(400);
    expect(await json(notJson)).toMatchObject({
      error: 'invalid_submission',
      issues: [{ path: '', code: 'invalid_json' }],
    });

    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]); // {"é"} in ISO-8859-1
    const notUtf8 = await collector()(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: latin1,
      }),
    );
    expect(notUtf8.status).toBe(400);
    expect(await json(notUtf8)).toEqual({
      error: 'invalid_encoding',
      message: 'The body is not valid UTF-8.',
    });
    expect(await store.count()).toBe(0);
  });

  it('answers 413 from Content-Length alone, before reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(64 * 1024 + 1) },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await collector()(request);
    expect(response.status).toBe(413);
    expect(await json(response)).toEqual({
      error: 'payload_too_large',
      message: 'The body must be at most 65536 bytes.',
    });
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pre-pull one chunk; nothing was read
    expect(await store.count()).toBe(0);
  });

  it('answers 413 to a streamed body without Content-Length once it passes 64 KiB', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 1024 * 1024) return controller.close();
        sent += 8192;
        controller.enqueue(new TextEncoder().encode(' '.repeat(8192)));
      },
    });
    const request = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await collector()(request);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(128 * 1024); // it stopped reading soon after the limit
    expect(await store.count()).toBe(0);
  });

  it('accepts a body of exactly 64 KiB', async () => {
    const text = JSON.stringify(submission([npsResponse()]));
    const padded = text + ' '.repeat(64 * 1024 - Buffer.byteLength(text));
    const response = await collector()(post(padded));
    expect(response.status).toBe(202);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=iso-8859-1',
    '',
  ])('answers 415 to Content-Type %j and stores nothing', async (type) => {
    const response = await collector()(post(submission(), { 'content-type': type }));
    expect(response.status).toBe(415);
    expect(await json(response)).toEqual({
      error: 'unsupported_media_type',
      message: 'The body must be sent as Content-Type: application/json (UTF-8).',
    });
    expect(await store.count()).toBe(0);
  });

  it('accepts application/json with a UTF-8 charset in any case', async () => {
    const response = await collector()(
      post(submission(), { 'content-type': 'Application/JSON; Charset="UTF-8"' }),
    );
    expect(response.status).toBe(202);
  });

  it('answers 429 with Retry-After once a client exceeds its rate, storing nothing', async () => {
    const handler = collector({
      rateLimiter: tokenBucketLimiter({ capacity: 1, refillPerSecond: 0.25 }),
    });
    const context = { clientAddress: '203.0.113.9' };
    expect((await handler(post(submission()), context)).status).toBe(202);
    const limited = await handler(post(submission()), context);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(await json(limited)).toEqual({
      error: 'rate_limited',
      message: 'Too many submissions; retry later.',
    });
    expect((await handler(post(submission()), { clientAddress: '198.51.100.1' })).status).toBe(202);
    expect(await store.count()).toBe(2);
  });

  it('warns once, with the fix, when a rate limit gets requests without a client address', async () => {
    const warnings: string[] = [];
    const handler = collector({
      rateLimiter: tokenBucketLimiter({ capacity: 10, refillPerSecond: 0.001 }),
      onWarning: (line) => warnings.push(line),
    });
    expect((await handler(post(submission()))).status).toBe(202);
    expect((await handler(post(submission()))).status).toBe(202);
    expect(warnings).toEqual([
      'hark collector: a request came without a client address, so every such request shares one ' +
        'rate-limit bucket; pass it as the second argument: collector(request, { clientAddress }).',
    ]);
    expect(await store.count()).toBe(2);
  });

  it('does not warn when every request carries a client address, or without a rate limit', async () => {
    const warnings: string[] = [];
    const limited = collector({
      rateLimiter: tokenBucketLimiter({ capacity: 10, refillPerSecond: 0.001 }),
      onWarning: (line) => warnings.push(line),
    });
    expect((await limited(post(submission()), { clientAddress: '203.0.113.9' })).status).toBe(202);
    expect((await limited(post(submission()), { clientAddress: '203.0.113.10' })).status).toBe(202);
    const unlimited = collector({ onWarning: (line) => warnings.push(line) });
    expect((await unlimited(post(submission()))).status).toBe(202);
    expect(warnings).toEqual([]);
  });

  it('answers 503 with Retry-After when storage fails, so the client keeps the answers', async () => {
    const db = new Database(path);
    db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON hark_responses BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    db.close();
    const errors: unknown[] = [];
    const response = await collector({ onError: (e) => errors.push(e) })(post(submission()));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await json(response)).toEqual({
      error: 'storage_unavailable',
      message: 'The answers could not be stored; retry later.',
    });
    expect(String(errors[0])).toBe('StorageError: SQLite could not insert: disk full');
    expect(await store.count()).toBe(0);
  });

  it('answers 405 to other methods and 404 elsewhere', async () => {
    const get = await collector()(new Request(ENDPOINT));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    const elsewhere = await collector()(
      new Request('http://collector.test/v2/responses', { method: 'POST' }),
    );
    expect(elsewhere.status).toBe(404);
  });

  it('serves under a base path', async () => {
    const handler = collector({ basePath: '/hark/' });
    const request = new Request('http://collector.test/hark/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission()),
    });
    expect((await handler(request)).status).toBe(202);
    expect((await handler(post(submission()))).status).toBe(404);
  });
});

describe('CORS', () => {
  const SHOP = 'https://shop.example';

  it('lets an allowed origin submit and read the answer', async () => {
    const response = await collector({ allowedOrigins: [`${SHOP}/`] })(
      post(submission(), { origin: SHOP }),
    );
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('lets the collector’s own origin submit once allowedHosts names its host, and not without', async () => {
    const own = { origin: 'http://collector.test' };
    const named = collector({ allowedHosts: ['collector.test'] });
    expect((await named(post(submission(), own))).status).toBe(202);
    expect(await store.count()).toBe(1);
    // Without allowedHosts the Host is the client's word: a rebound name would be its own origin.
    const unnamed = await collector()(
      post(submission([npsResponse({ surveyId: 'unnamed-host' })]), own),
    );
    expect(unnamed.status).toBe(403);
    expect(await json(unnamed)).toEqual({
      error: 'origin_not_allowed',
      message: 'The origin http://collector.test may not submit to this collector.',
    });
    expect(await store.count('unnamed-host')).toBe(0);
    // Listed explicitly, it may.
    const listed = collector({ allowedOrigins: ['http://collector.test'] });
    expect((await listed(post(submission(), own))).status).toBe(202);
  });

  it('refuses another origin with 403 and stores nothing', async () => {
    const response = await collector({ allowedOrigins: [SHOP] })(
      post(submission(), { origin: 'https://evil.example' }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await json(response)).toEqual({
      error: 'origin_not_allowed',
      message: 'The origin https://evil.example may not submit to this collector.',
    });
    expect(await store.count()).toBe(0);
  });

  it('answers an allowed preflight with 204 and the allowed method and headers', async () => {
    const response = await collector({ allowedOrigins: [SHOP], allowedHeaders: ['X-Hark-Site'] })(
      new Request(ENDPOINT, {
        method: 'OPTIONS',
        headers: {
          origin: SHOP,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-hark-site',
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': SHOP,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, x-hark-site',
      'access-control-max-age': '86400',
    });
  });

  it('refuses a preflight for another origin, method or header', async () => {
    const handler = collector({ allowedOrigins: [SHOP] });
    const preflight = (origin: string, method: string, headers = 'content-type') =>
      handler(
        new Request(ENDPOINT, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': method,
            'access-control-request-headers': headers,
          },
        }),
      );
    expect((await preflight('https://evil.example', 'POST')).status).toBe(403);
    expect((await preflight(SHOP, 'DELETE')).status).toBe(403);
    expect((await preflight(SHOP, 'POST', 'content-type, authorization')).status).toBe(403);
  });

  it('rejects a malformed allowed origin when created', () => {
    expect(() => collector({ allowedOrigins: ['shop.example'] })).toThrow(
      new TypeError(
        'allowed origin "shop.example" is not a URL origin like "https://shop.example"',
      ),
    );
    expect(() => collector({ allowedOrigins: ['https://shop.example/path'] })).toThrow(
      new TypeError(
        'allowed origin "https://shop.example/path" must be an http(s) origin without a path',
      ),
    );
  });
});

describe('GET /results', () => {
  const RESULTS = 'http://collector.test/results';

  async function seed(): Promise<void> {
    // NPS fixture: 10,10,10,9,9 promoters; 8,8,7 passives; 6,3 detractors → n=10, NPS=30.
    const scores = [10, 10, 10, 9, 9, 8, 8, 7, 6, 3];
    const responses = scores.map((score, i) =>
      npsResponse({
        surveyId: 'fixture',
        score,
        locale: i < 5 ? 'en' : 'fr',
        answeredAt: `2026-11-0${1 + (i % 2)}T10:00:00Z`,
      }),
    );
    await store.insert(responses, new Date(NOW));
  }

  it('computes NPS with its margin of error, overall and by day, locale and variant', async () => {
    await seed();
    const response = await collector({ adminToken: ADMIN_TOKEN })(
      asAdmin(`${RESULTS}?surveyId=fixture`),
    );
    expect(response.status).toBe(200);
    const body = (await json(response)) as { kinds: Array<Record<string, unknown>> };
    expect(body).toMatchObject({ surveyId: 'fixture', from: null, to: null });
    expect(body.kinds).toHaveLength(1);
    const nps = body.kinds[0]!;
    // margin = 1.96 × 100 × sqrt((0.5 + 0.2 − 0.3²) / 10) = 48.408…
    expect(nps.overall).toEqual({
      kind: 'nps',
      count: 10,
      score: 30,
      marginOfError: 48.41,
      promoters: 5,
      passives: 3,
      detractors: 2,
    });
    // en: 10,10,10,9,9 → NPS 100, margin 0; fr: 8,8,7,6,3 → NPS −40
    expect(nps.byLocale).toEqual([
      expect.objectContaining({ key: 'en', count: 5, score: 100, marginOfError: 0 }),
      expect.objectContaining({ key: 'fr', count: 5, score: -40 }),
    ]);
    expect((nps.byDay as Array<{ key: string }>).map((g) => g.key)).toEqual([
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(nps.byVariant).toEqual([expect.objectContaining({ key: 'b', count: 10 })]);
  });

  it('filters by answeredAt between from and to', async () => {
    await seed();
    const url = `${RESULTS}?surveyId=fixture&from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z`;
    const body = (await json(await collector({ adminToken: ADMIN_TOKEN })(asAdmin(url)))) as {
      kinds: Array<{ overall: { count: number } }>;
    };
    expect(body.kinds[0]?.overall.count).toBe(5);
  });

  it('answers 400 to a missing survey id or a bad date', async () => {
    const response = await collector({ adminToken: ADMIN_TOKEN })(
      asAdmin(`${RESULTS}?from=last-week`),
    );
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: 'invalid_query',
      message: 'The query is invalid.',
      issues: [
        { path: '/query/surveyId', code: 'required', message: 'is required' },
        {
          path: '/query/from',
          code: 'invalid_format',
          message: 'must be an RFC 3339 date-time with an offset, like "2026-11-25T00:00:00Z"',
        },
      ],
    });
  });

  it('requires the admin token when one is configured', async () => {
    await seed();
    const handler = collector({ adminToken: 'correct-horse-battery-staple' });
    const anonymous = await handler(new Request(`${RESULTS}?surveyId=fixture`));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="hark"');
    const wrong = await handler(
      new Request(`${RESULTS}?surveyId=fixture`, { headers: { authorization: 'Bearer nope' } }),
    );
    expect(wrong.status).toBe(401);
    const right = await handler(
      new Request(`${RESULTS}?surveyId=fixture`, {
        headers: { authorization: 'Bearer correct-horse-battery-staple' },
      }),
    );
    expect(right.status).toBe(200);
  });

  it('is absent when read access is off', async () => {
    const response = await collector({ readAccess: 'off', adminToken: ADMIN_TOKEN })(
      asAdmin(`${RESULTS}?surveyId=fixture`),
    );
    expect(response.status).toBe(404);
  });
});

describe('DELETE /responses/{id} and /visitors/{visitorId}', () => {
  const BASE = 'http://collector.test';
  const TOKEN = 'correct-horse-battery-staple';
  const del = (path: string, token?: string) =>
    new Request(`${BASE}${path}`, {
      method: 'DELETE',
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  it('erases one answer; its re-send is acknowledged as erased and not stored', async () => {
    const handler = collector({ adminToken: TOKEN });
    const batch = submission([npsResponse(), npsResponse()]);
    await handler(post(batch));
    const [gone, kept] = batch.responses as [HarkResponse, HarkResponse];
    const response = await handler(del(`/responses/${gone.id}`, TOKEN));
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ erased: 1 });
    expect(await store.get(gone.id)).toBeUndefined();
    expect(await store.get(kept.id)).toBeDefined();
    const again = await handler(post(submission([gone])));
    expect(again.status).toBe(202);
    expect(await json(again)).toEqual({
      accepted: [gone.id],
      stored: 0,
      duplicates: [],
      erased: [gone.id],
    });
    expect(await store.count()).toBe(1);
  });

  it('erases every answer of a visitor', async () => {
    const handler = collector({ adminToken: TOKEN });
    const mine = [
      npsResponse({ visitorId: 'visitor-42' }),
      npsResponse({ visitorId: 'visitor-42' }),
    ];
    await handler(post(submission([...mine, npsResponse({ visitorId: 'visitor-7' })])));
    const response = await handler(del('/visitors/visitor-42', TOKEN));
    expect(await json(response)).toEqual({ erased: 2 });
    expect(await store.count()).toBe(1);
  });

  it('requires the admin token, refuses bad ids and other methods, and changes nothing then', async () => {
    const handler = collector({ adminToken: TOKEN });
    const answer = npsResponse({ visitorId: 'visitor-1' });
    await handler(post(submission([answer])));
    const anonymous = await handler(del(`/responses/${answer.id}`));
    expect(anonymous.status).toBe(401);
    const wrong = await handler(del('/visitors/visitor-1', 'not-the-token'));
    expect(wrong.status).toBe(401);
    const badId = await handler(del('/responses/not-a-uuid', TOKEN));
    expect(badId.status).toBe(400);
    expect(await json(badId)).toEqual({
      error: 'invalid_id',
      message: 'Not a response id (a UUID): "not-a-uuid"',
    });
    const badVisitor = await handler(del(`/visitors/${'x'.repeat(65)}`, TOKEN));
    expect(badVisitor.status).toBe(400);
    const get = await handler(
      new Request(`${BASE}/visitors/visitor-1`, { headers: { authorization: `Bearer ${TOKEN}` } }),
    );
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('DELETE');
    expect(await store.count()).toBe(1);
    expect(await store.get(answer.id)).toBeDefined();
  });

  it('is absent when read access is off', async () => {
    const answer = npsResponse();
    await collector()(post(submission([answer])));
    const response = await collector({ readAccess: 'off', adminToken: TOKEN })(
      del(`/responses/${answer.id}`, TOKEN),
    );
    expect(response.status).toBe(404);
    expect(await store.count()).toBe(1);
  });
});

describe('GET /export', () => {
  const EXPORT = 'http://collector.test/export';
  const TOKEN = 'correct-horse-battery-staple';
  const get = (query: string, token: string | null = TOKEN) =>
    new Request(`${EXPORT}?${query}`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });

  it('streams every answer of the survey as CSV, formulas neutralised, and as NDJSON', async () => {
    const handler = collector({ adminToken: TOKEN });
    const answers = [
      npsResponse({
        surveyId: 'exp',
        comment: '=cmd|"/c calc"!A1',
        answeredAt: '2026-11-01T00:00:00.000Z',
      }),
      npsResponse({
        surveyId: 'exp',
        comment: 'Line one\nline two',
        answeredAt: '2026-11-02T00:00:00.000Z',
      }),
    ];
    await handler(post(submission([...answers, npsResponse({ surveyId: 'other' })])));
    const csv = await handler(get('surveyId=exp&format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="exp.csv"');
    const text = await csv.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^id,surveyId,kind,score,comment,/);
    expect(lines[1]).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(text).toContain('"Line one\nline two"');
    expect(lines.at(-1)).toBe('');
    const ndjson = await handler(get('surveyId=exp&format=ndjson'));
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const rows = (await ndjson.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toEqual(answers.map((a) => ({ ...a, receivedAt: new Date(NOW).toISOString() })));
  });

  it('an empty survey is a header alone, or nothing', async () => {
    const handler = collector({ adminToken: TOKEN });
    expect(await (await handler(get('surveyId=none'))).text()).toBe(
      'id,surveyId,kind,score,comment,locale,pageUrl,answeredAt,variant,visitorId,metadata,sdkName,sdkVersion,receivedAt\r\n',
    );
    expect(await (await handler(get('surveyId=none&format=ndjson'))).text()).toBe('');
  });

  it('requires the admin token, and refuses a bad query with every issue', async () => {
    const handler = collector({ adminToken: TOKEN });
    expect((await handler(get('surveyId=exp', null))).status).toBe(401);
    const bad = await handler(get('format=xlsx&from=yesterday'));
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({
      error: 'invalid_query',
      message: 'The query is invalid.',
      issues: [
        { path: '/query/format', code: 'invalid_value', message: 'must be "csv" or "ndjson"' },
        { path: '/query/surveyId', code: 'required', message: 'is required' },
        {
          path: '/query/from',
          code: 'invalid_format',
          message: 'must be an RFC 3339 date-time with an offset, like "2026-11-25T00:00:00Z"',
        },
      ],
    });
  });

  it('answers 503 when the store cannot be read, before sending anything', async () => {
    const handler = collector({ adminToken: TOKEN });
    await store.close();
    const response = await handler(get('surveyId=exp'));
    expect(response.status).toBe(503);
    store = openSqliteStore({ path });
  });
});

describe('GET /themes', () => {
  it('finds the themes of the survey’s comments by score band, behind the admin token', async () => {
    const token = 'correct-horse-battery-staple';
    const handler = collector({ adminToken: token });
    await handler(
      post(
        submission([
          npsResponse({ surveyId: 'th', score: 2, comment: 'Checkout page crashed' }),
          npsResponse({ surveyId: 'th', score: 3, comment: 'The checkout page is slow' }),
          npsResponse({ surveyId: 'other', score: 3, comment: 'Checkout page' }),
        ]),
      ),
    );
    const url = 'http://collector.test/themes?surveyId=th';
    expect((await handler(new Request(url))).status).toBe(401);
    const response = await handler(
      new Request(url, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      surveyId: 'th',
      from: null,
      to: null,
      themes: [
        {
          kind: 'nps',
          band: 'detractor',
          comments: 2,
          words: [
            { text: 'checkout', count: 2 },
            { text: 'page', count: 2 },
          ],
          phrases: [{ text: 'checkout page', count: 2 }],
        },
      ],
    });
  });
});

describe('POST /session (dashboard sign-in)', () => {
  const TOKEN = 'correct-horse-battery-staple';
  const sign = (token: unknown, url = 'http://collector.test/session') =>
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });

  it('trades the admin token for an HttpOnly SameSite=Strict cookie that reads, and signs out', async () => {
    const handler = collector({ adminToken: TOKEN });
    const signedIn = await handler(sign(TOKEN));
    expect(signedIn.status).toBe(204);
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^hark_session=[A-Za-z0-9_-]{43}; Max-Age=43200; HttpOnly; SameSite=Strict; Path=\/$/,
    );
    const session = cookie.split(';')[0] as string;
    const results = 'http://collector.test/results?surveyId=s';
    expect((await handler(new Request(results, { headers: { cookie: session } }))).status).toBe(
      200,
    );
    expect(
      (await handler(new Request(results, { headers: { cookie: 'hark_session=forged' } }))).status,
    ).toBe(401);
    const out = await handler(
      new Request('http://collector.test/session', {
        method: 'DELETE',
        headers: { cookie: session },
      }),
    );
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBe(
      'hark_session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/',
    );
    expect((await handler(new Request(results, { headers: { cookie: session } }))).status).toBe(
      401,
    );
  });

  it('adds Secure over https, refuses a wrong token, and limits attempts', async () => {
    const handler = collector({
      adminToken: TOKEN,
      rateLimiter: tokenBucketLimiter({ capacity: 2, refillPerSecond: 0.001 }),
    });
    const secure = await handler(sign(TOKEN, 'https://collector.test/session'));
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
    const wrong = await handler(sign('guess'));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const limited = await handler(sign(TOKEN));
    expect(limited.status).toBe(429);
    expect(await json(limited)).toEqual({
      error: 'rate_limited',
      message: 'Too many sign-in attempts; retry later.',
    });
  });
});

describe('GET /comments', () => {
  const COMMENTS = 'http://collector.test/comments';
  async function seed(handler: ReturnType<typeof collector>) {
    const at = (day: number, score: number, comment?: string) =>
      npsResponse({
        surveyId: 'cm',
        score,
        answeredAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
        ...(comment === undefined ? { comment: undefined } : { comment }),
      });
    const answers = [
      at(1, 2, 'Checkout crashed'),
      at(2, 9, 'Great checkout'),
      at(3, 7, 'Fine'),
      at(4, 3, 'Slow CHECKOUT page'),
      at(5, 10),
    ];
    await handler(post(submission(answers.map((a) => JSON.parse(JSON.stringify(a))))));
    return answers;
  }

  it('lists the latest comments, newest first, by band and text, up to a limit', async () => {
    const handler = collector({ adminToken: ADMIN_TOKEN });
    const answers = await seed(handler);
    const list = async (query: string) =>
      (
        (await json(await handler(asAdmin(`${COMMENTS}?surveyId=cm${query}`)))) as {
          comments: { id: string; comment: string; band: string }[];
        }
      ).comments;
    expect((await list('')).map((c) => c.comment)).toEqual([
      'Slow CHECKOUT page',
      'Fine',
      'Great checkout',
      'Checkout crashed',
    ]);
    expect((await list('&band=detractor')).map((c) => c.id)).toEqual([
      answers[3]?.id,
      answers[0]?.id,
    ]);
    expect((await list('&q=checkout')).map((c) => c.comment)).toEqual([
      'Slow CHECKOUT page',
      'Great checkout',
      'Checkout crashed',
    ]);
    expect(await list('&q=checkout&band=promoter&limit=1')).toEqual([
      {
        id: answers[1]?.id,
        kind: 'nps',
        score: 9,
        band: 'promoter',
        comment: 'Great checkout',
        locale: 'en-GB',
        answeredAt: '2026-11-02T10:00:00.000Z',
        variant: 'b',
      },
    ]);
  });

  it('refuses a bad band and limit with every issue', async () => {
    const response = await collector({ adminToken: ADMIN_TOKEN })(
      asAdmin(`${COMMENTS}?surveyId=cm&band=angry&limit=500`),
    );
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: 'invalid_query',
      message: 'The query is invalid.',
      issues: [
        {
          path: '/query/band',
          code: 'invalid_value',
          message: 'must be "detractor", "passive" or "promoter"',
        },
        {
          path: '/query/limit',
          code: 'out_of_range',
          message: 'must be a whole number from 1 to 200',
        },
      ],
    });
  });
});

describe('allowed hosts (DNS rebinding)', () => {
  const REBOUND = 'http://rebind.attacker.example:8787';
  const MISDIRECTED = {
    error: 'misdirected_request',
    message:
      'This collector does not answer for the host "rebind.attacker.example:8787"; if that name is its own, add it to allowedHosts (hark-collector --public-url).',
  };

  it('answers 421 to a name it does not answer for, before reading or erasing anything', async () => {
    const handler = collector({
      allowedHosts: ['hark.example', 'localhost:8787'],
      readAccess: 'loopback-without-token',
    });
    const answer = npsResponse({ surveyId: 'x', visitorId: 'visitor-rebound' });
    await store.insert([answer], new Date(NOW));
    const origin = { origin: REBOUND };
    const exported = await handler(
      new Request(`${REBOUND}/export?surveyId=x&format=ndjson`, { headers: origin }),
    );
    expect(exported.status).toBe(421);
    expect(await json(exported)).toEqual(MISDIRECTED);
    const erased = await handler(
      new Request(`${REBOUND}/visitors/visitor-rebound`, { method: 'DELETE', headers: origin }),
    );
    expect(erased.status).toBe(421);
    expect(await json(erased)).toEqual(MISDIRECTED);
    expect(await store.get(answer.id)).toBeDefined();
    // Its own origin is not same-origin under a name it does not answer for.
    const submitted = await handler(
      new Request(`${REBOUND}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...origin },
        body: JSON.stringify(submission([npsResponse({ surveyId: 'rebound' })])),
      }),
    );
    expect(submitted.status).toBe(421);
    expect(await store.count('rebound')).toBe(0);
  });

  it('matches a bare name on any port, name:port on that port only, and any IP address', async () => {
    const handler = collector({
      allowedHosts: ['Hark.Example', 'localhost:8787', 'https://public.example/hark'],
      readAccess: 'loopback-without-token',
    });
    const status = async (base: string) =>
      (await handler(new Request(`${base}/results?surveyId=s`), { clientAddress: '127.0.0.1' }))
        .status;
    expect(await status('http://hark.example')).toBe(403); // answered (no token), not misdirected
    expect(await status('http://hark.example:9000')).toBe(403);
    expect(await status('http://public.example:8443')).toBe(403);
    expect(await status('http://localhost:8787')).toBe(200);
    expect(await status('http://localhost:9999')).toBe(421);
    expect(await status('http://127.0.0.1:9999')).toBe(200);
    expect(await status('http://[::1]:1234')).toBe(200);
    expect(await status('http://203.0.113.5:8787')).toBe(403);
    expect(await status('http://hark.example.attacker.example')).toBe(421);
  });

  it('judges same-origin only against a host it answers for', async () => {
    const handler = collector({ allowedHosts: ['hark.example'] });
    const response = await handler(
      new Request('http://hark.example/v1/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://hark.example' },
        body: JSON.stringify(submission()),
      }),
    );
    expect(response.status).toBe(202);
  });

  it('without allowedHosts, a rebound name is not same-origin with itself and submits nothing', async () => {
    const handler = collector();
    const response = await handler(
      new Request(`${REBOUND}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: REBOUND },
        body: JSON.stringify(submission([npsResponse({ surveyId: 'rebound' })])),
      }),
    );
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({
      error: 'origin_not_allowed',
      message: `The origin ${REBOUND} may not submit to this collector.`,
    });
    expect(await store.count('rebound')).toBe(0);
  });

  it('without allowedHosts answers any host, but a rebound name never reads without a token', async () => {
    const handler = collector({ readAccess: 'loopback-without-token' });
    await store.insert([npsResponse({ surveyId: 'x' })], new Date(NOW));
    const response = await handler(
      new Request(`${REBOUND}/export?surveyId=x&format=ndjson`, { headers: { origin: REBOUND } }),
    );
    expect(response.status).toBe(403);
    expect((await json(response)) as { error: string }).toMatchObject({
      error: 'admin_token_not_configured',
    });
  });

  it('refuses an entry that is not a host when created', () => {
    expect(() => collector({ allowedHosts: ['hark.example/path'] })).toThrow(
      new TypeError(
        'allowed host "hark.example/path" is not a host like "hark.example", "hark.example:8443" or "https://hark.example"',
      ),
    );
    expect(() => collector({ allowedHosts: ['user@hark.example'] })).toThrow(TypeError);
  });
});

describe('reading and erasing without an admin token', () => {
  const LOCKED = {
    error: 'admin_token_not_configured',
    message:
      'This collector has no admin token, so nobody may read or erase its answers; configure one (adminToken, or hark-collector --admin-token).',
  };
  const LOOPBACK_ONLY = {
    error: 'admin_token_not_configured',
    message:
      'Without an admin token, answers are read and erased only on this machine, through localhost, 127.0.0.1 or [::1]; configure an admin token to reach them from elsewhere.',
  };
  const NO_PEER = {
    error: 'admin_token_not_configured',
    message:
      'Without an admin token, answers are read and erased only by requests from this machine, and this request came without a client address: the server adapter must pass it (handler(request, { clientAddress })) for loopback read access; or configure an admin token.',
  };
  const requests = (base: string, answerId: string) => [
    new Request(`${base}/results?surveyId=s`),
    new Request(`${base}/export?surveyId=s`),
    new Request(`${base}/themes?surveyId=s`),
    new Request(`${base}/comments?surveyId=s`),
    new Request(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'anything-at-all-here' }),
    }),
    new Request(`${base}/responses/${answerId}`, { method: 'DELETE' }),
    new Request(`${base}/visitors/visitor-kept`, { method: 'DELETE' }),
  ];

  it('refuses every read and erasure with 403 by default, and erases nothing', async () => {
    const handler = collector();
    const answer = npsResponse({ surveyId: 's', visitorId: 'visitor-kept' });
    await handler(post(submission([answer])));
    for (const request of requests('http://localhost', answer.id)) {
      const response = await handler(request, { clientAddress: '127.0.0.1' });
      expect([request.method, new URL(request.url).pathname, response.status]).toEqual([
        request.method,
        new URL(request.url).pathname,
        403,
      ]);
      expect(await json(response)).toEqual(LOCKED);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(await store.get(answer.id)).toBeDefined();
  });

  it("with readAccess 'loopback-without-token', serves loopback names from loopback peers only", async () => {
    const handler = collector({ readAccess: 'loopback-without-token' });
    const answer = npsResponse({ surveyId: 's', visitorId: 'visitor-kept' });
    await handler(post(submission([answer])));
    const read = (base: string, clientAddress?: string) =>
      handler(
        new Request(`${base}/results?surveyId=s`),
        clientAddress === undefined ? {} : { clientAddress },
      );
    expect((await read('http://localhost:8787', '127.0.0.1')).status).toBe(200);
    expect((await read('http://127.0.0.53:8787', '::ffff:127.0.0.1')).status).toBe(200);
    expect((await read('http://[::1]:8787', '::1')).status).toBe(200);
    // A forged Host from another machine (a collector listening on every interface):
    const forged = await read('http://localhost:8787', '203.0.113.9');
    expect(forged.status).toBe(403);
    expect(await json(forged)).toEqual(LOOPBACK_ONLY);
    for (const request of requests('http://hark.example', answer.id)) {
      const response = await handler(request, { clientAddress: '127.0.0.1' });
      expect(response.status).toBe(403);
      expect(await json(response)).toEqual(LOOPBACK_ONLY);
    }
    expect(await store.get(answer.id)).toBeDefined();
    const erased = await handler(
      new Request('http://localhost/visitors/visitor-kept', { method: 'DELETE' }),
      { clientAddress: '127.0.0.1' },
    );
    expect(await json(erased)).toEqual({ erased: 1 });
  });

  it("with readAccess 'loopback-without-token', fails closed when the adapter passes no client address", async () => {
    const handler = collector({ readAccess: 'loopback-without-token' });
    const answer = npsResponse({ surveyId: 's', visitorId: 'visitor-kept' });
    await handler(post(submission([answer])));
    // A fetch runtime (Bun, Deno, Hono) calling the handler without a context: the Host is the
    // client's word, so `curl -H 'Host: localhost:8787' http://<public address>/…` must not read.
    for (const request of requests('http://localhost:8787', answer.id)) {
      const response = await handler(request);
      expect([new URL(request.url).pathname, response.status]).toEqual([
        new URL(request.url).pathname,
        403,
      ]);
      expect(await json(response)).toEqual(NO_PEER);
    }
    expect(await store.get(answer.id)).toBeDefined();
  });

  it.each([
    ['Forwarded', 'for=203.0.113.9'],
    ['X-Forwarded-For', '203.0.113.9'],
    ['X-Forwarded-Host', 'hark.example'],
    ['X-Real-IP', '203.0.113.9'],
    ['Via', '1.1 nginx'],
  ])(
    "with readAccess 'loopback-without-token', refuses a request a proxy forwarded (%s)",
    async (name, value) => {
      const handler = collector({ readAccess: 'loopback-without-token' });
      const answer = npsResponse({ surveyId: 's', visitorId: 'visitor-kept' });
      await handler(post(submission([answer])));
      // What nginx's default `proxy_pass http://127.0.0.1:8787` looks like: a loopback Host from a
      // loopback peer, with the visitor's address in a header.
      const message = `Without an admin token, answers are read and erased only by requests made on this machine directly, and this one came through a proxy (it carries ${name}); configure an admin token to reach them through a proxy.`;
      for (const request of requests('http://127.0.0.1:8787', answer.id)) {
        request.headers.set(name, value);
        const response = await handler(request, { clientAddress: '127.0.0.1' });
        expect([new URL(request.url).pathname, response.status]).toEqual([
          new URL(request.url).pathname,
          403,
        ]);
        expect(await json(response)).toEqual({ error: 'admin_token_not_configured', message });
      }
      expect(await store.get(answer.id)).toBeDefined();
    },
  );

  it('with an admin token, the loopback exception does not apply', async () => {
    const handler = collector({ readAccess: 'loopback-without-token', adminToken: ADMIN_TOKEN });
    const response = await handler(new Request('http://localhost/results?surveyId=s'), {
      clientAddress: '127.0.0.1',
    });
    expect(response.status).toBe(401);
  });

  it('refuses an empty admin token and an unknown readAccess when created', () => {
    expect(() => collector({ adminToken: '' })).toThrow(
      new TypeError(
        'adminToken is empty (an environment variable set to nothing?): leave it out, or give at least 16 characters',
      ),
    );
    expect(() => collector({ adminToken: 'short' })).toThrow(
      new TypeError('adminToken must be at least 16 characters long'),
    );
    expect(() => collector({ readAccess: 'open' as never })).toThrow(
      new TypeError('readAccess must be "token", "loopback-without-token" or "off", not "open"'),
    );
  });
});

describe('credential throttle', () => {
  const RESULTS = 'http://collector.test/results?surveyId=s';
  let clock = NOW;
  const guarded = (options: Partial<CollectorOptions> = {}) =>
    collector({ adminToken: ADMIN_TOKEN, now: () => clock, ...options });
  const read = (handler: ReturnType<typeof guarded>, token: string, clientAddress: string) =>
    handler(new Request(RESULTS, { headers: { authorization: `Bearer ${token}` } }), {
      clientAddress,
    });
  beforeEach(() => {
    clock = NOW;
  });

  it('answers 429 with Retry-After after 10 wrong tokens from an address, the right one included', async () => {
    const handler = guarded();
    for (let i = 0; i < 10; i++) {
      expect((await read(handler, `guess-${i}`, '203.0.113.9')).status).toBe(401);
    }
    const limited = await read(handler, 'guess-10', '203.0.113.9');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await json(limited)).toEqual({
      error: 'too_many_failed_credentials',
      message: 'Too many wrong admin tokens from this address; retry in 60 s.',
    });
    // The right token is not even checked during the lockout: its answer would give it away.
    expect((await read(handler, ADMIN_TOKEN, '203.0.113.9')).status).toBe(429);
    // Another address is not locked out.
    expect((await read(handler, 'guess', '198.51.100.1')).status).toBe(401);
    expect((await read(handler, ADMIN_TOKEN, '198.51.100.1')).status).toBe(200);
    clock += 30_000;
    expect((await read(handler, ADMIN_TOKEN, '203.0.113.9')).headers.get('retry-after')).toBe('30');
    clock += 30_000;
    expect((await read(handler, ADMIN_TOKEN, '203.0.113.9')).status).toBe(200);
  });

  it('doubles the lockout each time, and a right token clears an address’s count', async () => {
    const handler = guarded();
    const fail = async (times: number) => {
      for (let i = 0; i < times; i++) await read(handler, 'wrong-token', '203.0.113.9');
    };
    await fail(9);
    expect((await read(handler, ADMIN_TOKEN, '203.0.113.9')).status).toBe(200);
    await fail(9);
    expect((await read(handler, 'wrong-token', '203.0.113.9')).status).toBe(401); // 10th since
    expect((await read(handler, 'wrong-token', '203.0.113.9')).status).toBe(429);
    clock += 60_000;
    await fail(10);
    const second = await read(handler, 'wrong-token', '203.0.113.9');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('120');
  });

  it('counts an IPv6 /64 as one client', async () => {
    const handler = guarded();
    for (let i = 1; i <= 10; i++) await read(handler, 'wrong-token', `2001:db8:0:7::${i}`);
    expect((await read(handler, ADMIN_TOKEN, '2001:db8::7:ffff:1:2:3')).status).toBe(429);
    expect((await read(handler, ADMIN_TOKEN, '2001:db8:0:8::1')).status).toBe(200);
  });

  it('keeps an address’s escalation when it then sends the right token', async () => {
    const handler = guarded();
    for (let i = 0; i < 10; i++) await read(handler, 'wrong-token', '203.0.113.9');
    expect((await read(handler, 'wrong-token', '203.0.113.9')).headers.get('retry-after')).toBe(
      '60',
    );
    clock += 60_000;
    // A guesser who also holds a right token (or the owner after typos) resets the count only.
    expect((await read(handler, ADMIN_TOKEN, '203.0.113.9')).status).toBe(200);
    for (let i = 0; i < 9; i++) {
      expect((await read(handler, 'wrong-token', '203.0.113.9')).status).toBe(401);
    }
    expect((await read(handler, 'wrong-token', '203.0.113.9')).status).toBe(401); // the 10th
    const second = await read(handler, ADMIN_TOKEN, '203.0.113.9');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('120');
  });

  it('during an overall lockout still checks tokens from clean addresses, five a minute', async () => {
    const handler = guarded({ credentialThrottle: { perAddress: 10, overall: 20 } });
    for (let i = 0; i < 20; i++) await read(handler, 'wrong-token', `198.51.100.${i}`);
    const overall = {
      error: 'too_many_failed_credentials',
      message: 'Too many wrong admin tokens sent to this collector; retry in 60 s.',
    };
    // An address that has been guessing is locked out with everyone, the right token included.
    const guesser = await read(handler, ADMIN_TOKEN, '198.51.100.3');
    expect(guesser.status).toBe(429);
    expect(await json(guesser)).toEqual(overall);
    // The owner, at an address with no failure on record, gets in.
    expect((await read(handler, ADMIN_TOKEN, '192.0.2.1')).status).toBe(200);
    // Guessing from fresh addresses is checked too, on the same small budget: one wrong guess
    // makes its address unclean, and after five clean checks in the minute, nobody's is checked.
    expect((await read(handler, 'wrong-token', '192.0.2.2')).status).toBe(401);
    expect((await read(handler, ADMIN_TOKEN, '192.0.2.2')).status).toBe(429);
    expect((await read(handler, 'wrong-token', '192.0.2.3')).status).toBe(401);
    expect((await read(handler, 'wrong-token', '192.0.2.4')).status).toBe(401);
    expect((await read(handler, ADMIN_TOKEN, '192.0.2.1')).status).toBe(200); // the 5th
    const spent = await read(handler, ADMIN_TOKEN, '192.0.2.1');
    expect(spent.status).toBe(429);
    expect(await json(spent)).toEqual(overall);
    // The wrong guesses on the clean budget did not lengthen the lockout; a new minute, a new budget.
    clock += 30_000;
    expect((await read(handler, ADMIN_TOKEN, '192.0.2.9')).status).toBe(429);
    clock += 30_000;
    expect((await read(handler, ADMIN_TOKEN, '198.51.100.3')).status).toBe(200);
  });

  it('does not lengthen the overall lockout past five minutes', async () => {
    const handler = guarded({ credentialThrottle: { perAddress: 100, overall: 20 } });
    const lockouts: Array<string | null> = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 20; i++) await read(handler, 'wrong-token', `198.51.100.${i}`);
      const locked = await read(handler, ADMIN_TOKEN, '198.51.100.1');
      lockouts.push(locked.headers.get('retry-after'));
      clock += Number(locked.headers.get('retry-after')) * 1000;
    }
    expect(lockouts).toEqual(['60', '120', '240', '300', '300', '300']);
  });

  it('locks everyone out past the overall limit, except sessions already open', async () => {
    const handler = guarded({ credentialThrottle: { perAddress: 10, overall: 20 } });
    const signedIn = await handler(
      new Request('http://collector.test/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: ADMIN_TOKEN }),
      }),
      { clientAddress: '192.0.2.1' },
    );
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    for (let i = 0; i < 20; i++) {
      expect((await read(handler, 'wrong-token', `198.51.100.${i}`)).status).toBe(401);
    }
    const everyone = await read(handler, ADMIN_TOKEN, '198.51.100.7');
    expect(everyone.status).toBe(429);
    expect(await json(everyone)).toEqual({
      error: 'too_many_failed_credentials',
      message: 'Too many wrong admin tokens sent to this collector; retry in 60 s.',
    });
    const session = await handler(new Request(RESULTS, { headers: { cookie } }), {
      clientAddress: '192.0.2.1',
    });
    expect(session.status).toBe(200);
  });

  it('counts wrong sign-ins and erasures too, and not requests without a credential', async () => {
    const handler = guarded();
    const signIn = (token: unknown) =>
      handler(
        new Request('http://collector.test/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        }),
        { clientAddress: '203.0.113.9' },
      );
    for (let i = 0; i < 20; i++) {
      const anonymous = await handler(new Request(RESULTS), { clientAddress: '203.0.113.9' });
      expect(anonymous.status).toBe(401);
    }
    for (let i = 0; i < 5; i++) expect((await signIn(`guess-${i}`)).status).toBe(401);
    expect((await signIn(42)).status).toBe(401);
    for (let i = 0; i < 4; i++) {
      const erase = await handler(
        new Request('http://collector.test/visitors/visitor-1', {
          method: 'DELETE',
          headers: { authorization: 'Bearer wrong-token' },
        }),
        { clientAddress: '203.0.113.9' },
      );
      expect(erase.status).toBe(401);
    }
    const limited = await signIn(ADMIN_TOKEN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect((await read(handler, ADMIN_TOKEN, '203.0.113.9')).status).toBe(429);
  });

  it('accepts the Bearer scheme in any case (RFC 9110 §11.1)', async () => {
    const handler = guarded();
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
      const response = await handler(
        new Request(RESULTS, { headers: { authorization: `${scheme} ${ADMIN_TOKEN}` } }),
      );
      expect(response.status).toBe(200);
    }
    const basic = await handler(
      new Request(RESULTS, { headers: { authorization: `Basic ${ADMIN_TOKEN}` } }),
    );
    expect(basic.status).toBe(401);
  });

  it('refuses a throttle limit that is not a whole number >= 1 when created', () => {
    expect(() => guarded({ credentialThrottle: { perAddress: 0 } })).toThrow(
      new RangeError('credentialThrottle.perAddress must be a whole number >= 1, not 0'),
    );
    expect(() => guarded({ credentialThrottle: { cleanDuringLockout: 1.5 } })).toThrow(
      new RangeError('credentialThrottle.cleanDuringLockout must be a whole number >= 1, not 1.5'),
    );
  });
});
