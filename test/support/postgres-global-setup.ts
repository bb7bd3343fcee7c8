import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the PostgreSQL database the tests may use. */
    pgUrl: string;
  }
}

const run = promisify(execFile);

const DATABASE = 'hark_test';
const SUPERUSER = 'hark';

/**
 * Gives the tests a PostgreSQL database: the one in `HARK_PG_URL` when set, otherwise a throwaway
 * cluster started here and removed after the run, so the suite needs no running server.
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.HARK_PG_URL;
  if (external !== undefined && external !== '') {
    project.provide('pgUrl', external);
    return undefined;
  }
  const cluster = await startCluster();
  project.provide('pgUrl', cluster.url);
  return cluster.stop;
}

interface Cluster {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

async function startCluster(): Promise<Cluster> {
  const bin = await findServerBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'hark-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  // initdb and postgres refuse to run as root; as root, the cluster belongs to `postgres`.
  const asRoot = process.getuid?.() === 0;
  const server = (command: string, args: readonly string[]) =>
    asRoot
      ? exec('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], dir)
      : exec(join(bin, command), args, dir);

  let started = false;
  const stop = async () => {
    try {
      if (started) await server('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  try {
    if (asRoot) await exec('chown', ['postgres:', dir], dir);
    // A C-locale, UTF-8 cluster: the same collation and encoding wherever the tests run.
    await server('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      SUPERUSER,
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await startServer(server, data, dir, log);
    started = true;
    await exec(
      join(bin, 'createdb'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, DATABASE],
      dir,
    );
    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`, stop };
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    await stop().catch(() => {});
    throw new Error(
      `Could not start a throwaway PostgreSQL cluster: ${explain(error)}${serverLog === '' ? '' : `\nServer log:\n${serverLog}`}`,
      { cause: error },
    );
  }
}

/** Starts the server on a free port; retries when another process took the port meanwhile. */
async function startServer(
  server: (command: string, args: readonly string[]) => Promise<void>,
  data: string,
  dir: string,
  log: string,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      await server('pg_ctl', [
        '-D',
        data,
        '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on`,
        '-w',
        '-l',
        log,
        'start',
      ]);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** The bin directory of the newest Debian-installed PostgreSQL, else of the `initdb` on PATH. */
async function findServerBinaries(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [] as string[]))
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (await isExecutable(join(bin, 'initdb'))) return bin;
  }
  for (const entry of (process.env.PATH ?? '').split(delimiter)) {
    if (entry === '') continue;
    const initdb = join(entry, 'initdb');
    // Resolved, because pg_ctl and createdb sit beside the real initdb, not beside a symlink.
    if (await isExecutable(initdb)) return dirname(await realpath(initdb));
  }
  throw new Error(
    "PostgreSQL server binaries not found: run `npm test` (it installs Debian's postgresql) or set HARK_PG_URL",
  );
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function exec(file: string, args: readonly string[], cwd: string): Promise<void> {
  // The cwd is the cluster's directory: `postgres` may not be allowed to read the caller's.
  await run(file, args, { cwd, timeout: 60_000 });
}

function explain(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    return typeof stderr === 'string' && stderr.trim() !== ''
      ? `${error.message.split('\n')[0]}: ${stderr.trim()}`
      : error.message;
  }
  return String(error);
}
