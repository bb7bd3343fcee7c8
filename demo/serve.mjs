// Serves the demo page beside the reference collector: one origin, one command (`npm start`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startReferenceServer } from '@hark/collector/node';
// @ts-expect-error: the build script is plain JavaScript.
import { buildScriptTag } from '../packages/widget/scripts/build-script-tag.mjs';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = join(HERE, '..');

/** The demo's files, by URL path. Nothing else is served from disk. */
const FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/demo.css': ['demo.css', 'text/css; charset=utf-8'],
  '/demo.js': ['demo.js', 'text/javascript; charset=utf-8'],
  '/surveys.json': ['surveys.json', 'application/json'],
};

/**
 * The script tag's files (hark.js, hark-ui.js, chunks/…), built from the widget's source once
 * at start, exactly as `pnpm --filter @hark/widget build:script` writes them.
 */
async function buildHark() {
  const { loader, ui } = await buildScriptTag({ outdir: '/hark', write: false });
  const files = new Map();
  for (const file of [...loader.outputFiles, ...ui.outputFiles]) {
    files.set(file.path.replace(/^.*\/hark\//, '/'), file.contents);
  }
  return files;
}

// The strict policy the widget must live under (FAULTS 14): the demo proves it can.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

export function withDemoPages(collector, hark) {
  return async (request, context) => {
    const { pathname } = new URL(request.url);
    const script = request.method === 'GET' ? hark.get(pathname) : undefined;
    if (script !== undefined) {
      return new Response(script, {
        headers: {
          'content-type': 'text/javascript; charset=utf-8',
          'content-security-policy': CSP,
          'cache-control': 'no-cache',
        },
      });
    }
    const file = FILES[pathname];
    if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD'))
      return collector(request, context);
    const [name, type] = file;
    return new Response(await readFile(join(HERE, name)), {
      headers: {
        'content-type': type,
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

export async function startDemo({
  port = 8787,
  host = '127.0.0.1',
  db = join(ROOT, '.hark', 'demo.db'),
  log,
} = {}) {
  const hark = await buildHark();
  const dashboard = join(ROOT, 'packages', 'dashboard', 'dist');
  return startReferenceServer({
    ...(existsSync(join(dashboard, 'index.html')) ? { dashboard } : {}),
    port,
    host,
    db,
    wrap: (collector) => withDemoPages(collector, hark),
    ...(log ? { log } : {}),
  });
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  const server = await startDemo({
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.db ? { db: values.db } : {}),
  });
  console.log(
    `\nHark demo: ${server.url}/\n  collector: POST ${server.url}/v1/responses\n  results:   ${server.url}/results?surveyId=demo-nps\n  dashboard: ${server.url}/dashboard/?survey=demo-nps\n`,
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
