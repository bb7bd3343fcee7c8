import type { Server } from 'node:http';
import { connect } from 'node:net';
import {
  type CollectorHandler,
  type CollectorOptions,
  createCollector,
  openSqliteStore,
  type ResponseStore,
  tokenBucketLimiter,
} from '@hark/collector';
import { toNodeListener } from '@hark/collector/node';
import express, { type Express, type Request as ExpressRequest } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStored, loopbackServers } from '../support/recipe-checks.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-e2e-express');
const TOKEN = 'express-test-admin-token';
const bearer = { authorization: `Bearer ${TOKEN}` };
let store: ResponseStore;
const servers = loopbackServers();

beforeAll(() => {
  store = openSqliteStore({ path: dir.file('express.db') });
});
afterAll(async () => {
  await servers.closeAll();
  await store.close();
});

function collector(options: Partial<CollectorOptions> = {}): CollectorHandler {
  return createCollector({ store, ...options });
}

/** Starts a real Express 5 app on loopback; resolves with its base URL. */
async function start(app: Express): Promise<string> {
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  return servers.track(server);
}

/** A GET sent as raw bytes, so that nothing in the target is resolved before the server; the answer as text. */
function rawGet(base: string, target: string): Promise<string> {
  const { hostname, port, host } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
      ),
    );
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

/** The collector with no body parser before it, as a baseline. */
async function bare(): Promise<string> {
  const app = express();
  app.use(toNodeListener(collector()));
  return start(app);
}

/** The common setup: express.json() for the whole app, the collector after it. */
async function afterJsonParser(): Promise<string> {
  const app = express();
  app.use(express.json());
  app.use(toNodeListener(collector()));
  return start(app);
}

let bareUrl: string;
let jsonUrl: string;
beforeAll(async () => {
  bareUrl = await bare();
  jsonUrl = await afterJsonParser();
});

describe('the collector mounted in Express 5', () => {
  it('stores an answer without a body parser', async () => {
    await expectStored(store, bareUrl, 'express-bare');
  });

  it('stores an answer after express.json() (which used to be 400 invalid_json)', async () => {
    await expectStored(store, jsonUrl, 'express-json');
  });

  it('stores an answer re-sent after express.json() once (a duplicate, still accepted)', async () => {
    const sent = answer({ surveyId: 'express-json-twice' });
    await postSubmission(jsonUrl, submissionOf(sent));
    const again = await postSubmission(jsonUrl, submissionOf(sent));
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({
      accepted: [sent.id],
      stored: 0,
      duplicates: [sent.id],
    });
    expect(await store.count('express-json-twice')).toBe(1);
  });

  it.each([
    ['express.text()', () => express.text({ type: 'application/json' })],
    ['express.raw()', () => express.raw({ type: 'application/json' })],
  ])('stores an answer after %s (req.body a string or a Buffer)', async (name, parser) => {
    const app = express();
    app.use(parser());
    app.use(toNodeListener(collector()));
    await expectStored(store, await start(app), `express-${name.replace(/\W/g, '')}`);
  });

  it('stores an answer after express.json() when the collector is wrapped in a fetch handler', async () => {
    const inner = collector();
    const app = express();
    app.use(express.json());
    // A plain function: the adapter builds a Request, with the parsed body as its body.
    app.use(toNodeListener((request, context) => inner(request, context)));
    await expectStored(store, await start(app), 'express-json-fetch');
  });

  it('answers an invalid submission after express.json() with the same 400 as without it', async () => {
    const bad = submissionOf(
      answer({ surveyId: 'express-invalid', score: 11 }),
      answer({ surveyId: 'express-invalid', locale: 'not a locale!' }),
    );
    const withoutParser = await postSubmission(bareUrl, bad);
    const withParser = await postSubmission(jsonUrl, bad);
    expect(withoutParser.status).toBe(400);
    expect(withParser.status).toBe(400);
    const expected = await withoutParser.json();
    expect(expected).toMatchObject({ error: 'invalid_submission' });
    expect((expected as { issues: unknown[] }).issues.length).toBeGreaterThan(1);
    expect(await withParser.json()).toEqual(expected);
    expect(await store.count('express-invalid')).toBe(0);
  });

  it('applies the 64 KiB limit to the parsed body, serialised again', async () => {
    // 80 KB: under express.json()'s 100 KB, over the collector's limit.
    const big = submissionOf(answer({ surveyId: 'express-big', comment: 'x'.repeat(1000) }));
    const body = { ...big, responses: Array.from({ length: 80 }, () => big.responses[0]) };
    const response = await postSubmission(jsonUrl, body);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: 'payload_too_large',
      message: 'The body must be at most 65536 bytes.',
    });
    expect(await store.count('express-big')).toBe(0);
  });

  it('answers 500 naming the body parser when the body was consumed and nothing is left in req.body', async () => {
    const app = express();
    // A middleware that reads the stream and keeps nothing (as a logger or a signature check may).
    app.use((req, _res, next) => {
      req.on('end', () => next());
      req.resume();
    });
    app.use(toNodeListener(collector()));
    const response = await postSubmission(
      await start(app),
      submissionOf(answer({ surveyId: 'express-eaten' })),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: 'body_already_read',
      message:
        'A body parser read the request body before the collector and left nothing usable in ' +
        'req.body (a parsed JSON value, a string or a Buffer). Mount the collector before that ' +
        'parser, or let the parser keep what it read in req.body.',
    });
    expect(await store.count('express-eaten')).toBe(0);
  });

  it('answers 500, not a 4xx, through the fetch path too', async () => {
    const inner = collector();
    const app = express();
    app.use((req, _res, next) => {
      req.on('end', () => next());
      req.resume();
    });
    app.use(toNodeListener((request, context) => inner(request, context)));
    const response = await postSubmission(
      await start(app),
      submissionOf(answer({ surveyId: 'express-eaten-fetch' })),
    );
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: string }).error).toBe('body_already_read');
    expect(await store.count('express-eaten-fetch')).toBe(0);
  });
});

