// Runs inside Chromium for bench/delivery.mjs: measures the outbox and the flush in the page.
import { Delivery, fetchTransport, toResponse } from '../src/delivery/index.js';

interface LongTask {
  readonly duration: number;
}

const longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ duration: entry.duration });
}).observe({ type: 'longtask', buffered: false });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(
  storage: 'indexeddb' | 'memory',
  endpoint: string,
  count: number,
  runId: string,
) {
  const name = `bench-${storage}-${count}-${runId}`;
  // Offline first (every send fails at once), so everything queues; then the real collector.
  let online = false;
  let clockAhead = 0;
  const sendMs: number[] = [];
  const transport = fetchTransport({ endpoint });
  const delivery = await Delivery.create({
    name,
    retry: { baseMs: 3_600_000, capMs: 3_600_000 },
    send: async (responses, options) => {
      if (!online) return { kind: 'retry', reason: 'offline' };
      const t0 = performance.now();
      const outcome = await transport(responses, options);
      sendMs.push(performance.now() - t0);
      return outcome;
    },
    ...(storage === 'memory' ? { outbox: 'memory' as const } : {}),
    maxQueued: 100_000,
    now: () => Date.now() + clockAhead,
  });
  const surveyId = `bench-${storage}-${count}-${runId}`;
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await delivery.enqueue(toResponse({ surveyId, kind: 'nps', score: i % 11 }));
    latencies.push(performance.now() - t0);
  }
  const enqueueMs = performance.now() - started;
  await delivery.flush(); // the offline attempts have all settled
  online = true;
  clockAhead = 7_200_000; // every backoff (an hour) has passed: everything is due
  longTasks.length = 0;
  const flushStart = performance.now();
  await delivery.flush();
  const flushMs = performance.now() - flushStart;
  const pending = await delivery.pending();
  indexedDB.deleteDatabase(name);
  return {
    storage,
    count,
    surveyId,
    enqueue: {
      totalMs: enqueueMs,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      perSecond: count / (enqueueMs / 1000),
    },
    flush: { totalMs: flushMs, perSecond: count / (flushMs / 1000), pendingAfter: pending, sendMs },
    longTasks: { count: longTasks.length, maxMs: Math.max(0, ...longTasks.map((t) => t.duration)) },
  };
}

(window as unknown as { bench: unknown }).bench = { measure };
document.body.dataset.ready = 'true';
