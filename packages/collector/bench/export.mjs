/**
 * Export benchmark: streams 100,000 and 1,000,000 answers out of the reference server (SQLite on
 * its worker thread, the built `hark-collector` in a child process) and reports rows/s and the
 * server's peak memory. "Flat" means the peak for 1,000,000 rows is about the peak for 100,000:
 * the same-run baseline. Run: pnpm --filter @hark/collector bench:export [--quick]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fillSqlite } from './fill-sqlite.mjs';
import { idGenerator, responseFactory } from './fixtures.mjs';
import { startBin } from './start-bin.mjs';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [10_000, 50_000] : [100_000, 1_000_000];
const TOKEN = 'bench-admin-token-0123456789';

const dir = mkdtempSync(join(tmpdir(), 'hark-export-bench-'));
const db = join(dir, 'export.db');

/** Fills the database: one survey per size. */
function fill() {
  const make = responseFactory({ now: Date.now(), seed: 7, nextId: idGenerator(Date.now()) });
  fillSqlite(
    db,
    SIZES.map((size) => ({ surveyId: `bench-${size}`, count: size })),
    make,
  );
}

/** Resident memory of the server, in bytes (Linux): the bin's child, under its supervisor. */
function rss(pid) {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  const server = children === '' ? pid : children.split(' ')[0];
  const status = readFileSync(`/proc/${server}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

async function exportOnce(server, size, format) {
  const before = rss(server.child.pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(server.child.pid));
  }, 20);
  const started = performance.now();
  const response = await fetch(`${server.url}/export?surveyId=bench-${size}&format=${format}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rss(server.child.pid));
  // CSV lines end in CRLF and comments may hold line breaks (quoted): count rows from NDJSON only.
  if (format === 'ndjson' && newlines !== size)
    throw new Error(`exported ${newlines} rows, not ${size}`);
  return { size, format, seconds, rowsPerSecond: size / seconds, bytes, before, peak };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  const fillStarted = performance.now();
  fill();
  console.log(
    `filled ${SIZES.join(' + ')} answers in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
  );
  const server = await startBin(db, TOKEN);
  const results = [];
  try {
    // A small warm-up, so the first measured export does not pay for JIT and page cache alone.
    await exportOnce(server, SIZES[0], 'ndjson');
    for (const size of SIZES) results.push(await exportOnce(server, size, 'ndjson'));
    results.push(await exportOnce(server, SIZES.at(-1), 'csv'));
  } finally {
    server.child.kill('SIGTERM');
  }
  console.log('\nrows      format   rows/s     MB out   server RSS before → peak   (growth)');
  for (const r of results) {
    console.log(
      `${r.size.toLocaleString('en').padEnd(9)} ${r.format.padEnd(8)} ${Math.round(r.rowsPerSecond).toLocaleString('en').padStart(8)}   ${mb(r.bytes).padStart(9)}   ${mb(r.before).padStart(9)} → ${mb(r.peak).padEnd(9)} (+${mb(r.peak - r.before)})`,
    );
  }
  const [small, large] = results;
  const ratio = (large.peak - large.before) / Math.max(1, small.peak - small.before);
  console.log(
    `\npeak growth for ${large.size.toLocaleString('en')} rows vs ${small.size.toLocaleString('en')} (same run): ${ratio.toFixed(2)}× for ${large.size / small.size}× the rows`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