describe('the collector mounted under a path in Express 5', () => {
  it.each([
    ['with basePath /b', { basePath: '/b' }],
    ['without basePath', {}],
  ])('stores an answer at /b/v1/responses %s, after express.json()', async (name, options) => {
    const app = express();
    app.use(express.json());
    app.use('/b', toNodeListener(collector(options)));
    app.use((_req, res) => res.status(404).send('not the collector'));
    const base = await start(app);
    await expectStored(store, `${base}/b`, `express-mounted-${name.replace(/\W/g, '')}`);
    // Outside the mount the request never reaches the collector.
    const outside = await postSubmission(base, submissionOf(answer({ surveyId: 'outside' })));
    expect(outside.status).toBe(404);
    expect(await outside.text()).toBe('not the collector');
    expect(await store.count('outside')).toBe(0);
  });

  it('refuses a dot segment under the mount (/b/v1/responses/%2e%2e/%2e%2e/results) with 404', async () => {
    const app = express();
    app.use('/b', toNodeListener(collector({ basePath: '/b', adminToken: TOKEN })));
    const base = await start(app);
    const results = await fetch(`${base}/b/results?surveyId=x`, { headers: bearer });
    expect(results.status).toBe(200);
    // Raw bytes: fetch would resolve the dots itself before sending.
    const answer = await rawGet(base, '/b/v1/responses/%2e%2e/%2e%2e/results?surveyId=x');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: 'not_found',
      message:
        'Nothing here: /b/v1/responses/%2e%2e/%2e%2e/results (a path with a "." or ".." segment, raw or percent-encoded, names no resource).',
    });
  });

  it('passes the client address Express trusts (X-Forwarded-For from a loopback proxy)', async () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use(express.json());
    app.use(
      '/b',
      toNodeListener(
        collector({ rateLimiter: tokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001 }) }),
        { clientAddress: (req) => (req as ExpressRequest).ip },
      ),
    );
    const base = `${await start(app)}/b`;
    const from = (address: string) =>
      postSubmission(base, submissionOf(answer({ surveyId: 'express-forwarded' })), {
        'x-forwarded-for': address,
      });
    expect((await from('203.0.113.7')).status).toBe(202);
    expect((await from('203.0.113.8')).status).toBe(202);
    const limited = await from('203.0.113.7');
    expect(limited.status).toBe(429);
    expect(await store.count('express-forwarded')).toBe(2);
  });
});
