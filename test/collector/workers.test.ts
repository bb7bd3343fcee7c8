import type { Server } from 'node:http';
import { openSqliteStore, type ResponseStore } from '@hark/collector';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  closeServer,
  expectBucketPerAddress,
  expectInvalidRefused,
  expectStored,
  loopbackUrl,
  type PostAs,
  serveOnLoopback,
} from '../support/recipe-checks.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';
import worker, { type Env } from './recipes/worker.js';

const dir = tempDir('hark-e2e-workers');
let store: ResponseStore;
let server: Server;
let base: string;

beforeAll(async () => {
  store = openSqliteStore({ path: dir.file('workers.db') });
  const env: Env = { HARK_STORE: store, HARK_RATE_CAPACITY: '2', HARK_RATE_PER_SECOND: '0.001' };
  // The module's fetch, as a Workers runtime would call it: the Request, then the bindings.
  server = await serveOnLoopback((request) => worker.fetch(request, env));
  base = loopbackUrl(server);
});
afterAll(async () => {
  await closeServer(server);
  await store.close();
});

/** A POST as Cloudflare forwards it: the visitor's address in CF-Connecting-IP. */
function postAs(address: string, surveyId: string): Promise<Response> {
  return postSubmission(base, submissionOf(answer({ surveyId })), {
    'cf-connecting-ip': address,
  });
}

describe('the collector as a Workers-style module (export default { fetch })', () => {
  it('stores an answer and answers 202', async () => {
    await expectStored(store, base, 'workers-stored', { 'cf-connecting-ip': '203.0.113.1' });
  });

  it('answers an invalid submission with 400 and the issues, storing nothing', async () => {
    await expectInvalidRefused(store, base, 'workers-invalid', {
      'cf-connecting-ip': '203.0.113.2',
    });
  });

  it('gives each CF-Connecting-IP its own rate-limit bucket', async () => {
    const from: PostAs = async (address) => {
      const response = await postAs(address, 'workers-limited');
      return { status: response.status, body: await response.json() };
    };
    await expectBucketPerAddress(store, 'workers-limited', from, ['198.51.100.7', '198.51.100.8']);
  });

  it('without CF-Connecting-IP (not behind Cloudflare), shares one bucket and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await postSubmission(base, submissionOf(answer({ surveyId: 'workers-anonymous' }))))
            .status,
        );
      }
      expect(statuses).toEqual([202, 202, 429]);
      expect(warn.mock.calls).toEqual([
        [
          'hark collector: a request came without a client address, so every such request shares one ' +
            'rate-limit bucket; pass it as the second argument: collector(request, { clientAddress }).',
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(await store.count('workers-anonymous')).toBe(2);
  });
});
