import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResponseStore } from '@hark/collector';
import { serve } from '@hono/node-server';
import { expect } from 'vitest';
import { postFrom } from './post-from.js';
import { answer, postSubmission, submissionOf } from './submissions.js';

/*
 * What every framework recipe (Express, Hono, Fastify, Workers) must show the same way: an answer
 * stored, an invalid submission refused with its exact issues, one rate-limit bucket per client
 * address; and the loopback servers those recipes run on.
 */

/** The base URL of a server listening on 127.0.0.1. */
export function loopbackUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes `server`, its kept-alive connections first, so that closing does not wait on them. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Servers one test file starts, closed together when it ends. */
export interface LoopbackServers {
  /** Keeps `server` to close at the end; its base URL. */
  track(server: Server): string;
  closeAll(): Promise<void>;
}

export function loopbackServers(): LoopbackServers {
  const servers: Server[] = [];
  return {
    track(server) {
      servers.push(server);
      return loopbackUrl(server);
    },
    async closeAll() {
      for (const server of servers) await closeServer(server);
    },
  };
}

/** Serves a fetch-style handler with @hono/node-server on loopback, as Hono or a Worker would run. */
export function serveOnLoopback(fetch: Parameters<typeof serve>[0]['fetch']): Promise<Server> {
  return new Promise<Server>((resolve) => {
    const listening = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(listening as Server),
    );
  });
}

/** Posts one fresh answer of `surveyId`; expects it acknowledged and stored. */
export async function expectStored(
  store: ResponseStore,
  base: string,
  surveyId: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const sent = answer({ surveyId });
  const response = await postSubmission(base, submissionOf(sent), headers);
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({
    accepted: [sent.id],
    stored: 1,
    duplicates: [],
    erased: [],
  });
  expect((await store.get(sent.id))?.response).toEqual(sent);
}

/** Posts an NPS answer scored 11 as `surveyId`; expects the exact 400 and nothing stored. */
export async function expectInvalidRefused(
  store: ResponseStore,
  base: string,
  surveyId: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const bad = answer({ surveyId, score: 11 });
  const response = await postSubmission(base, submissionOf(bad), headers);
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
  expect(await store.count(surveyId)).toBe(0);
}

/** Posts one fresh answer as if from the client at `address`; the status and the JSON answer. */
export type PostAs = (address: string) => Promise<{ status: number; body: unknown }>;

/**
 * With a limiter of capacity 2 and next to no refill: `first` is let through twice, then refused
 * with the exact 429, while `second` still has its own bucket; three answers stored under `surveyId`.
 */
export async function expectBucketPerAddress(
  store: ResponseStore,
  surveyId: string,
  from: PostAs,
  [first, second]: readonly [string, string],
): Promise<void> {
  expect((await from(first)).status).toBe(202);
  expect((await from(first)).status).toBe(202);
  expect(await from(first)).toEqual({
    status: 429,
    body: { error: 'rate_limited', message: 'Too many submissions; retry later.' },
  });
  expect((await from(second)).status).toBe(202);
  expect(await store.count(surveyId)).toBe(3);
}

/** expectBucketPerAddress with the peers 127.0.0.2 and 127.0.0.3, as the server sees the socket. */
export function expectBucketPerLoopbackAddress(
  store: ResponseStore,
  base: string,
  surveyId: string,
): Promise<void> {
  const from: PostAs = (address) => postFrom(base, address, submissionOf(answer({ surveyId })));
  return expectBucketPerAddress(store, surveyId, from, ['127.0.0.2', '127.0.0.3']);
}
