import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CollectorOptions,
  createCollector,
  openSqliteStore,
  type ResponseStore,
  tokenBucketLimiter,
} from '@hark/collector';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFrom } from '../support/post-from.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-e2e-hono');
let store: ResponseStore;
const servers: Server[] = [];
/** What every collector here logged as a warning: the recipes pass the client address, so nothing. */
const warnings: string[] = [];

beforeAll(() => {
  store = openSqliteStore({ path: dir.file('hono.db') });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await store.close();
});

/** The README's recipe: the collector behind a Hono route, with the peer's address from Node. */
function honoApp(options: Partial<CollectorOptions> = {}, basePath = ''): Hono {
  const collector = createCollector({
    store,
    onWarning: (line) => warnings.push(line),
    ...options,
  });
  const app = basePath === '' ? new Hono() : new Hono().basePath(basePath);
  app.all(basePath === '' ? '/v1/*' : '/*', (c) =>
    collector(c.req.raw, { clientAddress: getConnInfo(c).remote.address }),
  );
  return app;
}

/** Serves a Hono app with @hono/node-server on loopback; resolves with its base URL. */
async function start(app: Hono): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(listening as Server),
    );
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function expectStored(base: string, surveyId: string): Promise<void> {
  const sent = answer({ surveyId });
  const response = await postSubmission(base, submissionOf(sent));
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({
    accepted: [sent.id],
    stored: 1,
    duplicates: [],
    erased: [],
  });
  expect((await store.get(sent.id))?.response).toEqual(sent);
}

describe('the collector behind Hono on Node (@hono/node-server)', () => {
  let rootUrl: string;
  let mountedUrl: string;
  beforeAll(async () => {
    rootUrl = await start(honoApp());
    mountedUrl = await start(honoApp({ basePath: '/hark' }, '/hark'));
  });

  it('stores an answer at /v1/responses', async () => {
    await expectStored(rootUrl, 'hono-root');
  });

  it('stores an answer under basePath /hark, and 404s outside it without the collector', async () => {
    await expectStored(`${mountedUrl}/hark`, 'hono-mounted');
    const outside = await postSubmission(
      mountedUrl,
      submissionOf(answer({ surveyId: 'hono-outside' })),
    );
    expect(outside.status).toBe(404);
    expect(await outside.text()).toBe('404 Not Found'); // Hono's own answer
    expect(await store.count('hono-outside')).toBe(0);
  });

  it.each([
    ['at the root', ''],
    ['under /hark', '/hark'],
  ])(
    'answers an invalid submission %s with 400 and the issues, storing nothing',
    async (_, path) => {
      const bad = answer({ surveyId: 'hono-invalid', score: 11 });
      const response = await postSubmission(
        `${path === '' ? rootUrl : mountedUrl}${path}`,
        submissionOf(bad),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_submission',
        message: 'The submission has 1 issue.',
        issues: [
          {
            path: '/responses/0/score',
            code: 'out_of_range',
            message: 'must be from 0 to 10 for kind "nps"',
          },
        ],
      });
      expect(await store.count('hono-invalid')).toBe(0);
    },
  );

  it.each([
    ['at the root', ''],
    ['under /hark', '/hark'],
  ])('gives each client address its own rate-limit bucket %s', async (_, path) => {
    const rateLimiter = tokenBucketLimiter({ capacity: 2, refillPerSecond: 0.001 });
    const base = `${await start(honoApp({ rateLimiter, basePath: path }, path))}${path}`;
    const surveyId = `hono-limited${path.replace('/', '-')}`;
    const from = (address: string) => postFrom(base, address, submissionOf(answer({ surveyId })));
    expect((await from('127.0.0.2')).status).toBe(202);
    expect((await from('127.0.0.2')).status).toBe(202);
    expect(await from('127.0.0.2')).toEqual({
      status: 429,
      body: { error: 'rate_limited', message: 'Too many submissions; retry later.' },
    });
    expect((await from('127.0.0.3')).status).toBe(202);
    expect(await store.count(surveyId)).toBe(3);
    expect(warnings).toEqual([]);
  });
});
