import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyAlertSignature } from '@hark/collector';
import { type ReferenceServer, startReferenceServer } from '@hark/collector/node';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-alerts');
const SECRET = 'a-shared-secret-of-32-characters';

interface Received {
  readonly id: string;
  readonly status: number;
  readonly verified: boolean;
  readonly body: { id: string; text: string; answer: { id: string; score: number } };
}

/** A webhook receiver on a fixed port that answers `status()` and records every request. */
function receiver(port: number, status: () => number, received: Received[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const code = status();
      received.push({
        id: String(req.headers['hark-delivery']),
        status: code,
        verified: verifyAlertSignature(SECRET, String(req.headers['hark-signature']), body),
        body: JSON.parse(body),
      });
      res.writeHead(code).end();
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));
const running: ReferenceServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

describe('alerts through the durable outbox', () => {
  it('delivers every qualifying answer through 503s, a receiver that is down, and a collector restart: signed, each delivery id acknowledged once', async () => {
    const received: Received[] = [];
    let hook = await receiver(0, () => 503, received);
    const port = (hook.address() as AddressInfo).port;
    const db = dir.file('alerts.db');
    const start = async () => {
      const server = await startReferenceServer({
        db,
        port: 0,
        rateLimit: 0,
        log: () => {},
        alerts: [
          {
            id: 'detractors',
            surveyId: 'checkout',
            when: { scoreAtMost: 6 },
            url: `http://127.0.0.1:${port}/hook`,
            secret: SECRET,
          },
        ],
        alertRetry: { baseMs: 40, capMs: 200 },
        alertPollMs: 30,
      });
      running.push(server);
      return server;
    };
    let collector = await start();
    const unhappy = [0, 3, 6, 2, 5, 1].map((score) =>
      answer({ surveyId: 'checkout', score, comment: `score ${score}` }),
    );
    const happy = [7, 9, 10].map((score) => answer({ surveyId: 'checkout', score }));
    const elsewhere = answer({ surveyId: 'other', score: 0 });
    expect(
      (await postSubmission(collector.url, submissionOf(...unhappy, ...happy, elsewhere))).status,
    ).toBe(202);
    // The receiver answers 503 for a while…
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
    // …then goes down altogether (connection refused), and the collector restarts meanwhile.
    await close(hook);
    await collector.close();
    running.splice(running.indexOf(collector), 1);
    collector = await start();
    const later = [4, 0].map((score) => answer({ surveyId: 'checkout', score }));
    expect((await postSubmission(collector.url, submissionOf(...later))).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The receiver is back and answers 200.
    hook = await receiver(port, () => 200, received);
    const expected = [...unhappy, ...later].map((a) => `${a.id}/detractors`).sort();
    const acknowledged = () => received.filter((r) => r.status === 200).map((r) => r.id);
    await expect.poll(() => acknowledged().sort(), { timeout: 15_000 }).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No delivery acknowledged twice, every request signed, the payload readable in Slack.
    expect(new Set(acknowledged()).size).toBe(acknowledged().length);
    expect(acknowledged()).toHaveLength(expected.length);
    expect(received.every((r) => r.verified)).toBe(true);
    const first = received.find((r) => r.body.answer.id === unhappy[0]?.id);
    expect(first?.body.text).toBe('NPS 0 on checkout: “score 0”');
    expect(received.some((r) => r.body.answer.score > 6)).toBe(false);
    await close(hook);
  }, 60_000);
});

describe('verifyAlertSignature', () => {
  it('accepts the signed body within five minutes and refuses a changed body, secret or old time', async () => {
    const { signAlert } = await import('@hark/collector');
    const body = '{"id":"x"}';
    const now = Date.parse('2026-11-25T12:00:00Z');
    const header = signAlert(SECRET, body, now / 1000);
    expect(verifyAlertSignature(SECRET, header, body, { now })).toBe(true);
    expect(verifyAlertSignature(SECRET, header, body, { now: now + 299_000 })).toBe(true);
    expect(verifyAlertSignature(SECRET, header, body, { now: now + 301_000 })).toBe(false);
    expect(verifyAlertSignature(SECRET, header, '{"id":"y"}', { now })).toBe(false);
    expect(verifyAlertSignature('another-secret-of-some-length', header, body, { now })).toBe(
      false,
    );
    expect(verifyAlertSignature(SECRET, 'v1=abc', body, { now })).toBe(false);
  });
});
