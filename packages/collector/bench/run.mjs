/**
 * Hark collector benchmark: validation throughput against zod 4, and durable ingestion over
 * loopback against a bare node:http server, each measured against its baseline in the same run.
 * See README.md in this folder. Usage (after `tsc -p .`):
 *
 *   node bench/run.mjs            full run (~1.5 min), writes bench/results.json
 *   node bench/run.mjs --enforce  same, and exit 1 when a budget is missed
 *   node bench/run.mjs --quick    smoke test of the harness (~20 s), writes nothing
 *
 * Exit codes: 0 done (budgets are reported, not enforced); 1 harness or correctness failure
 * (a validator disagrees with the input, a request failed, stored rows != acknowledged answers),
 * or a missed budget under --enforce.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  createCollector,
  openSqliteStore,
  openSqliteStoreInWorker,
  validateSubmission,
} from '../dist/index.js';
import { serve } from '../dist/node/index.js';
import { responseFactory, submissionOf } from './fixtures.mjs';
import { zodCompiledSubmissionSchema, zodSubmissionSchema } from './zod-schema.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const ENFORCE = args.has('--enforce');
const QUICK = args.has('--quick');

const BUDGETS = {
  validationPerSecond: 2_000_000,
  validationVsZod: 5,
  ingestionVsBare: 0.5,
};

const VALIDATION = {
  batch: 100, // responses per validated submission
  poolBatches: 64, // distinct batches cycled through (6,400 answers, all ids distinct)
  warmupMs: QUICK ? 150 : 1000, // per case, before the first round
  rounds: QUICK ? 3 : 9,
  roundMs: QUICK ? 100 : 300, // per case per round
};

const INGESTION = {
  concurrency: 32,
  perBody: 10,
  warmupMs: QUICK ? 500 : 1500,
  durationMs: QUICK ? 1500 : 5000,
  rounds: QUICK ? 1 : 3, // each round runs the bare server then Hark (order alternates)
  maxRequests: 2_000_000,
  origin: 'https://shop.example',
};

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const log = (line = '') => process.stdout.write(`${line}\n`);

class HarnessError extends Error {}

// ---------------------------------------------------------------------------------------------
// 1. Validation throughput
// ---------------------------------------------------------------------------------------------

/** Three mistakes a real client makes, in every invalid batch: each must be reported. */
function spoil(submission, b) {
  const responses = submission.responses;
  const csat = responses.findIndex((r, i) => i >= b % 30 && r.kind === 'csat');
  responses[csat].score = 6; // in range for NPS, not for CSAT: needs the discriminated union
  const upper = responses[(b + 40) % 100];
  upper.id = `0193A9B4-5C2E-7D1F-8A3B-${upper.id.slice(-12)}`; // ids must be lowercase
  responses[(b + 70) % 100].rating = 5; // unknown field
  return submission;
}

