/**
 * Load generator for the ingestion benchmark, run by run.mjs in its own process (fork, with IPC)
 * so that it never shares an event loop or a core's time slice accounting with the server.
 *
 * Closed loop: `concurrency` workers, each with one request in flight on a keep-alive connection,
 * POST bodies of `perBody` complete answers with fresh ids. After `warmupMs` it measures for
 * `durationMs`, then stops issuing requests, waits for the ones in flight and reports. It only
 * ever talks to 127.0.0.1 and gives up after `maxRequests` requests or a hard time limit.
 *
 * Messages to the parent: { type: 'window-start' }, { type: 'window-end' }, { type: 'result', ... }
 * or { type: 'error', message }.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { idGenerator, responseFactory, submissionOf } from './fixtures.mjs';

const ID_PLACEHOLDER = '"__HARK_BENCH_ID__"';
const TEMPLATES = 64;

process.once('message', (config) => {
  run(config).then(
    (result) => process.send({ type: 'result', ...result }, () => process.disconnect()),
    (error) => {
      process.send({ type: 'error', message: String(error?.stack ?? error) }, () =>
        process.exit(1),
      );
    },
  );
});

/**
 * Request bodies: 64 templates of `perBody` varied, valid answers, serialised once and split
 * around their ids, so a fresh body costs the client a few string concatenations.
 */
function bodyMaker(perBody) {
  const make = responseFactory({
    now: Date.now(),
    seed: process.pid,
    nextId: () => '__HARK_BENCH_ID__',
  });
  const templates = [];
  for (let t = 0; t < TEMPLATES; t++) {
    templates.push(JSON.stringify(submissionOf(make, t * perBody, perBody)).split(ID_PLACEHOLDER));
  }
  const nextId = idGenerator();
  let n = 0;
  return () => {
    const parts = templates[n++ % TEMPLATES];
    let body = parts[0];
    for (let i = 1; i < parts.length; i++) body += `"${nextId()}"${parts[i]}`;
    return body;
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run({ url, origin, concurrency, warmupMs, durationMs, perBody, maxRequests }) {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${target.host}: 127.0.0.1 only`);
  const hardLimit = setTimeout(
    () => {
      process.send({ type: 'error', message: 'load generator exceeded its time limit' }, () =>
        process.exit(2),
      );
    },
    warmupMs + durationMs + 30_000,
  );
  hardLimit.unref();

  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const nextBody = bodyMaker(perBody);
  const base = {
    agent,
    host: '127.0.0.1',
    port: Number(target.port),
    path: target.pathname,
    method: 'POST',
  };

  const post = (body) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        {
          ...base,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            origin,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode, text }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  const start = performance.now();
  const windowStart = start + warmupMs;
  const windowEnd = windowStart + durationMs;
  let stopping = false;
  let cpuAtStart;
  let cpuAtEnd;
  setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    process.send({ type: 'window-start' });
  }, warmupMs);
  setTimeout(() => {
    cpuAtEnd = process.cpuUsage(cpuAtStart);
    stopping = true;
    process.send({ type: 'window-end' });
  }, warmupMs + durationMs);

  let sent = 0;
  let totalRequests = 0;
  let totalAcked = 0;
  let totalStored = 0;
  let totalDuplicates = 0;
  let windowRequests = 0;
  let windowResponses = 0;
  let errors = 0;
  const statuses = {};
  const latencies = [];
  const failures = [];

  async function worker() {
    while (!stopping && sent < maxRequests) {
      sent += 1;
      const body = nextBody();
      const begin = performance.now();
      let status = 0;
      let acked = 0;
      try {
        const response = await post(body);
        status = response.status;
        if (status === 202) {
          const answer = JSON.parse(response.text);
          acked = typeof answer.accepted === 'number' ? answer.accepted : answer.accepted.length;
          totalStored += answer.stored ?? acked;
          totalDuplicates += Array.isArray(answer.duplicates) ? answer.duplicates.length : 0;
        } else if (failures.length < 3) {
          failures.push(`${status} ${response.text.slice(0, 300)}`);
        }
      } catch (error) {
        if (failures.length < 3) failures.push(String(error));
      }
      const end = performance.now();
      totalRequests += 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 202) errors += 1;
      totalAcked += acked;
      if (end >= windowStart && end < windowEnd) {
        windowRequests += 1;
        windowResponses += acked;
        latencies.push(end - begin);
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  clearTimeout(hardLimit);
  latencies.sort((a, b) => a - b);
  const seconds = durationMs / 1000;
  return {
    requestsPerSecond: windowRequests / seconds,
    responsesPerSecond: windowResponses / seconds,
    windowRequests,
    windowResponses,
    totalRequests,
    totalAcked,
    totalStored,
    totalDuplicates,
    errors,
    statuses,
    failures,
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    clientCpu: cpuAtEnd === undefined ? 0 : (cpuAtEnd.user + cpuAtEnd.system) / 1000 / durationMs,
    hitRequestCap: sent >= maxRequests,
  };
}
