import { connect } from 'node:net';
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
      `POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, body.length / 2)}`;
    await rawExchange(request, { hangUp: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await server.store.count('half-sent')).toBe(0);
    expect((await postSubmission(server.url, submissionOf(answer()))).status).toBe(202);
  });

  it('refuses a 1 MB body with 413 and closes the connection without reading it', async () => {
    const head =
      'POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
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
      'POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
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

describe('the reference server off loopback', () => {
  it('does not serve results without an admin token, and says so', async () => {
    const lines: string[] = [];
    const open = await startReferenceServer({
      db: dir.file('open.db'),
      host: '0.0.0.0',
      port: 0,
      log: (l) => lines.push(l),
    });
    try {
      expect(lines).toEqual([
        'hark-collector: results are not served on 0.0.0.0 without an admin token (--admin-token or HARK_ADMIN_TOKEN).',
      ]);
      const port = new URL(open.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/results?surveyId=e2e`)).status).toBe(404);
      expect(
        (await postSubmission(`http://127.0.0.1:${port}`, submissionOf(answer()))).status,
      ).toBe(202);
    } finally {
      await open.close();
    }
  });
});
