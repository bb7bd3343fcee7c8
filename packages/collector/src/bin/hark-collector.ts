#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startReferenceServer } from '../node/reference-server.js';
import { UUID_PATTERN, VISITOR_ID_PATTERN } from '../protocol/formats.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import { openSqliteStore } from '../storage/sqlite-store.js';

const USAGE = `Usage: hark-collector [options]
       hark-collector erase (--response <id> | --visitor <visitorId>) [--db <file> | --postgres <url>]

Receives Hark survey answers on POST /v1/responses and serves results on GET /results.
\`erase\` deletes one answer, or every answer of an anonymous visitor, and remembers the erasure so
that a late re-send is not stored again.

Options:
  --db <file>              SQLite database file (default: ./hark.db)
  --postgres <url>         PostgreSQL connection string (instead of SQLite)
  --port <n>               port to listen on (default: 8787; 0 picks a free one)
  --host <address>         address to listen on (default: 127.0.0.1)
  --allow-origin <origin>  a site that may submit, e.g. https://shop.example; repeat, or * for any
  --admin-token <token>    token that GET /results requires (or env HARK_ADMIN_TOKEN)
  --rate-limit <n>         submissions per second per client address (default: 60; 0: off)
  --retain-days <n>        delete answers given more than n days ago (at start, then hourly)
  -h, --help               show this help
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
      'rate-limit': { type: 'string' },
      'retain-days': { type: 'string' },
      response: { type: 'string' },
      visitor: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
}
let command: string | undefined;
try {
  const parsed = parse();
  values = parsed.values;
  if (parsed.positionals.length > 1 || (parsed.positionals[0] ?? 'erase') !== 'erase')
    fail(`unknown command "${parsed.positionals.join(' ')}"`);
  command = parsed.positionals[0];
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.db !== undefined && values.postgres !== undefined)
  fail('use either --db or --postgres, not both');
if (command === 'erase') await erase();
else if (values.response !== undefined || values.visitor !== undefined)
  fail('--response and --visitor go with the erase command');
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
const adminToken = values['admin-token'] ?? process.env.HARK_ADMIN_TOKEN;
const retainDays = values['retain-days'] === undefined ? undefined : Number(values['retain-days']);
if (retainDays !== undefined && !(Number.isFinite(retainDays) && retainDays > 0))
  fail(`--retain-days must be a positive number of days, not "${values['retain-days']}"`);

try {
  const server = await startReferenceServer({
    port,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(values.postgres === undefined ? {} : { postgres: values.postgres }),
    allowedOrigins: origins.includes('*') ? '*' : origins,
    rateLimit,
    ...(retainDays === undefined ? {} : { retainDays }),
    ...(adminToken === undefined || adminToken === '' ? {} : { adminToken }),
  });
  const store = values.postgres === undefined ? `SQLite ${values.db ?? 'hark.db'}` : 'PostgreSQL';
  console.log(
    `hark-collector: listening on ${server.url} (${store}); POST ${server.url}/v1/responses`,
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
    const store =
      values.postgres !== undefined
        ? await openPostgresStore({ connectionString: values.postgres })
        : openSqliteStore({ path: values.db ?? 'hark.db' });
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
