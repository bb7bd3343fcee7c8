/**
 * Heavy-reads benchmark: do dashboard reads whose cost grows with the data stall ingestion?
 * Starts the built `hark-collector` (SQLite on its worker thread) in a child process on a temp file
 * holding 50,000 answers with 1,000-character comments, sends a steady stream of small submissions
 * and measures their latency (p50, p99, max) while the server is otherwise idle, then while three
 * `/themes` requests run at once (started again as each finishes), then while three comment
 * searches (`/comments?q=`, a text no comment holds, so every comment is read) run at once. The
 * baseline is the idle phase of the same run. Run: pnpm --filter @hark/collector bench:reads
 * [--quick] [--answers <n>]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fillSqlite } from './fill-sqlite.mjs';
import { idGenerator, responseFactory } from './fixtures.mjs';
import { startBin } from './start-bin.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    answers: { type: 'string' },
    samples: { type: 'string' },
    // Which reads to run: themes, comments or both (the default).
    reads: { type: 'string' },
    // Fill this file and stop (for profiling a read by hand).
    'fill-only': { type: 'string' },
  },
});
const ANSWERS = Number(args.answers ?? (args.quick ? 5_000 : 50_000));
/** POSTs per phase: enough for a p99 that is not just the maximum. */
const SAMPLES = Number(args.samples ?? (args.quick ? 300 : 1_500));
/** One small submission every 20 ms (50 a second), sent on schedule whatever is still in flight. */
const INTERVAL_MS = 20;
const COMMENT_LENGTH = 1_000;
const SURVEY = 'bench-reads';
const TOKEN = 'bench-admin-token-0123456789';

const dir = mkdtempSync(join(tmpdir(), 'hark-reads-bench-'));
const db = args['fill-only'] ?? join(dir, 'reads.db');

// Sentences in the benchmark's locales; a comment is random ones strung to 1,000 characters.
const SENTENCES = {
  en: [
    'The checkout asked for my address twice, otherwise fine.',
    'Could not find the invoice download link and had to ask support.',
    'Great prices, but the size guide is confusing.',
    'Delivery was quick and the parcel arrived in perfect condition.',
    'The search results page is slow on my phone.',
    'Support answered within minutes, thank you!',
    'I would love a dark mode for the dashboard.',
    'Payment failed with my credit card three times before it worked.',
  ],
  fr: [
    'Très bien, merci ! La livraison était rapide.',
    'Le paiement a échoué deux fois avant de fonctionner.',
    'Le guide des tailles est difficile à comprendre.',
  ],
  de: [
    'Alles super, gerne wieder.',
    'Die Kasse funktioniert auf dem Handy nicht richtig.',
    'Der Versand hat leider eine Woche gedauert.',
  ],
  pt: ['Entrega rápida, mas o site é lento.', 'Não consegui encontrar a fatura.'],
  zh: ['結帳頁面太慢了。', '客服回覆很快，謝謝。', '配送速度很快。'],
  ja: ['配送が速くて助かりました。', '決済ページがとても遅いです。', 'サイズ表が分かりにくい。'],
  es: ['La entrega fue rápida.', 'El pago falló varias veces.', 'Muy buena atención al cliente.'],
};

function commentMaker(seed) {
  let s = seed >>> 0;
  const random = () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 4294967296;
  };
  return (locale) => {
    const pool = SENTENCES[locale.split('-')[0]] ?? SENTENCES.en;
    let text = '';
    while (text.length < COMMENT_LENGTH) {
      text += `${pool[Math.floor(random() * pool.length)]} `;
    }
    return text.slice(0, COMMENT_LENGTH);
  };
}

/** Fills the database: one survey of long comments. */
function fill() {
  const make = responseFactory({ now: Date.now(), seed: 11, nextId: idGenerator() });
  const comment = commentMaker(5);
  fillSqlite(db, [{ surveyId: SURVEY, count: ANSWERS }], make, (r) => comment(r.locale));
}

// Submissions reuse connections, as browsers do; reads open their own.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One request over loopback: its status, body and how long it took (ms). */
function request(url, { method = 'GET', body, headers = {}, keepAlive = true } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        agent: keepAlive ? agent : false,
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers:
          body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode, text, ms: performance.now() - started }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A small submission (one answer, a short comment), as the widget sends one. */
function submissionMaker() {
  const make = responseFactory({ now: Date.now(), seed: 3, nextId: idGenerator() });
  let i = 0;
  return () => {
    const answer = make(i++);
    return JSON.stringify({ protocol: 1, responses: [{ ...answer, surveyId: 'bench-posts' }] });
  };
}

/**
 * Sends `count` submissions, one every INTERVAL_MS on a fixed schedule (a slow answer does not
 * delay the next send, so a stall shows in every request it holds up), and returns the latencies.
 */
