import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

/**
 * Receivers that misbehave, for real, on loopback: each request is logged in `events` (in the
 * order it arrives) as `<name> <delivery id> <path>`.
 */
function misbehaving(
  name: string,
  events: string[],
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server> {
  const server = createServer((req, res) => {
    events.push(`${name} ${String(req.headers['hark-delivery'])} ${req.url}`);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server, path = '/hook') =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

describe('alerts to receivers that hang, are slow or redirect', () => {
  it('a healthy receiver gets every alert before the others have timed out once; the others time out, are retried with backoff, and a redirect is reported as one', async () => {
    const TIMEOUT = 1_000;
    const events: string[] = [];
    let hungOpen = 0;
    let hungMostOpen = 0;
    const slowTimers = new Set<ReturnType<typeof setTimeout>>();
    // Never answers: each request stays open until the collector gives up on it.
    const hung = await misbehaving('hung', events, (_req, res) => {
      hungOpen += 1;
      hungMostOpen = Math.max(hungMostOpen, hungOpen);
      res.on('close', () => {
        hungOpen -= 1;
      });
    });
    // Answers 200, but three timeouts too late.
    const slow = await misbehaving('slow', events, (_req, res) => {
      const timer = setTimeout(() => res.writeHead(200).end(), 3 * TIMEOUT);
      slowTimers.add(timer);
      res.on('close', () => clearTimeout(timer));
    });
    const good = await misbehaving('good', events, (_req, res) => res.writeHead(200).end());
    const redirecting = await misbehaving('redirect', events, (_req, res) =>
      res.writeHead(302, { location: urlOf(good, '/elsewhere') }).end(),
    );
    const receivers = { hung, slow, redirect: redirecting, good };
    const collector = await startReferenceServer({
      db: dir.file('receivers.db'),
      port: 0,
      rateLimit: 0,
      log: (line) => events.push(`log ${line}`),
      alerts: Object.entries(receivers).map(([id, server]) => ({
        id,
        surveyId: 'checkout',
        when: { scoreAtMost: 6 },
        url: urlOf(server),
        secret: SECRET,
      })),
      alertRetry: { baseMs: 50, capMs: 200 },
      alertPollMs: 30,
      alertTimeoutMs: TIMEOUT,
    });
    running.push(collector);
    const unhappy = [0, 1, 2, 3, 4, 5].map((score) => answer({ surveyId: 'checkout', score }));
    expect((await postSubmission(collector.url, submissionOf(...unhappy))).status).toBe(202);

    const requests = (name: string) =>
      events.filter((e) => e.startsWith(`${name} `)).map((e) => e.split(' ')[1] as string);
    const timedOut = (name: string) =>
      events.filter(
        (e) =>
          e.startsWith('log ') &&
          e.includes(
            `/${name} to ${urlOf(receivers[name as keyof typeof receivers])} failed (no answer within ${TIMEOUT} ms)`,
          ),
      );
    // Every delivery of the hung and the slow receiver is retried (the attempt count grows)…
    await expect
      .poll(
        () =>
          ['hung', 'slow'].map((name) => {
            const ids = requests(name);
            return new Set(ids.filter((id, i) => ids.indexOf(id) !== i)).size;
          }),
        { timeout: 20_000 },
      )
      .toEqual([6, 6]);
    expect(timedOut('hung').some((line) => line.endsWith('attempt 2, retrying'))).toBe(true);
    expect(timedOut('slow').some((line) => line.endsWith('attempt 2, retrying'))).toBe(true);

    // …while the good receiver had all its alerts, once each, before any attempt had timed out.
    const expected = unhappy.map((a) => `${a.id}/good`).sort();
    expect([...requests('good')].sort()).toEqual(expected);
    const lastGood = events.findLastIndex((e) => e.startsWith('good '));
    const firstTimeout = events.findIndex((e) => e.includes('failed (no answer within'));
    expect(lastGood).toBeLessThan(firstTimeout);
    // The receivers were served side by side: the hung one was already holding requests by then.
    expect(events.findIndex((e) => e.startsWith('hung '))).toBeLessThan(lastGood);
    // At most four deliveries in flight to one receiver.
    expect(hungMostOpen).toBe(4);

    // The redirect is reported as a redirect, with its status and Location, and is not followed.
    const redirected = events.filter((e) => e.includes('/redirect to '));
    expect(redirected.length).toBeGreaterThanOrEqual(6);
    expect(redirected[0]).toMatch(
      new RegExp(
        `^log hark-collector: alert [0-9a-f-]{36}/redirect to ${urlOf(redirecting)} failed \\(redirected: HTTP 302 to ${urlOf(good, '/elsewhere')}; redirects are not followed, configure the final URL\\); attempt 1, retrying$`,
      ),
    );
    expect(events.some((e) => e.includes('/elsewhere') && e.startsWith('good '))).toBe(false);
    expect(events.some((e) => e.includes('fetch failed'))).toBe(false);

    // Closing the collector aborts what is still in flight instead of waiting for the timeouts.
    await collector.close();
    running.splice(running.indexOf(collector), 1);
    await expect.poll(() => hungOpen).toBe(0);
    for (const timer of slowTimers) clearTimeout(timer);
    for (const server of Object.values(receivers)) {
      server.closeAllConnections();
      await close(server);
    }
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
