import {
  type CollectorHandler,
  type CollectorOptions,
  createCollector,
  openSqliteStore,
  type ResponseStore,
  tokenBucketLimiter,
} from '@hark/collector';
import { toNodeListener } from '@hark/collector/node';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectBucketPerLoopbackAddress,
  expectInvalidRefused,
  expectStored,
} from '../support/recipe-checks.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-e2e-fastify');
let store: ResponseStore;
const apps: FastifyInstance[] = [];
/** What every collector here logged as a warning: the adapter passes the peer, so nothing. */
const warnings: string[] = [];

beforeAll(() => {
  store = openSqliteStore({ path: dir.file('fastify.db') });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await store.close();
});

/**
 * The README's recipe: the collector as a Fastify plugin. In its scope no content-type parser
 * reads the body (Fastify's JSON parser would leave the stream empty), and the reply is hijacked
 * so that the Node adapter writes it.
 */
function harkCollector(collector: CollectorHandler): FastifyPluginAsync {
  const listener = toNodeListener(collector); // client address: the socket's peer
  return async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _body, done) => done(null));
    scope.all('/*', (request, reply) => {
      reply.hijack();
      listener(request.raw, reply.raw);
    });
  };
}

function collector(options: Partial<CollectorOptions> = {}): CollectorHandler {
  return createCollector({ store, onWarning: (line) => warnings.push(line), ...options });
}

/** A Fastify 5 app with the collector at `prefix` (none: the root) and a JSON route beside it. */
async function start(prefix: string, options: Partial<CollectorOptions> = {}): Promise<string> {
  const app = Fastify();
  apps.push(app);
  app.post('/other', async (request) => ({ parsed: request.body }));
  await app.register(
    harkCollector(collector(prefix === '' ? options : { basePath: prefix, ...options })),
    prefix === '' ? {} : { prefix },
  );
  return app.listen({ host: '127.0.0.1', port: 0 });
}

let rootUrl: string;
let prefixedUrl: string;
beforeAll(async () => {
  rootUrl = await start('');
  prefixedUrl = await start('/hark');
});

describe.each([
  ['at the root', () => rootUrl, ''],
  ['under the prefix /hark', () => prefixedUrl, '/hark'],
])('the collector in Fastify 5, %s', (_, url, path) => {
  const tag = path === '' ? 'root' : 'prefixed';

  it('stores an answer and answers 202', async () => {
    await expectStored(store, `${url()}${path}`, `fastify-${tag}`);
  });

  it('answers an invalid submission with 400 and the issues, storing nothing', async () => {
    await expectInvalidRefused(store, `${url()}${path}`, `fastify-invalid-${tag}`);
  });

  it("leaves Fastify's JSON parser to the app's other routes", async () => {
    const response = await fetch(`${url()}/other`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ parsed: { a: 1 } });
  });

  it('gives each client address its own rate-limit bucket', async () => {
    const rateLimiter = tokenBucketLimiter({ capacity: 2, refillPerSecond: 0.001 });
    const base = `${await start(path, { rateLimiter })}${path}`;
    const surveyId = `fastify-limited-${tag}`;
    await expectBucketPerLoopbackAddress(store, base, surveyId);
    expect(warnings).toEqual([]);
  });
});

describe('the collector under a Fastify prefix', () => {
  it('is not reached outside the prefix (Fastify answers 404)', async () => {
    const outside = await postSubmission(
      prefixedUrl,
      submissionOf(answer({ surveyId: 'fastify-outside' })),
    );
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(await store.count('fastify-outside')).toBe(0);
  });
});