async function postStream(server, count) {
  const submit = new URL('/v1/responses', server.url);
  const next = submissionMaker();
  const latencies = [];
  const failures = [];
  const sends = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(
      request(submit, {
        method: 'POST',
        body: next(),
        headers: { 'content-type': 'application/json' },
      }).then(
        ({ status, text, ms }) => {
          if (status === 202) latencies.push(ms);
          else failures.push(`${status} ${text.slice(0, 200)}`);
        },
        // A reset connection is a lost request to a widget (it retries later): counted, not timed.
        (error) => failures.push(error.code ?? error.message),
      ),
    );
  }
  await Promise.all(sends);
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

/**
 * Keeps `concurrency` copies of a read in flight (each started again when it finishes) until
 * `stop` resolves; returns how long each took.
 */
async function readLoad(server, pathOf, concurrency, stop) {
  let stopping = false;
  const durations = [];
  const loop = async (_, i) => {
    const path = pathOf(i);
    while (!stopping) {
      const { status, text, ms } = await request(new URL(path, server.url), {
        headers: { authorization: `Bearer ${TOKEN}` },
        keepAlive: false,
      });
      if (status !== 200) throw new Error(`${path} answered ${status}: ${text}`);
      durations.push(ms);
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  await Promise.race([stop, ...loops]);
  stopping = true;
  await Promise.all(loops);
  return durations;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary({ latencies, failures }) {
  return {
    n: latencies.length,
    failures,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
  };
}

const ms = (x) => x.toFixed(1).padStart(8);

try {
  const fillStarted = performance.now();
  fill();
  console.log(
    `filled ${ANSWERS.toLocaleString('en')} answers with ${COMMENT_LENGTH}-character comments in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
  );
  if (args['fill-only'] !== undefined) process.exit(0);
  const server = await startBin(db, TOKEN);
  try {
    // Three different queries over the same answers: the server counts identical ones once.
    const themes = (i) => `/themes?surveyId=${SURVEY}&from=2000-01-0${i + 1}T00:00:00Z`;
    const search = (i) =>
      `/comments?surveyId=${SURVEY}&q=${encodeURIComponent(`no comment says this ${i}`)}`;
    const chosen = (args.reads ?? 'themes,comments').split(',');
    const loads = [
      ['themes', '3 × /themes', themes],
      ['comments', '3 × /comments?q=', search],
    ].filter(([key]) => chosen.includes(key));
    // Warm-up: JIT, page cache, one of each read.
    await postStream(server, 50);
    for (const [, , pathOf] of loads) {
      const path = pathOf(0);
      const { status, ms: took } = await request(new URL(path, server.url), {
        headers: { authorization: `Bearer ${TOKEN}` },
        keepAlive: false,
      });
      console.log(`warm-up ${path.split('?')[0]}: ${status} in ${(took / 1000).toFixed(2)} s`);
    }

    const phases = [];
    phases.push({ name: 'idle', ...summary(await postStream(server, SAMPLES)) });
    for (const [, name, path] of loads) {
      const posts = postStream(server, SAMPLES);
      const reads = await readLoad(server, path, 3, posts);
      phases.push({
        name,
        ...summary(await posts),
        reads: reads.length,
        readMs: reads.reduce((a, b) => a + b, 0) / Math.max(1, reads.length),
      });
    }

    const [idle] = phases;
    console.log(
      `\nPOST latency, one answer every ${INTERVAL_MS} ms, ${SAMPLES} per phase (ms; ratio to idle)`,
    );
    console.log(
      'phase                 p50        p99        max   p99 ×   max ×  failed   reads done (mean s)',
    );
    for (const p of phases) {
      console.log(
        `${p.name.padEnd(18)} ${ms(p.p50)}   ${ms(p.p99)}   ${ms(p.max)}  ${(p.p99 / idle.p99).toFixed(2).padStart(5)}   ${(p.max / idle.max).toFixed(2).padStart(5)}  ${String(p.failures.length).padStart(6)}   ${p.reads === undefined ? '' : `${p.reads} (${(p.readMs / 1000).toFixed(2)})`}`,
      );
    }
    for (const p of phases) {
      if (p.failures.length > 0)
        console.log(`${p.name} failures: ${[...new Set(p.failures)].join(', ')}`);
    }
    const failed = phases.some((p) => p.failures.length > 0);
    const worst = Math.max(...phases.slice(1).flatMap((p) => [p.p99 / idle.p99, p.max / idle.max]));
    console.log(
      `\nworst ratio during reads: ${worst.toFixed(2)}× (goal: p99 and max within 2× idle) → ${worst <= 2 && !failed ? 'MET' : 'MISSED'}`,
    );
  } finally {
    server.child.kill('SIGTERM');
    agent.destroy();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