function validationCases(now) {
  const make = responseFactory({ now, seed: 42 });
  const valid = [];
  const validJson = [];
  const invalid = [];
  for (let b = 0; b < VALIDATION.poolBatches; b++) {
    const json = JSON.stringify(submissionOf(make, b * VALIDATION.batch, VALIDATION.batch));
    validJson.push(json);
    // Parsed from JSON, as the collector receives them: fresh objects, no shared sub-objects.
    valid.push(JSON.parse(json));
  }
  for (let b = 0; b < VALIDATION.poolBatches; b++) {
    invalid.push(spoil(JSON.parse(JSON.stringify(submissionOf(make, 0, VALIDATION.batch))), b));
  }

  const zod = zodSubmissionSchema(now);
  const zodCompiled = zodCompiledSubmissionSchema(now);
  const options = { now };
  const cases = [
    {
      key: 'json',
      label: 'JSON.parse only (for scale)',
      pool: validJson,
      run: (s) => (JSON.parse(s).protocol === 1 ? 1 : 0),
    },
    {
      key: 'hark',
      label: 'Hark validateSubmission',
      pool: valid,
      run: (s) => (validateSubmission(s, options).ok ? 1 : 0),
    },
    {
      key: 'zod',
      label: 'zod 4 safeParse',
      pool: valid,
      run: (s) => (zod.safeParse(s).success ? 1 : 0),
    },
    {
      key: 'harkInvalid',
      label: 'Hark validateSubmission',
      pool: invalid,
      invalid: true,
      run: (s) => (validateSubmission(s, options).ok ? 0 : 1),
    },
    {
      key: 'zodInvalid',
      label: 'zod 4 safeParse',
      pool: invalid,
      invalid: true,
      run: (s) => (zod.safeParse(s).success ? 0 : 1),
    },
  ];
  if (zodCompiled.schema !== undefined) {
    const compiled = zodCompiled.schema;
    cases.splice(3, 0, {
      key: 'zodCompiled',
      label: 'zod 4 z.compile safeParse',
      pool: valid,
      run: (s) => (compiled.safeParse(s).success ? 1 : 0),
    });
    cases.push({
      key: 'zodCompiledInvalid',
      label: 'zod 4 z.compile safeParse',
      pool: invalid,
      invalid: true,
      run: (s) => (compiled.safeParse(s).success ? 0 : 1),
    });
  }

  // The benchmark means nothing if the validators disagree with the input or with each other.
  for (const c of cases) {
    c.pool.forEach((input, i) => {
      if (c.run(input) !== 1) {
        throw new HarnessError(`${c.label} ${c.invalid ? 'accepted' : 'rejected'} batch ${i}`);
      }
    });
  }
  for (const [i, input] of invalid.entries()) {
    const result = validateSubmission(input, options);
    const codes = result.ok ? [] : result.issues.map((issue) => issue.code).sort();
    if (codes.join() !== 'invalid_format,out_of_range,unknown_field') {
      throw new HarnessError(`Hark reported [${codes}] for invalid batch ${i}`);
    }
    const zodIssues = zod.safeParse(input).error?.issues.length ?? 0;
    if (zodIssues !== 3) throw new HarnessError(`zod reported ${zodIssues} issues for batch ${i}`);
  }
  return { cases, zodCompileRefusal: zodCompiled.refusal };
}

/** Runs `c` for about `ms` and returns responses validated per second. */
function measure(c, ms) {
  const { pool, run } = c;
  const size = pool.length;
  let n = 0;
  let good = 0;
  const start = performance.now();
  const end = start + ms;
  let now = start;
  while (now < end) {
    for (let k = 0; k < 4; k++) good += run(pool[n++ % size]);
    now = performance.now();
  }
  if (good !== n)
    throw new HarnessError(`${c.label}: ${n - good} of ${n} batches gave a wrong answer`);
  return (n * VALIDATION.batch) / ((now - start) / 1000);
}

