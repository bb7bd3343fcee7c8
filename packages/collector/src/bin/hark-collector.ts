#!/usr/bin/env node
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isDateTime, UUID_PATTERN, VISITOR_ID_PATTERN } from '@hark/protocol';
import type { AlertRule } from '../alerts/alert-rule.js';
import { checkAlertRules } from '../alerts/check-alert-rules.js';
import { exportChunks } from '../export/export-rows.js';
import { startReferenceServer } from '../node/reference-server.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { superviseServer } from './supervise.js';

const USAGE = `Usage: hark-collector [options]
       hark-collector erase (--response <id> | --visitor <visitorId>) [--db <file> | --postgres <url>]
       hark-collector export --survey <id> [--format csv|ndjson] [--from <date>] [--to <date>]
                             [--out <file>] [--db <file> | --postgres <url>]

Receives Hark survey answers on POST /v1/responses and serves results on GET /results.
\`erase\` deletes one answer, or every answer of an anonymous visitor, and remembers the erasure so
that a late re-send is not stored again. \`export\` streams a survey's answers (CSV by default,
formulas neutralised) to a file or standard output, with progress on a terminal.

Options:
  --db <file>              SQLite database file (default: ./hark.db)
  --postgres <url>         PostgreSQL connection string (instead of SQLite)
  --port <n>               port to listen on (default: 8787; 0 picks a free one)
  --host <address>         address to listen on (default: 127.0.0.1)
  --allow-origin <origin>  a site that may submit, e.g. https://shop.example; repeat, or * for any
  --public-url <url>       a public address it is reached at, e.g. https://hark.example behind a
                           proxy; repeat. Other Host names than these, localhost and IP
                           addresses get 421 (DNS rebinding)
  --admin-token <token>    token that reading and erasing answers requires (or env
                           HARK_ADMIN_TOKEN); without one, only on loopback, through localhost
  --rate-limit <n>         submissions per second per client address (default: 60; 0: off)
  --retain-days <n>        delete answers given more than n days ago (at start, then hourly)
  --alerts <file>          webhook rules (JSON array), delivered signed through a durable outbox
  -h, --help               show this help
  -v, --version            print the version
`;

