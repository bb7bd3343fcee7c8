import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';

/** Another process holding a SQLite database's write lock, until `release()`. */
export interface SqliteLockHolder {
  /** Commits, closes the database and waits for the process to exit. */
  release(): Promise<void>;
}

// The child resolves better-sqlite3 from here, wherever the test runs from.
const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
`;

/**
 * Starts a second Node process that opens `path` and runs `BEGIN IMMEDIATE` (what the `sqlite3`
 * shell does with `BEGIN IMMEDIATE;`), and resolves once it holds the lock. It holds it until told
 * to let go through its stdin: no timer decides when.
 */
export async function holdSqliteWriteLock(path: string): Promise<SqliteLockHolder> {
  const child: ChildProcess = spawn(process.execPath, ['-e', HOLDER, betterSqlite, path], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (stdout === null) throw new Error('no stdout from the lock holder');
  const exited = once(child, 'exit');
  await Promise.race([
    once(stdout, 'data'),
    exited.then(([code]) => {
      throw new Error(`the lock holder exited (code ${code}) before taking the lock`);
    }),
  ]);
  return {
    async release() {
      child.stdin?.write('release\n');
      const [code] = await exited;
      if (code !== 0) throw new Error(`the lock holder exited with code ${code}`);
    },
  };
}
