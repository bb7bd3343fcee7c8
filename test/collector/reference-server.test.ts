import { mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { ReferenceServer } from '@hark/collector/node';
import { startReferenceServer } from '@hark/collector/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-e2e-server');
let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer({ db: dir.file('server.db'), port: 0, log: () => {} });
});
afterAll(async () => {
  await server.close();
});

/** Sends raw bytes on a fresh connection; resolves with whatever the server answered. */
function rawExchange(bytes: string | Buffer, options: { hangUp?: boolean } = {}): Promise<string> {
  return rawExchangeWith(server.url, bytes, options);
}

function rawExchangeWith(
  base: string,
  bytes: string | Buffer,
  { hangUp = false } = {},
): Promise<string> {
  const { port, hostname } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (hangUp) {
        socket.destroy();
        resolve('');
      }
    });
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', (error) => (hangUp ? resolve('') : reject(error)));
  });
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the reference server on loopback', () => {
  it('stores one row per id when a batch is posted three times', async () => {
    const batch = submissionOf(answer(), answer(), answer());
    const ids = batch.responses.map((r) => r.id);
    const answers: Array<{ stored: number; duplicates: string[] }> = [];
    for (let i = 0; i < 3; i++) {
      const response = await postSubmission(server.url, batch);
      expect(response.status).toBe(202);
      answers.push((await response.json()) as { stored: number; duplicates: string[] });
    }
    expect(answers.map((a) => a.stored)).toEqual([3, 0, 0]);
    expect(answers[2]?.duplicates).toEqual(ids);
    for (const id of ids) expect((await server.store.get(id))?.response.id).toBe(id);
  });

  it('keeps exactly one row when the connection drops after the batch was stored and it is re-sent', async () => {
    const lost = answer({ surveyId: 'dropped' });
    const body = JSON.stringify(submissionOf(lost));
    const request =
      `POST /v1/responses HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    // The client sends the whole batch and hangs up before the 202 can reach it.
    await rawExchange(request, { hangUp: true });
    await eventually(async () => (await server.store.count('dropped')) === 1);
    // Its outbox still holds the answer, so it sends it again: acknowledged, not stored twice.
    const resend = await postSubmission(server.url, submissionOf(lost));
    expect(resend.status).toBe(202);
    expect(await resend.json()).toEqual({
      accepted: [lost.id],
      stored: 0,
      duplicates: [lost.id],
      erased: [],
    });
    expect(await server.store.count('dropped')).toBe(1);
  });

  it('stores nothing from a client that hangs up in the middle of its body', async () => {
    const body = JSON.stringify(submissionOf(answer({ surveyId: 'half-sent' })));
    const request =
      `POST /v1/responses HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, body.length / 2)}`;
    await rawExchange(request, { hangUp: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await server.store.count('half-sent')).toBe(0);
    expect((await postSubmission(server.url, submissionOf(answer()))).status).toBe(202);
  });

  it('refuses a 1 MB body with 413 and closes the connection without reading it', async () => {
    const head =
      `POST /v1/responses HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${1024 * 1024}\r\n\r\n`;
    const reply = await rawExchange(head + ' '.repeat(16 * 1024));
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.toLowerCase()).toContain('connection: close');
  });

  it('refuses a chunked body once it passes 64 KiB', async () => {
    const chunk = ' '.repeat(16 * 1024);
    const chunks = Array.from(
      { length: 6 },
      () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    ).join('');
    const request =
      `POST /v1/responses HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nContent-Type: application/json\r\n` +
      `Transfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`;
    const reply = await rawExchange(request);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('takes a request target literally: //other.host/… cannot pose as same-origin', async () => {
    const open = await startReferenceServer({
      db: dir.file('cors.db'),
      port: 0,
      allowedOrigins: ['https://shop.example'],
      log: () => {},
    });
    try {
      const body = JSON.stringify(submissionOf(answer()));
      const reply = await rawExchangeWith(
        open.url,
        `POST //evil.example/v1/responses HTTP/1.1\r\nHost: ${new URL(open.url).host}\r\nOrigin: http://evil.example\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(reply).toMatch(/^HTTP\/1\.1 404 /);
      expect(reply.toLowerCase()).not.toContain('access-control-allow-origin');
    } finally {
      await open.close();
    }
  });

  it('answers a Host header that is not a host with 400', async () => {
    const reply = await rawExchange(
      'GET /results HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('answers a malformed request with 400 and keeps serving', async () => {
    const reply = await rawExchange('GARBAGE\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect((await postSubmission(server.url, submissionOf(answer()))).status).toBe(202);
  });

  it('serves results over HTTP', async () => {
    await postSubmission(
      server.url,
      submissionOf(
        answer({ surveyId: 'http-results', score: 10 }),
        answer({ surveyId: 'http-results', score: 0 }),
      ),
    );
    const response = await fetch(`${server.url}/results?surveyId=http-results`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { kinds: Array<{ overall: unknown }> };
    // one promoter, one detractor: NPS 0, margin 1.96 × 100 × sqrt((0.5 + 0.5 − 0) / 2) = 138.59
    expect(body.kinds[0]?.overall).toMatchObject({ count: 2, score: 0, marginOfError: 138.59 });
  });
});

/** A raw HTTP/1.1 request on its own connection; the status and the parsed JSON body. */
async function rawRequest(
  base: string,
  method: string,
  target: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; body: unknown; head: string }> {
  const lines = Object.entries({
    ...headers,
    ...(body === '' ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
    Connection: 'close',
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  const reply = await rawExchangeWith(
    base,
    `${method} ${target} HTTP/1.1\r\n${lines.join('')}\r\n${body}`,
  );
  const [head = '', text = ''] = reply.split('\r\n\r\n', 2);
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
  const isJson = /^content-type: application\/json/im.test(head);
  const json = isJson ? JSON.parse(Buffer.from(text, 'latin1').toString('utf8')) : undefined;
  return { status, body: json, head };
}

/** A GET sent from a chosen local address. */
function getFrom(
  url: string,
  localAddress: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { localAddress, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('error', reject);
  });
}

describe('the reference server against DNS rebinding', () => {
  it('refuses a rebound Host with 421 before reading, erasing or storing anything', async () => {
    const mine = answer({ surveyId: 'rebinding', visitorId: 'visitor-rebound' });
    expect((await postSubmission(server.url, submissionOf(mine))).status).toBe(202);
    const port = new URL(server.url).port;
    const rebound = {
      Host: `rebind.attacker.example:${port}`,
      Origin: `http://rebind.attacker.example:${port}`,
    };
    const misdirected = {
      error: 'misdirected_request',
      message: `This collector does not answer for the host "rebind.attacker.example:${port}"; if that name is its own, add it to allowedHosts (hark-collector --public-url).`,
    };
    const exported = await rawRequest(
      server.url,
      'GET',
      '/export?surveyId=rebinding&format=ndjson',
      rebound,
    );
    expect(exported).toMatchObject({ status: 421, body: misdirected });
    const results = await rawRequest(server.url, 'GET', '/results?surveyId=rebinding', rebound);
    expect(results).toMatchObject({ status: 421, body: misdirected });
    const erased = await rawRequest(server.url, 'DELETE', '/visitors/visitor-rebound', rebound);
    expect(erased).toMatchObject({ status: 421, body: misdirected });
    const erasedOne = await rawRequest(server.url, 'DELETE', `/responses/${mine.id}`, rebound);
    expect(erasedOne.status).toBe(421);
    const submitted = await rawRequest(
      server.url,
      'POST',
      '/v1/responses',
      { ...rebound, 'Content-Type': 'application/json' },
      JSON.stringify(submissionOf(answer({ surveyId: 'rebinding-posted' }))),
    );
    expect(submitted).toMatchObject({ status: 421, body: misdirected });
    expect((await server.store.get(mine.id))?.response.id).toBe(mine.id);
    expect(await server.store.count('rebinding')).toBe(1);
    expect(await server.store.count('rebinding-posted')).toBe(0);

    // The same requests under its own names are answered (on loopback, without a token).
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const own = await rawRequest(server.url, 'GET', '/export?surveyId=rebinding&format=ndjson', {
        Host: host,
        Origin: `http://${host}`,
      });
      expect(own.status).toBe(200);
      expect(own.head.toLowerCase()).toContain('content-type: application/x-ndjson');
    }
    // localhost on another port is not its own name.
    expect(
      (await rawRequest(server.url, 'GET', '/results?surveyId=x', { Host: 'localhost:1' })).status,
    ).toBe(421);
  });

  it('refuses a rebound Host for pages it serves beside the collector too', async () => {
    const site = await startReferenceServer({
      db: dir.file('site.db'),
      port: 0,
      log: () => {},
      wrap: (collector) => async (request, context) =>
        new URL(request.url).pathname === '/page'
          ? new Response('<!doctype html><title>page</title>', {
              headers: { 'content-type': 'text/html' },
            })
          : collector(request, context),
    });
    try {
      const port = new URL(site.url).port;
      const own = await rawRequest(site.url, 'GET', '/page', { Host: `localhost:${port}` });
      expect(own.status).toBe(200);
      const rebound = await rawRequest(site.url, 'GET', '/page', {
        Host: `rebind.attacker.example:${port}`,
      });
      expect(rebound.status).toBe(421);
    } finally {
      await site.close();
    }
  });

  it('answers its public name (allowedHosts), where reading needs a token, on loopback too', async () => {
    const lines: string[] = [];
    const dashboard = join(dir.path, 'dashboard-proxied');
    mkdirSync(dashboard, { recursive: true });
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>dashboard</title>');
    const proxied = await startReferenceServer({
      db: dir.file('proxied.db'),
      port: 0,
      allowedHosts: ['https://hark.example'],
      dashboard,
      log: (line) => lines.push(line),
    });
    try {
      const submitted = await rawRequest(
        proxied.url,
        'POST',
        '/v1/responses',
        {
          Host: 'hark.example',
          Origin: 'http://hark.example',
          'Content-Type': 'application/json',
        },
        JSON.stringify(submissionOf(answer({ surveyId: 'proxied' }))),
      );
      expect(submitted.status).toBe(202);
      expect(lines).toEqual([
        'hark-collector: answers cannot be read or erased without an admin token (--admin-token or HARK_ADMIN_TOKEN) once the server has a public name (--public-url): a proxy in front connects from this machine for every visitor; the dashboard is not served.',
      ]);
      expect(proxied.dashboardUrl).toBeUndefined();
      const port = new URL(proxied.url).port;
      const locked = {
        error: 'admin_token_not_configured',
        message:
          'This collector has no admin token, so nobody may read or erase its answers; configure one (adminToken, or hark-collector --admin-token).',
      };
      // Through its public name, and as nginx's default `proxy_pass http://127.0.0.1:PORT`
      // forwards a visitor (a loopback Host from a loopback peer): reads are off without a token.
      for (const headers of [
        { Host: 'hark.example' },
        { Host: `127.0.0.1:${port}`, 'X-Forwarded-For': '203.0.113.9' },
        { Host: `127.0.0.1:${port}` },
      ]) {
        const exported = await rawRequest(proxied.url, 'GET', '/export?surveyId=proxied', headers);
        expect(exported).toMatchObject({ status: 403, body: locked });
        const erased = await rawRequest(proxied.url, 'DELETE', '/visitors/visitor-1', headers);
        expect(erased).toMatchObject({ status: 403, body: locked });
      }
      const page = await rawRequest(proxied.url, 'GET', '/dashboard/', { Host: 'hark.example' });
      expect(page.status).toBe(404);
      expect(await proxied.store.count('proxied')).toBe(1);
    } finally {
      await proxied.close();
    }
  });

  it('on loopback without a public name, refuses a read a proxy forwarded, and erases nothing', async () => {
    const mine = answer({ surveyId: 'forwarded', visitorId: 'visitor-forwarded' });
    expect((await postSubmission(server.url, submissionOf(mine))).status).toBe(202);
    const host = new URL(server.url).host;
    for (const [name, value] of [
      ['X-Forwarded-For', '203.0.113.9'],
      ['Forwarded', 'for=203.0.113.9;proto=https'],
      ['X-Forwarded-Host', 'hark.example'],
      ['X-Real-IP', '203.0.113.9'],
      ['Via', '1.1 proxy.example'],
    ] as const) {
      const refused = {
        status: 403,
        body: {
          error: 'admin_token_not_configured',
          message: `Without an admin token, answers are read and erased only by requests made on this machine directly, and this one came through a proxy (it carries ${name}); configure an admin token to reach them through a proxy.`,
        },
      };
      const headers = { Host: host, [name]: value };
      const exported = await rawRequest(server.url, 'GET', '/export?surveyId=forwarded', headers);
      expect(exported).toMatchObject(refused);
      const erased = await rawRequest(server.url, 'DELETE', '/visitors/visitor-forwarded', headers);
      expect(erased).toMatchObject(refused);
    }
    expect(await server.store.count('forwarded')).toBe(1);
    // Made on this machine directly, the same read is answered.
    const own = await rawRequest(server.url, 'GET', '/export?surveyId=forwarded&format=ndjson', {
      Host: host,
    });
    expect(own.status).toBe(200);
  });

  it('refuses an allowed host that is not a host at start', async () => {
    await expect(
      startReferenceServer({
        db: dir.file('bad-host.db'),
        port: 0,
        allowedHosts: ['a b'],
        log: () => {},
      }),
    ).rejects.toThrow(
      new TypeError(
        'allowed host "a b" is not a host like "hark.example", "hark.example:8443" or "https://hark.example"',
      ),
    );
  });
});

describe('the reference server and wrong admin tokens', () => {
  it('answers 429 with Retry-After after ten wrong tokens from an address, while another address still gets 401', async () => {
    const guarded = await startReferenceServer({
      db: dir.file('guarded.db'),
      port: 0,
      adminToken: 'a-long-enough-admin-token',
      log: () => {},
    });
    try {
      const read = (token: string, localAddress = '127.0.0.1') =>
        getFrom(`${guarded.url}/results?surveyId=e2e`, localAddress, {
          authorization: `bearer ${token}`,
        });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await read(`guess-${i}`)).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      const locked = await read('a-long-enough-admin-token');
      expect(locked.status).toBe(429);
      expect(locked.headers['retry-after']).toBe('60');
      expect(JSON.parse(locked.body)).toEqual({
        error: 'too_many_failed_credentials',
        message: 'Too many wrong admin tokens from this address; retry in 60 s.',
      });
      // From 127.0.0.2, another client address (Linux routes all of 127/8 to loopback):
      expect((await read('another-guess', '127.0.0.2')).status).toBe(401);
      expect((await read('a-long-enough-admin-token', '127.0.0.2')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('the reference server off loopback', () => {
  it('does not serve answers or the dashboard without an admin token, and says so', async () => {
    const lines: string[] = [];
    const dashboard = join(dir.path, 'dashboard');
    mkdirSync(dashboard, { recursive: true });
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>dashboard</title>');
    const open = await startReferenceServer({
      db: dir.file('open.db'),
      host: '0.0.0.0',
      port: 0,
      dashboard,
      log: (l) => lines.push(l),
    });
    try {
      expect(lines).toEqual([
        'hark-collector: answers cannot be read or erased on 0.0.0.0 without an admin token (--admin-token or HARK_ADMIN_TOKEN); the dashboard is not served.',
      ]);
      expect(open.dashboardUrl).toBeUndefined();
      const port = new URL(open.url).port;
      const results = await fetch(`http://127.0.0.1:${port}/results?surveyId=e2e`);
      expect(results.status).toBe(403);
      expect(await results.json()).toEqual({
        error: 'admin_token_not_configured',
        message:
          'This collector has no admin token, so nobody may read or erase its answers; configure one (adminToken, or hark-collector --admin-token).',
      });
      expect((await fetch(`http://127.0.0.1:${port}/dashboard/`)).status).toBe(404);
      expect(
        (await postSubmission(`http://127.0.0.1:${port}`, submissionOf(answer()))).status,
      ).toBe(202);
    } finally {
      await open.close();
    }
  });

  it('serves the dashboard on loopback, and says where', async () => {
    const dashboard = join(dir.path, 'dashboard-loopback');
    mkdirSync(dashboard, { recursive: true });
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>dashboard</title>');
    const local = await startReferenceServer({
      db: dir.file('local.db'),
      port: 0,
      dashboard,
      log: () => {},
    });
    try {
      expect(local.dashboardUrl).toBe(`${local.url}/dashboard/`);
      expect((await fetch(local.dashboardUrl as string)).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