function fail(message: string): never {
  process.stderr.write(`hark-collector: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      db: { type: 'string' },
      postgres: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      'public-url': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'retain-days': { type: 'string' },
      alerts: { type: 'string' },
      response: { type: 'string' },
      visitor: { type: 'string' },
      survey: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: true,
  });
}
let command: string | undefined;
try {
  const parsed = parse();
  values = parsed.values;
  const name = parsed.positionals[0];
  if (
    parsed.positionals.length > 1 ||
    (name !== undefined && name !== 'erase' && name !== 'export')
  )
    fail(`unknown command "${parsed.positionals.join(' ')}"`);
  command = parsed.positionals[0];
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.version) {
  const manifest = new URL('../../package.json', import.meta.url);
  process.stdout.write(
    `${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}\n`,
  );
  process.exit(0);
}
if (values.db !== undefined && values.postgres !== undefined)
  fail('use either --db or --postgres, not both');
if (command === 'erase') await erase();
if (command === 'export') await exportAnswers();
else if (values.response !== undefined || values.visitor !== undefined)
  fail('--response and --visitor go with the erase command');
else if (
  [values.survey, values.format, values.from, values.to, values.out].some((v) => v !== undefined)
)
  fail('--survey, --format, --from, --to and --out go with the export command');
const port = values.port === undefined ? 8787 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
const rateLimit = values['rate-limit'] === undefined ? 60 : Number(values['rate-limit']);
if (!Number.isInteger(rateLimit) || rateLimit < 0) {
  fail(
    `--rate-limit must be a whole number of submissions per second, not "${values['rate-limit']}"`,
  );
}
const origins = (values['allow-origin'] ?? [])
  .flatMap((o) => o.split(','))
  .map((o) => o.trim())
  .filter(Boolean);
// An empty --admin-token is a mistake (`--admin-token "$UNSET"`); an empty variable means none.
if (values['admin-token'] === '')
  fail(
    '--admin-token is empty (an unset shell variable?); leave it out, or give at least 16 characters',
  );
const adminToken = values['admin-token'] ?? process.env.HARK_ADMIN_TOKEN;
const publicUrls = values['public-url'] ?? [];
for (const url of publicUrls) {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    fail(`--public-url must be an http(s) URL like https://hark.example, not "${url}"`);
}
const alerts = values.alerts === undefined ? undefined : readAlerts(values.alerts);
// The dashboard: in the workspace, as last built (packages/dashboard/dist); installed, the copy
// packed into this package (dist/dashboard).
const dashboard = ['../../../dashboard/dist', '../dashboard']
  .map((path) => fileURLToPath(new URL(path, import.meta.url)))
  .find((dir) => existsSync(join(dir, 'index.html')));
const retainDays = values['retain-days'] === undefined ? undefined : Number(values['retain-days']);
if (retainDays !== undefined && !(Number.isFinite(retainDays) && retainDays > 0))
  fail(`--retain-days must be a positive number of days, not "${values['retain-days']}"`);

// A SIGBUS or SIGSEGV ends a process before any JavaScript runs: a parent stays to log it.
await superviseServer((line) => process.stderr.write(`${line}\n`));

try {
  const server = await startReferenceServer({
    port,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(values.postgres === undefined ? {} : { postgres: values.postgres }),
    allowedOrigins: origins.includes('*') ? '*' : origins,
    allowedHosts: publicUrls,
    rateLimit,
    ...(retainDays === undefined ? {} : { retainDays }),
    ...(alerts === undefined ? {} : { alerts }),
    ...(dashboard === undefined ? {} : { dashboard }),
    ...(adminToken === undefined || adminToken === '' ? {} : { adminToken }),
  });
  // A Ctrl-C or a service manager signals every process of the group or cgroup, and the
  // supervisor forwards its own copy too: a second signal must not kill a close under way.
  // Installed before the start-up line, so whoever waits for that line may stop us at once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  const store = values.postgres === undefined ? `SQLite ${values.db ?? 'hark.db'}` : 'PostgreSQL';
  console.log(
    `hark-collector: listening on ${server.url} (${store}); POST ${server.url}/v1/responses`,
  );
  if (server.dashboardUrl !== undefined)
    console.log(`hark-collector: dashboard at ${server.dashboardUrl}`);
} catch (error) {
  process.stderr.write(
    `hark-collector: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

/** `hark-collector erase`: erases in the database directly (the server may be running). */
async function erase(): Promise<never> {
  const { response, visitor } = values;
  if ((response === undefined) === (visitor === undefined))
    fail('erase needs exactly one of --response <id> or --visitor <visitorId>');
  if (response !== undefined && !new RegExp(UUID_PATTERN).test(response))
    fail(`--response must be a response id (a UUID), not "${response}"`);
  if (visitor !== undefined && !new RegExp(VISITOR_ID_PATTERN).test(visitor))
    fail(`--visitor must be a visitor id (8 to 64 letters, digits, "_" or "-"), not "${visitor}"`);
  try {
    const store = await openStore('erase');
    try {
      const target =
        response !== undefined ? { responseId: response } : { visitorId: visitor as string };
      const erased = await store.erase(target, new Date());
      const what = response !== undefined ? `answer ${response}` : `visitor ${visitor}`;
      console.log(
        `hark-collector: erased ${erased} stored answer${erased === 1 ? '' : 's'} of ${what}; a re-send will not be stored.`,
      );
    } finally {
      await store.close();
    }
    process.exit(0);
  } catch (error) {
    process.stderr.write(
      `hark-collector: cannot erase: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

/** Opens the store that `erase` and `export` work on; a SQLite file must be there already. */
function openStore(command: 'erase' | 'export') {
  if (values.postgres !== undefined)
    return openPostgresStore({ connectionString: values.postgres });
  const path = values.db ?? 'hark.db';
  // Opening would create an empty database, and "0 answers" would hide a mistyped path.
  if (!existsSync(path)) {
    process.stderr.write(
      `hark-collector: cannot ${command}: there is no database at ${path}; give the --db the server stores in\n`,
    );
    process.exit(1);
  }
  return Promise.resolve(openSqliteStore({ path }));
}

/** `hark-collector export`: streams answers page by page; memory stays flat whatever the count. */
async function exportAnswers(): Promise<never> {
  const { survey, from, to, out } = values;
  const format = values.format ?? 'csv';
  if (survey === undefined) fail('export needs --survey <id>');
  if (format !== 'csv' && format !== 'ndjson')
    fail(`--format must be csv or ndjson, not "${format}"`);
  for (const [name, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (value !== undefined && !isDateTime(value))
      fail(`${name} must be an RFC 3339 date-time, like 2026-11-25T00:00:00Z, not "${value}"`);
  }
  try {
    const store = await openStore('export');
    const target = out === undefined ? process.stdout : createWriteStream(out);
    const tty = process.stderr.isTTY === true;
    let rows = 0;
    try {
      const query = { surveyId: survey, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const chunks = exportChunks(store, query, format, (total) => {
        rows = total;
        if (tty)
          process.stderr.write(`\rhark-collector: exported ${total.toLocaleString('en')} answers`);
      });
      await pipeline(Readable.from(chunks), target);
    } finally {
      await store.close();
    }
    if (tty) process.stderr.write('\n');
    // Exit only once standard output has taken everything (a pipe may be asynchronous).
    if (out === undefined) await new Promise((resolve) => process.stdout.write('', resolve));
    if (out !== undefined)
      process.stderr.write(
        `hark-collector: ${rows} answer${rows === 1 ? '' : 's'} written to ${out}\n`,
      );
    process.exit(0);
  } catch (error) {
    process.stderr.write(
      `hark-collector: cannot export: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

/** Reads and checks `--alerts <file>`; every problem is named with its place in the file. */
function readAlerts(file: string): AlertRule[] {
  let rules: unknown;
  try {
    rules = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`--alerts ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const issues = checkAlertRules(rules);
  if (issues.length > 0) {
    fail(`--alerts ${file}: ${issues.map((i) => `${i.path || '(file)'} ${i.message}`).join('; ')}`);
  }
  return rules as AlertRule[];
}
