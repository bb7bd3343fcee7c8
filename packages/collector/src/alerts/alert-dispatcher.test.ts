import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResponseStore } from '../storage/response-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { npsResponse } from '../testing/fixtures.js';
import { type AlertDispatcher, startAlertDispatcher } from './alert-dispatcher.js';
import type { AlertRule } from './alert-rule.js';

const dir = mkdtempSync(join(tmpdir(), 'hark-dispatcher-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A receiver on loopback that hands each request to `answer` and records its delivery id. */
interface TestReceiver {
  readonly server: Server;
  readonly url: string;
  readonly ids: string[];
}

async function receiver(answer: (res: ServerResponse) => void): Promise<TestReceiver> {
  const ids: string[] = [];
  const server = createServer((req, res) => {
    ids.push(String(req.headers['hark-delivery']));
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { server, url, ids };
}

const rule = (id: string, url: string): AlertRule => ({
  id,
  surveyId: 'alerts',
  when: { scoreAtMost: 6 },
  url,
  secret: 'a-secret-of-sixteen+',
});

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function open(rules: readonly AlertRule[]): ResponseStore {
  const store = openSqliteStore({ path: join(dir, `outbox-${++files}.db`), alerts: rules });
  cleanup.push(() => store.close());
  return store;
}

function start(options: Parameters<typeof startAlertDispatcher>[0]): AlertDispatcher {
  const dispatcher = startAlertDispatcher(options);
  cleanup.push(() => dispatcher.stop());
  return dispatcher;
}

function closing(...receivers: TestReceiver[]) {
  cleanup.push(async () => {
    for (const { server } of receivers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
}

const unhappy = (count: number) =>
  Array.from({ length: count }, (_, score) => npsResponse({ surveyId: 'alerts', score }));

describe('alert dispatcher', () => {
  it('keeps to the overall limit of deliveries in flight, across receivers', async () => {
    let inFlight = 0;
    let mostOpen = 0;
    const held: ServerResponse[] = [];
    // Holds each request until two are open, then lets the oldest through: with a limit of two,
    // every delivery arrives; with none, all nine would be open at once.
    const holding = (res: ServerResponse) => {
      inFlight += 1;
      mostOpen = Math.max(mostOpen, inFlight);
      held.push(res);
      res.on('close', () => {
        inFlight -= 1;
      });
      if (inFlight >= 2) setImmediate(() => held.shift()?.writeHead(200).end());
    };
    const receivers = await Promise.all([receiver(holding), receiver(holding), receiver(holding)]);
    closing(...receivers);
    const rules = receivers.map((r, i) => rule(`r${i}`, r.url));
    const store = open(rules);
    await store.insert(unhappy(3), new Date());
    start({ store, rules, pollMs: 10, concurrency: { perReceiver: 4, total: 2 } });
    await expect.poll(() => receivers.flatMap((r) => r.ids).length, { timeout: 20_000 }).toBe(9);
    expect(mostOpen).toBe(2);
    // The last one is let through when the next would arrive; there is none: release it.
    for (const res of held.splice(0)) res.writeHead(200).end();
  });

  it('a failing receiver backs off on its own, without holding up another one or attempting its backlog meanwhile', async () => {
    let clock = Date.parse('2026-11-25T12:00:00Z');
    const lines: string[] = [];
    const down = await receiver((res) => res.writeHead(503).end());
    const up = await receiver((res) => res.writeHead(200).end());
    closing(down, up);
    const rules = [rule('down', down.url), rule('up', up.url)];
    const store = open(rules);
    const answers = unhappy(5);
    await store.insert(answers, new Date(clock));
    start({
      store,
      rules,
      pollMs: 10,
      now: () => clock,
      log: (line) => lines.push(line),
      retry: { baseMs: 60_000, capMs: 600_000 },
      concurrency: { perReceiver: 2 },
    });
    await expect.poll(() => lines.length, { timeout: 20_000 }).toBe(2);
    expect(
      lines.every((l) => /\/down to .* failed \(HTTP 503\); attempt 1, retrying$/.test(l)),
    ).toBe(true);
    await expect.poll(() => up.ids.length, { timeout: 20_000 }).toBe(5);
    // Another answer afterwards reaches the healthy receiver: the dispatcher is still polling…
    const later = npsResponse({ surveyId: 'alerts', score: 6 });
    await store.insert([later], new Date(clock));
    await expect.poll(() => up.ids.at(-1), { timeout: 20_000 }).toBe(`${later.id}/up`);
    // …and has not tried the failing receiver's four other deliveries while it backs off.
    expect(down.ids).toHaveLength(2);
    // Past its backoff, its backlog goes first (never attempted), then the two retries.
    clock += 11 * 60_000;
    await expect.poll(() => down.ids.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const firstTwo = down.ids.slice(0, 2);
    expect(firstTwo).not.toContain(down.ids[2]);
    expect([...up.ids].sort()).toEqual([...answers, later].map((a) => `${a.id}/up`).sort());
  });

  it('times out a hung receiver even when garbage collection runs during the attempt', async () => {
    // A real collection, many times over the attempt: a timeout kept only through a weakly held
    // signal (AbortSignal.any on Node 20) is collected with it and never fires.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const lines: string[] = [];
    const hung = await receiver(() => {});
    closing(hung);
    const rules = [rule('hung', hung.url)];
    const store = open(rules);
    await store.insert([npsResponse({ surveyId: 'alerts', score: 0 })], new Date());
    start({ store, rules, pollMs: 10, timeoutMs: 300, log: (line) => lines.push(line) });
    await expect.poll(() => hung.ids.length).toBe(1);
    const collecting = setInterval(gc, 20);
    cleanup.push(() => clearInterval(collecting));
    await expect
      .poll(() => lines[0], { timeout: 20_000 })
      .toMatch(/failed \(no answer within 300 ms\); attempt 1, retrying$/);
  });

  it('stop() aborts a delivery stuck on a hung receiver and leaves it due at once, no attempt counted', async () => {
    const clock = Date.parse('2026-11-25T12:00:00Z');
    const hung = await receiver(() => {});
    closing(hung);
    const rules = [rule('hung', hung.url)];
    const store = open(rules);
    const stuck = npsResponse({ surveyId: 'alerts', score: 0 });
    await store.insert([stuck], new Date(clock));
    // The timeout is far beyond the test's: stop() must not wait for it.
    const dispatcher = startAlertDispatcher({ store, rules, now: () => clock, timeoutMs: 600_000 });
    await expect.poll(() => hung.ids.length).toBe(1);
    await dispatcher.stop();
    expect((await store.dueAlerts(new Date(clock), 10)).map((d) => [d.id, d.attempts])).toEqual([
      [`${stuck.id}/hung`, 0],
    ]);
  });
});
