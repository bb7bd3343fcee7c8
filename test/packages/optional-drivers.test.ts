import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

// better-sqlite3 and pg are optional peer dependencies of @hark/collector: the built package,
// installed outside the workspace with its one dependency and neither driver, must import and
// handle requests, and a store opened there names the package to install. Needs the build.
const COLLECTOR = fileURLToPath(new URL('../../packages/collector', import.meta.url));

const dir = tempDir('hark-no-drivers');
const project = join(dir.path, 'app');

beforeAll(() => {
  const installed = join(project, 'node_modules', '@hark', 'collector');
  mkdirSync(installed, { recursive: true });
  cpSync(join(COLLECTOR, 'dist'), join(installed, 'dist'), { recursive: true });
  cpSync(join(COLLECTOR, 'package.json'), join(installed, 'package.json'));
  // Its two dependencies, linked from the workspace's install.
  for (const dependency of ['@sinclair/typebox', '@hark/protocol']) {
    const link = join(project, 'node_modules', dependency);
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(realpathSync(join(COLLECTOR, 'node_modules', dependency)), link, 'dir');
  }
});

/** Runs an ES module in the project (its own file, so a worker thread can start) and parses what it prints. */
function runInProject(source: string): unknown {
  const file = join(project, `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  // A clean environment: nothing of the test runner's (NODE_OPTIONS, loaders) reaches the child.
  const out = execFileSync(process.execPath, [file], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return JSON.parse(out);
}

const failure = `
async function failure(open) {
  try {
    await open();
    return 'opened';
  } catch (error) {
    return { name: error.name, message: error.message };
  }
}
`;

it('finds neither driver from the project, so the checks below are about a real absence', () => {
  expect(
    runInProject(`
      const found = (name) => { try { import.meta.resolve(name); return true; } catch { return false; } };
      console.log(JSON.stringify([found('better-sqlite3'), found('pg'), found('@hark/collector')]));
    `),
  ).toEqual([false, false, true]);
});

it('imports the root entry and the Node adapter, and answers requests, without a driver', () => {
  // A store that refuses every call: the requests below are answered before storage is reached.
  expect(
    runInProject(`
      import { createCollector, SUBMIT_PATH } from '@hark/collector';
      import { toNodeListener } from '@hark/collector/node';
      const store = new Proxy({}, { get: (_, name) => () => { throw new Error('store.' + String(name) + ' called'); } });
      const handler = createCollector({ store });
      const response = await handler(
        new Request('http://localhost' + SUBMIT_PATH, {
          method: 'POST',
          headers: { 'content-type': 'text/html' },
          body: '<p>hi</p>',
        }),
      );
      console.log(JSON.stringify({
        handler: typeof handler,
        listener: typeof toNodeListener(handler),
        status: response.status,
        body: await response.json(),
      }));
    `),
  ).toEqual({
    handler: 'function',
    listener: 'function',
    status: 415,
    body: {
      error: 'unsupported_media_type',
      message: 'The body must be sent as Content-Type: application/json (UTF-8).',
    },
  });
});

it('says which package to install when a SQLite or PostgreSQL store is opened without it', () => {
  expect(
    runInProject(`
      import { openPostgresStore, openSqliteStore, openSqliteStoreInWorker } from '@hark/collector';
      ${failure}
      console.log(JSON.stringify({
        sqlite: await failure(() => openSqliteStore({ path: 'answers.db' })),
        worker: await failure(() => openSqliteStoreInWorker({ path: 'answers.db' })),
        postgres: await failure(() => openPostgresStore({ connectionString: 'postgres://localhost/hark' })),
      }));
    `),
  ).toEqual({
    sqlite: {
      name: 'StorageError',
      message:
        'SQLite storage needs the better-sqlite3 package, which is not installed: npm install better-sqlite3@12',
    },
    worker: {
      name: 'StorageError',
      message:
        'SQLite storage needs the better-sqlite3 package, which is not installed: npm install better-sqlite3@12',
    },
    postgres: {
      name: 'StorageError',
      message: 'PostgreSQL storage needs the pg package, which is not installed: npm install pg@8',
    },
  });
});

it('creates no database file when the driver is missing', () => {
  expect(
    runInProject(`
      import { existsSync } from 'node:fs';
      import { openSqliteStore } from '@hark/collector';
      try { openSqliteStore({ path: 'nested/answers.db' }); } catch {}
      console.log(JSON.stringify({ folder: existsSync('nested'), file: existsSync('nested/answers.db') }));
    `),
  ).toEqual({ folder: false, file: false });
});
