import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openSqliteStore, type ResponseStore } from '@hark/collector';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
  server = await new Promise<Server>((resolve) => {
    const listening = serve(
      { fetch: (request) => worker.fetch(request, env), hostname: '127.0.0.1', port: 0 },
      () => resolve(listening as Server),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
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
    const sent = answer({ surveyId: 'workers-stored' });
    const response = await postSubmission(base, submissionOf(sent), {
      'cf-connecting-ip': '203.0.113.1',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      accepted: [sent.id],
      stored: 1,
      duplicates: [],
      erased: [],
    });
    expect((await store.get(sent.id))?.response).toEqual(sent);
  });

  it('answers an invalid submission with 400 and the issues, storing nothing', async () => {
    const bad = answer({ surveyId: 'workers-invalid', score: 11 });
    const response = await postSubmission(base, submissionOf(bad), {
      'cf-connecting-ip': '203.0.113.2',
    });
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
    expect(await store.count('workers-invalid')).toBe(0);
  });

  it('gives each CF-Connecting-IP its own rate-limit bucket', async () => {
    expect((await postAs('198.51.100.7', 'workers-limited')).status).toBe(202);
    expect((await postAs('198.51.100.7', 'workers-limited')).status).toBe(202);
    const limited = await postAs('198.51.100.7', 'workers-limited');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      error: 'rate_limited',
      message: 'Too many submissions; retry later.',
    });
    expect((await postAs('198.51.100.8', 'workers-limited')).status).toBe(202);
    expect(await store.count('workers-limited')).toBe(3);
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
