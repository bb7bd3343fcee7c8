import {
  type CollectorOptions,
  createCollector,
  openSqliteStore,
  type ResponseStore,
  tokenBucketLimiter,
} from '@hark/collector';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectBucketPerLoopbackAddress,
  expectInvalidRefused,
  expectStored,
  loopbackServers,
  serveOnLoopback,
} from '../support/recipe-checks.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-e2e-hono');
let store: ResponseStore;
const servers = loopbackServers();
/** What every collector here logged as a warning: the recipes pass the client address, so nothing. */
const warnings: string[] = [];

beforeAll(() => {
  store = openSqliteStore({ path: dir.file('hono.db') });
});
afterAll(async () => {
  await servers.closeAll();
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
  return servers.track(await serveOnLoopback(app.fetch));
}

describe('the collector behind Hono on Node (@hono/node-server)', () => {
  let rootUrl: string;
  let mountedUrl: string;
  beforeAll(async () => {
    rootUrl = await start(honoApp());
    mountedUrl = await start(honoApp({ basePath: '/hark' }, '/hark'));
  });

  it('stores an answer at /v1/responses', async () => {
    await expectStored(store, rootUrl, 'hono-root');
  });

  it('stores an answer under basePath /hark, and 404s outside it without the collector', async () => {
    await expectStored(store, `${mountedUrl}/hark`, 'hono-mounted');
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
      await expectInvalidRefused(
        store,
        `${path === '' ? rootUrl : mountedUrl}${path}`,
        'hono-invalid',
      );
    },
  );

  it.each([
    ['at the root', ''],
    ['under /hark', '/hark'],
  ])('gives each client address its own rate-limit bucket %s', async (_, path) => {
    const rateLimiter = tokenBucketLimiter({ capacity: 2, refillPerSecond: 0.001 });
    const base = `${await start(honoApp({ rateLimiter, basePath: path }, path))}${path}`;
    const surveyId = `hono-limited${path.replace('/', '-')}`;
    await expectBucketPerLoopbackAddress(store, base, surveyId);
    expect(warnings).toEqual([]);
  });
});
