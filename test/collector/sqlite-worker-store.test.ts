import { openSqliteStoreInWorker, StorageError } from '@hark/collector';
import { describe, expect, it } from 'vitest';
import { describeResponseStore } from '../../packages/collector/src/storage/response-store.contract.js';
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
});
