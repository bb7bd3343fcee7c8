// Delivery benchmark (issue: "enqueue latency and flush throughput for 1,000 and 10,000 queued
// answers"). Real Chromium, real IndexedDB, the real reference collector on loopback (SQLite).
// The in-memory outbox, measured in the same run, is the baseline: the ratio is what IndexedDB
// durability costs. Long tasks (>50 ms) during each flush come from the page's PerformanceObserver.
//   pnpm --filter @hark/widget bench:delivery
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '@hark/collector/node';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const COUNTS = process.argv.includes('--quick') ? [200] : [1_000, 10_000];
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  Boolean,
);

const bundle = await build({
  entryPoints: [join(here, 'delivery-page.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  minify: true,
});
const script = bundle.outputFiles[0].text;
const html =
  '<!doctype html><html lang="en"><title>bench</title><script type="module" src="/bench.js"></script>';
const dir = mkdtempSync(join(tmpdir(), 'hark-delivery-bench-'));
const server = await startReferenceServer({
  db: join(dir, 'collector.db'),
  port: 0,
  rateLimit: 0,
  log: () => {},
  wrap: (collector) => async (request, context) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/') return new Response(html, { headers: { 'content-type': 'text/html' } });
    if (pathname === '/bench.js')
      return new Response(script, { headers: { 'content-type': 'text/javascript' } });
    return collector(request, context);
  },
});
const browser = await chromium.launch({
  executablePath: chromePath,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const results = [];
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  // Warm-up, not reported: JIT, the first connection, SQLite's first pages.
  for (const storage of ['memory', 'indexeddb']) {
    await page.evaluate(
      ([s, endpoint]) => window.bench.measure(s, endpoint, 300, 'warm-up'),
      [storage, `${server.url}/v1/responses`],
    );
  }
  for (const count of COUNTS) {
    for (const storage of ['memory', 'indexeddb']) {
      const result = await page.evaluate(
        ([s, endpoint, n, id]) => window.bench.measure(s, endpoint, n, id),
        [storage, `${server.url}/v1/responses`, count, String(Date.now())],
      );
      const stored = await server.store.count(result.surveyId);
      if (stored !== count || result.flush.pendingAfter !== 0) {
        throw new Error(
          `${storage} ${count}: stored ${stored}, pending ${result.flush.pendingAfter}`,
        );
      }
      results.push({ ...result, stored });
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `Hark delivery benchmark, ${new Date().toISOString()}, Node ${process.version}, Chromium (${chromePath})`,
);
console.log(
  'outbox      answers  enqueue/s  p50 ms  p99 ms   flush/s  long tasks (max ms)  stored',
);
for (const r of results) {
  console.log(
    `${r.storage.padEnd(10)} ${fmt(r.count).padStart(8)} ${fmt(r.enqueue.perSecond).padStart(10)} ${fmt(r.enqueue.p50Ms, 2).padStart(7)} ${fmt(r.enqueue.p99Ms, 2).padStart(7)} ${fmt(r.flush.perSecond).padStart(9)}  ${String(r.longTasks.count).padStart(3)} (${fmt(r.longTasks.maxMs)})`.padEnd(
      82,
    ) + fmt(r.stored),
  );
}
for (const count of COUNTS) {
  const memory = results.find((r) => r.count === count && r.storage === 'memory');
  const idb = results.find((r) => r.count === count && r.storage === 'indexeddb');
  console.log(
    `${fmt(count)} answers: IndexedDB / memory = ${fmt(idb.enqueue.perSecond / memory.enqueue.perSecond, 2)}x enqueue rate, ${fmt(idb.flush.perSecond / memory.flush.perSecond, 2)}x flush rate`,
  );
}
writeFileSync(
  join(here, 'delivery-results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
