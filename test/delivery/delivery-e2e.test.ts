import type { ReferenceServer } from '@hark/collector/node';
import { startReferenceServer } from '@hark/collector/node';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-delivery-e2e');
let browser: Browser;

interface HarkPage {
  answer(surveyId: string, count: number): Promise<void>;
  pending(): Promise<number>;
  storage(): string;
  delivery: { flush(): Promise<void> };
}
declare const hark: HarkPage;

let pageServer: ReferenceServer;
let collector: ReferenceServer | undefined;
let collectorPort = 0;
/** The ids of every submission that reached the collector, request by request. */
let received: string[][] = [];
const collectorDb = dir.file('collector.db');

/**
 * The collector on its own port. "Cutting the network" stops it, so requests fail the way they do
 * offline (connection refused), keepalive requests included; restoring starts it again on the
 * same port and the same SQLite file.
 */
async function startCollector(): Promise<ReferenceServer> {
  collector = await startReferenceServer({
    db: collectorDb,
    port: collectorPort,
    allowedOrigins: '*',
    rateLimit: 0,
    log: () => {},
    wrap: (handler) => async (request, context) => {
      if (request.method === 'POST') {
        const body = (await request
          .clone()
          .json()
          .catch(() => null)) as { responses?: Array<{ id: string }> } | null;
        received.push((body?.responses ?? []).map((r) => r.id));
      }
      return handler(request, context);
    },
  });
  collectorPort = Number(new URL(collector.url).port);
  return collector;
}

async function cutNetwork(): Promise<void> {
  await collector?.close();
  collector = undefined;
}

async function restoreNetwork(): Promise<void> {
  received = [];
  await startCollector();
}

async function stored(surveyId: string): Promise<number> {
  return (collector as ReferenceServer).store.count(surveyId);
}

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('./page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const html =
    '<!doctype html><html lang="en"><title>Hark delivery</title><script type="module" src="/page.js"></script>';
  await startCollector();
  pageServer = await startReferenceServer({
    db: dir.file('pages.db'),
    port: 0,
    log: () => {},
    wrap: (handler) => async (request, context) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/') return new Response(html, { headers: { 'content-type': 'text/html' } });
      if (pathname === '/page.js')
        return new Response(script, { headers: { 'content-type': 'text/javascript' } });
      return handler(request, context);
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  await pageServer?.close();
});

async function open(context: BrowserContext, db: string, endpointUrl?: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'warning') console.log(`page: ${message.text()}`);
  });
  const endpoint = encodeURIComponent(
    endpointUrl ?? `http://127.0.0.1:${collectorPort}/v1/responses`,
  );
  await page.goto(`${pageServer.url}/?db=${db}&endpoint=${endpoint}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return page;
}

async function reloadPage(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('delivery end to end: real Chromium, real collector, real SQLite', () => {
  it('twenty reloads on a flaky network (every other request cut): N answers, N rows, empty outbox', async () => {
    const proxy = await startFaultProxy(`http://127.0.0.1:${collectorPort}`);
    try {
      await fetch(`${proxy.url}/__control`, {
        method: 'POST',
        body: JSON.stringify({ mode: 'flaky' }),
      });
      const context = await browser.newContext();
      const page = await open(context, 'flaky', `${proxy.url}/v1/responses`);
      for (let reload = 0; reload < 20; reload++) {
        await page.evaluate(() => hark.answer('flaky', 5));
        await reloadPage(page);
      }
      const cut = (
        (await (await fetch(`${proxy.url}/__log`)).json()) as Array<{ outcome: string }>
      ).filter((r) => r.outcome === 'cut');
      expect(cut.length).toBeGreaterThan(0);
      await fetch(`${proxy.url}/__control`, {
        method: 'POST',
        body: JSON.stringify({ mode: 'pass' }),
      });
      await waitFor(async () => (await stored('flaky')) === 100);
      await waitFor(async () => (await page.evaluate(() => hark.pending())) === 0);
      expect(await stored('flaky')).toBe(100);
      await context.close();
    } finally {
      await proxy.close();
    }
  });

  it('200 answers given offline across 3 reloads arrive as exactly 200 rows once online', async () => {
    const context = await browser.newContext();
    await cutNetwork();
    const page = await open(context, 'offline-200');
    expect(await page.evaluate(() => hark.storage())).toBe('indexeddb');
    for (let round = 0; round < 4; round++) {
      await page.evaluate(() => hark.answer('offline-200', 50));
      if (round < 3) await reloadPage(page);
    }
    expect(await page.evaluate(() => hark.pending())).toBe(200);

    await restoreNetwork();
    // No `online` event: the retry timer alone must find the collector again.
    await waitFor(async () => (await stored('offline-200')) === 200);
    await waitFor(async () => (await page.evaluate(() => hark.pending())) === 0);
    const ids = received.flat();
    expect(new Set(ids).size).toBe(200);
    expect(ids).toHaveLength(200); // nothing sent twice
    await context.close();
  });

  it('two tabs holding the same queued answers come online together: no double sends, no duplicates', async () => {
    const context = await browser.newContext();
    await cutNetwork();
    const first = await open(context, 'two-tabs');
    const second = await open(context, 'two-tabs');
    await first.evaluate(() => hark.answer('two-tabs', 60));
    await second.evaluate(() => hark.answer('two-tabs', 60));
    expect(await first.evaluate(() => hark.pending())).toBe(120);

    await restoreNetwork();
    await Promise.all([
      first.evaluate(() => hark.delivery.flush()),
      second.evaluate(() => hark.delivery.flush()),
      first.evaluate(() => window.dispatchEvent(new Event('online'))),
      second.evaluate(() => window.dispatchEvent(new Event('online'))),
    ]);
    await waitFor(async () => (await stored('two-tabs')) === 120);
    const ids = received.flat();
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(await second.evaluate(() => hark.pending())).toBe(0);
    await context.close();
  });
});
