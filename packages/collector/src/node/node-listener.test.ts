import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectorHandler, createCollector, HANDLE } from '../http/create-collector.js';
import { jsonOutgoing } from '../http/exchange.js';
import type { ResponseStore } from '../storage/response-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { npsResponse, submission } from '../testing/fixtures.js';
import { toNodeListener } from './node-listener.js';
import { withStaticFiles } from './static-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hark-listener-'));
const TOKEN = 'listener-test-admin-token';
const SURVEY = 'targets';
let store: ResponseStore;
let server: Server;
let port: number;
/** `Host` as a client of this server sends it. */
let authority: string;

function listen(handler: CollectorHandler): Promise<Server> {
  const started = createServer(toNodeListener(handler));
  return new Promise((resolve) => started.listen(0, '127.0.0.1', () => resolve(started)));
}

beforeAll(async () => {
  store = openSqliteStore({ path: join(dir, 'listener.db') });
  const dashboard = join(dir, 'dashboard');
  mkdirSync(dashboard);
  writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>dashboard</title>');
  const collector = createCollector({ store, adminToken: TOKEN });
  server = await listen(withStaticFiles(dashboard, '/dashboard', collector));
  port = (server.address() as AddressInfo).port;
  authority = `127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends one request's bytes on a fresh connection; resolves with what came back before it closed. */
function exchange(bytes: string, to = port): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(to, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const end = received.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = received.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: received.slice(end + 4) });
    });
  });
}

/** A request's bytes; `Connection: close` so that the server's close marks the end. */
function request(
  method: string,
  target: string,
  { hosts = [authority], headers = {}, body = '', version = '1.1' } = {} as {
    hosts?: readonly string[];
    headers?: Record<string, string>;
    body?: string;
    version?: string;
  },
): string {
  const lines = [`${method} ${target} HTTP/${version}`, ...hosts.map((h) => `Host: ${h}`)];
  for (const [name, value] of Object.entries({ connection: 'close', ...headers })) {
    lines.push(`${name}: ${value}`);
  }
  if (body !== '') lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const bearer = { authorization: `Bearer ${TOKEN}` };
const json = { 'content-type': 'application/json' };

describe('request targets through toNodeListener', () => {
  it('serves /results itself (the route the traversals below aim at)', async () => {
    const answer = await exchange(
      request('GET', `/results?surveyId=${SURVEY}`, { headers: bearer }),
    );
    expect(answer.status).toBe(200);
  });

  it.each([
    '/v1/responses/%2e%2e/%2e%2e/results',
    '/v1/responses/%2E%2e/.%2E/results',
    '/dashboard/%2e%2e/results',
    '/dashboard/%2e/%2e%2e/results',
    '/dashboard/../results',
    '/dashboard/./../results',
    '/dashboard/..\\results',
    '/dashboard/.%2e\\results',
  ])('refuses %s with 404, whatever the dots are spelled like', async (path) => {
    const answer = await exchange(
      request('GET', `${path}?surveyId=${SURVEY}`, { headers: bearer }),
    );
    expect(answer.status).toBe(404);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({
      error: 'not_found',
      message: `Nothing here: ${path} (a path with a "." or ".." segment, raw or percent-encoded, names no resource).`,
    });
  });

  it('keeps an encoded backslash literal: /dashboard/..%5Cresults names nothing', async () => {
    const answer = await exchange(
      request('GET', `/dashboard/..%5Cresults?surveyId=${SURVEY}`, { headers: bearer }),
    );
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).message).toBe('Nothing here: /dashboard/..%5Cresults');
  });

  it('stores nothing when a submission is posted through a dot segment', async () => {
    const body = JSON.stringify(submission([npsResponse({ surveyId: 'dotted' })]));
    const answer = await exchange(
      request('POST', '/results/%2e%2e/v1/responses', { headers: json, body }),
    );
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error).toBe('not_found');
    expect(await store.count('dotted')).toBe(0);
  });
});

describe('Host header fields (RFC 9112 §3.2)', () => {
  it.each([
    [
      'two Host headers',
      [authority, 'rebind.attacker.example'],
      'A request carries one Host header; this one carried 2.',
    ],
    [
      'user info',
      ['user@127.0.0.1'],
      'The Host header must name a host and an optional port, without user info or a path.',
    ],
    [
      'a path',
      ['127.0.0.1/v1/responses'],
      'The Host header must name a host and an optional port, without user info or a path.',
    ],
    [
      'a query',
      ['127.0.0.1?x=1'],
      'The Host header must name a host and an optional port, without user info or a path.',
    ],
    [
      'no host at all',
      [':8787'],
      'The Host header must name a host and an optional port, without user info or a path.',
    ],
  ])('answers 400 to %s, and stores nothing', async (_, hosts, message) => {
    const surveyId = `host-${hosts.join('-').replace(/\W/g, '')}`;
    const body = JSON.stringify(submission([npsResponse({ surveyId })]));
    const answer = await exchange(request('POST', '/v1/responses', { hosts, headers: json, body }));
    expect(answer.status).toBe(400);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ error: 'invalid_host', message });
    expect(await store.count(surveyId)).toBe(0);
  });

  it('answers 400 to HTTP/1.1 without Host (Node refuses it before the collector)', async () => {
    const answer = await exchange(request('GET', '/results', { hosts: [] }));
    expect(answer.status).toBe(400);
  });
});

describe('absolute-form targets (RFC 9112 §3.2.2)', () => {
  /** A handler that answers with the URL and Host it was given, on the direct path or as a Request. */
  function echo(direct: boolean): CollectorHandler {
    const fetchHandler = async (request: Request) =>
      Response.json({ url: request.url, host: request.headers.get('host') });
    if (!direct) return fetchHandler;
    return Object.assign(fetchHandler, {
      [HANDLE]: async (incoming: Parameters<NonNullable<CollectorHandler[typeof HANDLE]>>[0]) =>
        jsonOutgoing(200, { url: incoming.url.href, host: incoming.header('host') }),
    });
  }

  it.each([true, false])(
    'takes the authority from the target, and refuses a Host that names another (direct path: %s)',
    async (direct) => {
      const echoing = await listen(echo(direct));
      const echoPort = (echoing.address() as AddressInfo).port;
      try {
        const target = `HTTP://LOCALHOST:${echoPort}/v1/responses?x=1`;
        const answer = await exchange(
          request('GET', target, { hosts: [`localhost:${echoPort}`] }),
          echoPort,
        );
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toEqual({
          url: `http://localhost:${echoPort}/v1/responses?x=1`,
          host: `localhost:${echoPort}`,
        });
        const mismatched = await exchange(
          request('GET', `http://127.0.0.1:${echoPort}/v1/responses`, {
            hosts: ['rebind.attacker.example'],
          }),
          echoPort,
        );
        expect(mismatched.status).toBe(400);
        expect(mismatched.headers.connection).toBe('close');
        expect(JSON.parse(mismatched.body)).toEqual({
          error: 'invalid_host',
          message: `The request target names the host "127.0.0.1:${echoPort}" but the Host header names "rebind.attacker.example"; they must agree.`,
        });
        // Without an absolute target, the Host header is the authority.
        const plain = await exchange(
          request('GET', '/v1/responses', { hosts: ['rebind.attacker.example'] }),
          echoPort,
        );
        expect(JSON.parse(plain.body)).toEqual({
          url: 'http://rebind.attacker.example/v1/responses',
          host: 'rebind.attacker.example',
        });
      } finally {
        echoing.closeAllConnections();
        await new Promise((resolve) => echoing.close(resolve));
      }
    },
  );

  it('stores a submission posted to an absolute-form target', async () => {
    const surveyId = 'absolute-form';
    const body = JSON.stringify(submission([npsResponse({ surveyId })]));
    const answer = await exchange(
      request('POST', `http://${authority}/v1/responses`, { headers: json, body }),
    );
    expect(answer.status).toBe(202);
    expect(await store.count(surveyId)).toBe(1);
    const elsewhere = JSON.stringify(submission([npsResponse({ surveyId: 'absolute-mismatch' })]));
    const refused = await exchange(
      request('POST', `http://${authority}/v1/responses`, {
        hosts: ['rebind.attacker.example'],
        headers: json,
        body: elsewhere,
      }),
    );
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error).toBe('invalid_host');
    expect(await store.count('absolute-mismatch')).toBe(0);
  });

  it('refuses dot segments in an absolute-form target too', async () => {
    const target = `http://${authority}/v1/responses/%2e%2e/%2e%2e/results?surveyId=${SURVEY}`;
    const answer = await exchange(request('GET', target, { headers: bearer }));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error).toBe('not_found');
  });

  it.each([
    [
      `http://user@${'127.0.0.1'}/v1/responses`,
      'invalid_host',
      'The request target must name a host and an optional port, without user info or a path.',
    ],
    [
      'ftp://127.0.0.1/v1/responses',
      'invalid_target',
      "The request target's scheme must be http or https, not ftp.",
    ],
  ])('answers 400 to %s', async (target, error, message) => {
    const answer = await exchange(request('GET', target));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error, message });
  });
});

describe('HTTP/1.0 without Host', () => {
  it('is addressed to the address the server was reached on', async () => {
    const echoing = await listen(async (request) => Response.json({ url: request.url }));
    const echoPort = (echoing.address() as AddressInfo).port;
    try {
      const answer = await exchange(request('GET', '/x', { hosts: [], version: '1.0' }), echoPort);
      expect(JSON.parse(answer.body)).toEqual({ url: `http://127.0.0.1:${echoPort}/x` });
    } finally {
      echoing.closeAllConnections();
      await new Promise((resolve) => echoing.close(resolve));
    }
  });
});
