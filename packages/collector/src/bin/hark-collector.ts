#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startReferenceServer } from '../node/reference-server.js';

const USAGE = `Usage: hark-collector [options]

Receives Hark survey answers on POST /v1/responses and serves results on GET /results.

Options:
  --db <file>              SQLite database file (default: ./hark.db)
  --postgres <url>         PostgreSQL connection string (instead of SQLite)
  --port <n>               port to listen on (default: 8787; 0 picks a free one)
  --host <address>         address to listen on (default: 127.0.0.1)
  --allow-origin <origin>  a site that may submit, e.g. https://shop.example; repeat, or * for any
  --admin-token <token>    token that GET /results requires (or env HARK_ADMIN_TOKEN)
  --rate-limit <n>         submissions per second per client address (default: 60; 0: off)
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
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  values = parse().values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.db !== undefined && values.postgres !== undefined)
  fail('use either --db or --postgres, not both');
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

try {
  const server = await startReferenceServer({
    port,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(values.postgres === undefined ? {} : { postgres: values.postgres }),
    allowedOrigins: origins.includes('*') ? '*' : origins,
    rateLimit,
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