function benchValidation() {
  const now = Date.now();
  const { cases, zodCompileRefusal } = validationCases(now);
  log(
    `Validation: ${cases.length} cases, ${VALIDATION.rounds} rounds of ${VALIDATION.roundMs} ms each (after ${VALIDATION.warmupMs} ms warm-up)`,
  );
  for (const c of cases) measure(c, VALIDATION.warmupMs);
  const samples = Object.fromEntries(cases.map((c) => [c.key, []]));
  for (let round = 0; round < VALIDATION.rounds; round++) {
    // Alternate the order so drift in machine load does not favour one case.
    const order = round % 2 === 0 ? cases : [...cases].reverse();
    for (const c of order) samples[c.key].push(measure(c, VALIDATION.roundMs));
    process.stdout.write('.');
  }
  log();
  const results = {};
  for (const c of cases) {
    const s = samples[c.key];
    results[c.key] = {
      label: c.label,
      input: c.invalid ? 'invalid' : 'valid',
      medianPerSecond: median(s),
      minPerSecond: Math.min(...s),
      maxPerSecond: Math.max(...s),
      rounds: s,
    };
  }
  // Ratios per round (both measured within a second of each other), then their median.
  const ratio = (a, b) => {
    if (samples[a] === undefined || samples[b] === undefined) return undefined;
    const perRound = samples[a].map((x, i) => x / samples[b][i]);
    return { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) };
  };
  return {
    settings: VALIDATION,
    cases: results,
    ratios: {
      harkVsZod: ratio('hark', 'zod'),
      harkVsZodCompiled: ratio('hark', 'zodCompiled'),
      harkVsJsonParse: ratio('hark', 'json'),
      harkVsZodInvalid: ratio('harkInvalid', 'zodInvalid'),
      harkVsZodCompiledInvalid: ratio('harkInvalid', 'zodCompiledInvalid'),
    },
    zodCompileRefusal,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Ingestion over loopback
// ---------------------------------------------------------------------------------------------

/** The baseline: read the body, JSON.parse it, answer 202. No validation, CORS or storage. */
function startBareServer() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let count;
      try {
        count = JSON.parse(Buffer.concat(chunks).toString('utf8')).responses.length;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const body = `{"accepted":${count}}`;
      res.writeHead(202, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/v1/responses`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Forks load.mjs against `url`; measures this (the server's) process over the same window. */
function runLoad(url) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(HERE, 'load.mjs'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const limit = setTimeout(
      () => {
        child.kill();
        reject(new HarnessError('the load generator did not finish in time'));
      },
      INGESTION.warmupMs + INGESTION.durationMs + 60_000,
    );
    let cpu;
    let elu;
    let server;
    let result;
    child.on('message', (message) => {
      if (message.type === 'window-start') {
        cpu = process.cpuUsage();
        elu = performance.eventLoopUtilization();
      } else if (message.type === 'window-end') {
        const used = process.cpuUsage(cpu);
        server = {
          cpu: (used.user + used.system) / 1000 / INGESTION.durationMs,
          eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
        };
      } else if (message.type === 'result') {
        result = message;
      } else if (message.type === 'error') {
        reject(new HarnessError(`load generator: ${message.message}`));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(limit);
      if (result === undefined) reject(new HarnessError(`load generator exited with ${code}`));
      else {
        const { type: _type, ...measured } = result;
        resolve({ ...measured, server });
      }
    });
    child.send({
      url,
      origin: INGESTION.origin,
      concurrency: INGESTION.concurrency,
      warmupMs: INGESTION.warmupMs,
      durationMs: INGESTION.durationMs,
      perBody: INGESTION.perBody,
      maxRequests: INGESTION.maxRequests,
    });
  });
}

async function benchIngestion() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hark-bench-'));
  const dbPath = path.join(dir, 'responses.db');
  log(
    `Ingestion: C=${INGESTION.concurrency}, ${INGESTION.perBody} answers per request, ${INGESTION.rounds} round(s) of ${INGESTION.warmupMs} ms warm-up + ${INGESTION.durationMs} ms per server; SQLite at ${dbPath}`,
  );
  try {
    // The store as the reference server runs it: SQLite on its own thread.
    const store = await openSqliteStoreInWorker({ path: dbPath });
    const hark = await serve(createCollector({ store, allowedOrigins: [INGESTION.origin] }), {
      port: 0,
      host: '127.0.0.1',
    });
    const bare = await startBareServer();
    const servers = { bare: { url: bare.url }, hark: { url: `${hark.url}/v1/responses` } };
    const runs = { bare: [], hark: [] };
    try {
      for (let round = 0; round < INGESTION.rounds; round++) {
        const order = round % 2 === 0 ? ['bare', 'hark'] : ['hark', 'bare'];
        for (const name of order) {
          const result = await runLoad(servers[name].url);
          runs[name].push(result);
          log(
            `  round ${round + 1} ${name.padEnd(4)} ${fmt(result.requestsPerSecond).padStart(8)} req/s  ${fmt(result.responsesPerSecond).padStart(9)} answers/s  p99 ${fmt(result.latencyMs.p99, 1)} ms`,
          );
          if (result.errors > 0) {
            throw new HarnessError(
              `${name}: ${result.errors} requests failed (${JSON.stringify(result.statuses)}): ${result.failures.join(' | ')}`,
            );
          }
        }
      }
    } finally {
      await hark.close();
      await bare.close();
      await store.close();
    }

    // Every acknowledged answer must be in the database, once.
    const acknowledged = runs.hark.reduce((sum, r) => sum + r.totalAcked, 0);
    const duplicates = runs.hark.reduce((sum, r) => sum + r.totalDuplicates, 0);
    const reopened = openSqliteStore({ path: dbPath });
    const rows = await reopened.count();
    await reopened.close();
    const db = new Database(dbPath, { readonly: true });
    const journalMode = db.pragma('journal_mode', { simple: true });
    db.close();

    const summarise = (list) => ({
      requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
      responsesPerSecond: median(list.map((r) => r.responsesPerSecond)),
      latencyMs: {
        p50: median(list.map((r) => r.latencyMs.p50)),
        p99: median(list.map((r) => r.latencyMs.p99)),
      },
      serverCpu: median(list.map((r) => r.server.cpu)),
      serverEventLoopUtilization: median(list.map((r) => r.server.eventLoopUtilization)),
      clientCpu: median(list.map((r) => r.clientCpu)),
      runs: list,
    });
    const bareSummary = summarise(runs.bare);
    const harkSummary = summarise(runs.hark);
    const perRound = runs.hark.map(
      (r, i) => r.responsesPerSecond / runs.bare[i].responsesPerSecond,
    );
    return {
      settings: INGESTION,
      bare: bareSummary,
      hark: harkSummary,
      // Like the validation ratios: per round (the two servers measured back to back), then the
      // median of those; the ratio of the medians is kept for reference.
      ratio: {
        median: median(perRound),
        perRound,
        ofMedians: harkSummary.responsesPerSecond / bareSummary.responsesPerSecond,
      },
      storage: { path: dbPath, journalMode, rows, acknowledged, duplicates },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Report
// ---------------------------------------------------------------------------------------------

function table(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) =>
          col === 0 ? String(cell).padEnd(widths[col]) : String(cell).padStart(widths[col]),
        )
        .join('   '),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

function report(validation, ingestion) {
  const v = validation.cases;
  const r = validation.ratios;
  const x = (ratio) => (ratio === undefined ? '' : `${ratio.median.toFixed(2)}x`);
  const range = (c) => `${fmt(c.minPerSecond)} - ${fmt(c.maxPerSecond)}`;
  const row = (c, ratio) => [c.label, fmt(c.medianPerSecond), range(c), ratio];

  log();
  log(
    `Validation, one core, batches of ${VALIDATION.batch} answers (median of ${VALIDATION.rounds} rounds)`,
  );
  const validRows = [['valid, complete answers', 'answers/s', 'min - max', 'Hark is']];
  validRows.push(row(v.json, r.harkVsJsonParse ? `${x(r.harkVsJsonParse)} of it` : ''));
  validRows.push(row(v.hark, ''));
  validRows.push(row(v.zod, `${x(r.harkVsZod)} it`));
  if (v.zodCompiled) validRows.push(row(v.zodCompiled, `${x(r.harkVsZodCompiled)} it`));
  log(table(validRows));
  log();
  const invalidRows = [['3 errors per batch', 'answers/s', 'min - max', 'Hark is']];
  invalidRows.push(row(v.harkInvalid, ''));
  invalidRows.push(row(v.zodInvalid, `${x(r.harkVsZodInvalid)} it`));
  if (v.zodCompiledInvalid) {
    invalidRows.push(row(v.zodCompiledInvalid, `${x(r.harkVsZodCompiledInvalid)} it`));
  }
  log(table(invalidRows));
  if (validation.zodCompileRefusal)
    log(`  (z.compile refused the schema: ${validation.zodCompileRefusal})`);

  log();
  log(
    `Ingestion over loopback, C=${INGESTION.concurrency}, ${INGESTION.perBody} answers per request (median of ${INGESTION.rounds} x ${INGESTION.durationMs / 1000} s)`,
  );
  const ingestRow = (name, s) => [
    name,
    fmt(s.requestsPerSecond),
    fmt(s.responsesPerSecond),
    fmt(s.latencyMs.p50, 1),
    fmt(s.latencyMs.p99, 1),
    `${Math.round(s.serverCpu * 100)}%`,
    `${Math.round(s.serverEventLoopUtilization * 100)}%`,
    `${Math.round(s.clientCpu * 100)}%`,
  ];
  log(
    table([
      [
        'server',
        'req/s',
        'answers/s',
        'p50 ms',
        'p99 ms',
        'server CPU',
        'server ELU',
        'client CPU',
      ],
      ingestRow('bare node:http + JSON.parse', ingestion.bare),
      ingestRow('Hark collector + SQLite (WAL, FULL)', ingestion.hark),
    ]),
  );
  log(
    `  Hark / bare: ${ingestion.ratio.median.toFixed(2)} (per round: ${ingestion.ratio.perRound.map((n) => n.toFixed(2)).join(', ')})`,
  );
  if (ingestion.bare.clientCpu > 0.9) {
    log(
      '  Note: the load generator used a full core against the bare server, so that baseline is a lower bound and the ratio flatters Hark.',
    );
  }
  const s = ingestion.storage;
  log(
    `  Stored rows: ${fmt(s.rows)}; acknowledged answers: ${fmt(s.acknowledged)}; duplicates: ${s.duplicates}; journal_mode=${s.journalMode}`,
  );
}

function verdicts(validation, ingestion) {
  const hark = validation.cases.hark.medianPerSecond;
  const list = [
    {
      budget: `validation >= ${fmt(BUDGETS.validationPerSecond)} answers/s on one core`,
      value: hark,
      pass: hark >= BUDGETS.validationPerSecond,
      detail: `${fmt(hark)} answers/s (${(hark / BUDGETS.validationPerSecond).toFixed(2)}x the budget)`,
    },
    {
      budget: `validation >= ${BUDGETS.validationVsZod}x zod 4 (safeParse)`,
      value: validation.ratios.harkVsZod.median,
      pass: validation.ratios.harkVsZod.median >= BUDGETS.validationVsZod,
      detail: `${validation.ratios.harkVsZod.median.toFixed(2)}x`,
    },
  ];
  if (validation.ratios.harkVsZodCompiled !== undefined) {
    const ratio = validation.ratios.harkVsZodCompiled.median;
    list.push({
      budget: `validation >= ${BUDGETS.validationVsZod}x zod 4 (z.compile, its fastest mode)`,
      value: ratio,
      pass: ratio >= BUDGETS.validationVsZod,
      detail: `${ratio.toFixed(2)}x`,
    });
  }
  list.push({
    budget: `ingestion >= ${BUDGETS.ingestionVsBare}x bare node:http + JSON.parse`,
    value: ingestion.ratio.median,
    pass: ingestion.ratio.median >= BUDGETS.ingestionVsBare,
    detail: `${ingestion.ratio.median.toFixed(2)}x (${fmt(ingestion.hark.responsesPerSecond)} vs ${fmt(ingestion.bare.responsesPerSecond)} answers/s)`,
  });
  return list;
}

/**
 * JSON laid out the way the repository's formatter (Biome) lays it out, so a fresh results.json
 * passes `biome check`: objects expanded, arrays of numbers on one line or filled to 100 columns.
 */
function formatJson(value, indent = '', prefix = indent) {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
    const flat = `[${value.join(', ')}]`;
    if (prefix.length + flat.length + 1 <= 100) return prefix + flat;
    const lines = [];
    let line = '';
    value.forEach((item, i) => {
      const piece = i < value.length - 1 ? `${item},` : String(item);
      if (line === '') line = inner + piece;
      else if (line.length + 1 + piece.length <= 100) line += ` ${piece}`;
      else {
        lines.push(line);
        line = inner + piece;
      }
    });
    lines.push(line);
    return `${prefix}[\n${lines.join('\n')}\n${indent}]`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return `${prefix}[]`;
    return `${prefix}[\n${value.map((v) => formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return `${prefix}{}`;
    const body = entries.map(([k, v]) => formatJson(v, inner, `${inner}${JSON.stringify(k)}: `));
    return `${prefix}{\n${body.join(',\n')}\n${indent}}`;
  }
  return prefix + JSON.stringify(value);
}

async function main() {
  const started = Date.now();
  const machine = {
    date: new Date(started).toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
  log(
    `Hark collector benchmark${QUICK ? ' (--quick: smoke test, figures not meaningful)' : ''}: ${machine.date}, Node ${machine.node}, ${machine.cores} x ${machine.cpu}, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  const validation = benchValidation();
  const ingestion = await benchIngestion();
  report(validation, ingestion);

  const budgets = verdicts(validation, ingestion);
  log();
  log('Budgets (docs: /work/shared/DESIGN.md "Budgets"; bench/README.md)');
  for (const b of budgets) log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.budget}: ${b.detail}`);

  const storage = ingestion.storage;
  const consistent = storage.rows === storage.acknowledged && storage.duplicates === 0;
  log(
    `  ${consistent ? 'OK  ' : 'FAIL'}  stored rows (${fmt(storage.rows)}) == acknowledged answers (${fmt(storage.acknowledged)})`,
  );

  const seconds = (Date.now() - started) / 1000;
  const results = { machine, durationSeconds: seconds, validation, ingestion, budgets, consistent };
  if (QUICK) log('\n--quick: results.json not written.');
  else {
    writeFileSync(path.join(HERE, 'results.json'), `${formatJson(results)}\n`);
    log(`\nWrote bench/results.json (${seconds.toFixed(0)} s).`);
  }

  if (!consistent) {
    log(
      'Stored rows do not match acknowledged answers: acknowledged answers were lost or doubled.',
    );
    process.exitCode = 1;
  } else if (ENFORCE && budgets.some((b) => !b.pass)) {
    log('--enforce: a budget was missed.');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench failed: ${error instanceof HarnessError ? error.message : error?.stack}\n`,
  );
  process.exitCode = 1;
});
