import { openSqliteStoreInWorker, StorageError } from '@hark/collector';
import { describe, expect, it } from 'vitest';
import { describeResponseStore } from '../../packages/collector/src/storage/response-store.contract.js';
import { npsResponse } from '../../packages/collector/src/testing/fixtures.js';
import { holdSqliteWriteLock } from '../../packages/collector/src/testing/sqlite-lock-holder.js';
import { tempDir } from '../support/temp-dir.js';

// The built store on its worker thread (what the reference server runs), held to the same
// contract as the in-process stores.
const dir = tempDir('hark-sqlite-worker');

describeResponseStore('SQLite on a worker thread', (alerts = []) =>
  openSqliteStoreInWorker({ path: dir.file('worker.db'), alerts }),
);

describe('SQLite on a worker thread', () => {
  it('refuses to open a database from a newer collector, with StorageError', async () => {
    const { default: Database } = await import('better-sqlite3');
    const path = dir.file('newer.db');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    await expect(openSqliteStoreInWorker({ path })).rejects.toThrow(
      new StorageError(
        `cannot open SQLite database ${path}: Error: the database has schema version 99; this collector knows up to 3`,
      ),
    );
  });

  it('bounds an insert while another process holds the write lock; reads go on; stores once after', async () => {
    const path = dir.file('locked.db');
    const store = await openSqliteStoreInWorker({ path, maxWaitMs: 300 });
    const receivedAt = new Date('2026-11-25T12:00:00Z');
    const lock = await holdSqliteWriteLock(path);
    const waiting = [npsResponse(), npsResponse()];
    let inserts: PromiseSettledResult<unknown>[];
    let countWhileLocked: number;
    try {
      // The thread retries on a timer rather than blocking in a busy timeout: the count is
      // answered while the inserts wait.
      [inserts, countWhileLocked] = await Promise.all([
        Promise.allSettled(waiting.map((r) => store.insert([r], receivedAt))),
        store.count(),
      ]);
    } finally {
      await lock.release();
    }
    expect(countWhileLocked).toBe(0);
    for (const result of inserts) {
      expect(result).toEqual({
        status: 'rejected',
        reason: new StorageError(
          "SQLite could not insert within 300 ms: another connection holds the database's lock",
        ),
      });
    }
    expect(await store.count()).toBe(0);
    expect(await store.insert(waiting, receivedAt)).toEqual({
      stored: waiting.map((r) => r.id),
      duplicates: [],
      erased: [],
    });
    expect(await store.count()).toBe(2);
    await store.close();
  });
});
