import { chmodSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { npsResponse } from '../testing/fixtures.js';
import { holdSqliteWriteLock } from '../testing/sqlite-lock-holder.js';
import { describeResponseStore } from './response-store.contract.js';
import { StorageError } from './response-store.js';
import { openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'hark-sqlite-'));
let files = 0;
const freshPath = () => join(dir, `store-${++files}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeResponseStore('SQLite', async (alerts = []) =>
  openSqliteStore({ path: freshPath(), alerts }),
);

describe('SQLite store', () => {
  const receivedAt = new Date('2026-11-25T12:00:00Z');

  it('keeps answers across a close and reopen of the file', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    const response = npsResponse();
    await store.insert([response], receivedAt);
    await store.close();
    const reopened = openSqliteStore({ path });
    expect((await reopened.get(response.id))?.response).toEqual(response);
    await reopened.close();
  });

  it('runs durable: WAL journal with synchronous=FULL', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    await store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('creates the folder of a new database file', async () => {
    const store = openSqliteStore({ path: join(dir, 'nested', 'deeper', 'hark.db') });
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it('upgrades a version 1 database in place, keeping its answers, and erases in it', async () => {
    const path = freshPath();
    const v1 = new Database(path);
    // Version 1's schema, as the first release wrote it.
    v1.exec(`CREATE TABLE hark_responses (
      id TEXT PRIMARY KEY NOT NULL, survey_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10), comment TEXT, locale TEXT NOT NULL,
      page_url TEXT NOT NULL, answered_at TEXT NOT NULL, variant TEXT, visitor_id TEXT,
      metadata TEXT, sdk_name TEXT NOT NULL, sdk_version TEXT NOT NULL, received_at TEXT NOT NULL
    ) STRICT`);
    const old = npsResponse({ surveyId: 'v1', visitorId: 'v1-visitor', comment: undefined });
    delete (old as { comment?: string }).comment;
    delete (old as { metadata?: unknown }).metadata;
    v1.prepare(
      `INSERT INTO hark_responses VALUES (?, 'v1', 'nps', ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    ).run(
      old.id,
      old.score,
      old.locale,
      old.pageUrl,
      old.answeredAt,
      old.variant ?? null,
      old.visitorId ?? null,
      old.sdk.name,
      old.sdk.version,
      receivedAt.toISOString(),
    );
    v1.pragma('user_version = 1');
    v1.close();
    const store = openSqliteStore({ path });
    expect((await store.get(old.id))?.response).toEqual(old);
    expect(await store.erase({ visitorId: 'v1-visitor' }, new Date())).toBe(1);
    expect((await store.insert([old], receivedAt)).erased).toEqual([old.id]);
    await store.close();
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    check.close();
  });

  it('refuses a database from a newer collector', () => {
    const path = freshPath();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore({ path })).toThrow(
      new StorageError(
        `cannot open SQLite database ${path}: Error: the database has schema version 99; this collector knows up to 3`,
      ),
    );
  });

  it('rejects with StorageError, storing nothing, when the file cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // Root ignores file modes; make the table unwritable another way: a trigger that aborts.
      const path = freshPath();
      const store = openSqliteStore({ path });
      const db = new Database(path);
      db.exec(
        `CREATE TRIGGER refuse BEFORE INSERT ON hark_responses BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
      );
      db.close();
      await expect(store.insert([npsResponse()], receivedAt)).rejects.toThrow(
        new StorageError('SQLite could not insert: disk says no'),
      );
      expect(await store.count()).toBe(0);
      await store.close();
      return;
    }
    const path = freshPath();
    const store = openSqliteStore({ path });
    await store.close();
    chmodSync(path, 0o444);
    const readOnly = openSqliteStore({ path });
    await expect(readOnly.insert([npsResponse()], receivedAt)).rejects.toBeInstanceOf(StorageError);
    await readOnly.close();
  });

  it('fails one request of a group commit without failing the others', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    const db = new Database(path);
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON hark_responses WHEN NEW.survey_id = 'poison'
             BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`);
    db.close();
    const good = npsResponse();
    const poisoned = [npsResponse(), npsResponse({ surveyId: 'poison' })];
    const [ok, bad] = await Promise.allSettled([
      store.insert([good], receivedAt),
      store.insert(poisoned, receivedAt),
    ]);
    expect(ok).toEqual({
      status: 'fulfilled',
      value: { stored: [good.id], duplicates: [], erased: [] },
    });
    expect(bad.status).toBe('rejected');
    // The poisoned batch is all or nothing: its first, valid row was rolled back too.
    expect(await store.get(poisoned[0]!.id)).toBeUndefined();
    expect(await store.count()).toBe(1);
    await store.close();
  });

  it('commits the batches of concurrent requests in one transaction', async () => {
    // Each commit appends at least one frame per changed page to the WAL; a group commit of 20
    // one-row requests writes each page once, 20 sequential commits write each page 20 times.
    const walFrames = (path: string) => {
      const pageSize = 4096;
      return Math.max(0, (statSync(`${path}-wal`).size - 32) / (pageSize + 24));
    };
    const concurrentPath = freshPath();
    const concurrent = openSqliteStore({ path: concurrentPath });
    const framesBefore = walFrames(concurrentPath);
    await Promise.all(
      Array.from({ length: 20 }, () => concurrent.insert([npsResponse()], receivedAt)),
    );
    const concurrentFrames = walFrames(concurrentPath) - framesBefore;

    const sequentialPath = freshPath();
    const sequential = openSqliteStore({ path: sequentialPath });
    const sequentialBefore = walFrames(sequentialPath);
    for (let i = 0; i < 20; i++) await sequential.insert([npsResponse()], receivedAt);
    const sequentialFrames = walFrames(sequentialPath) - sequentialBefore;

    expect(await concurrent.count()).toBe(20);
    expect(await sequential.count()).toBe(20);
    expect(concurrentFrames).toBeLessThanOrEqual(8);
    expect(sequentialFrames).toBeGreaterThanOrEqual(20 * 3); // 63 seen: 3 pages a commit
    await concurrent.close();
    await sequential.close();
  });

  it('gives up on an insert after maxWaitMs while another process holds the write lock, writing nothing', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path, maxWaitMs: 300 });
    const first = npsResponse();
    await store.insert([first], receivedAt);
    const lock = await holdSqliteWriteLock(path);
    const waiting = [npsResponse(), npsResponse()];
    const results = await Promise.allSettled(waiting.map((r) => store.insert([r], receivedAt)));
    // Reads need no write lock (WAL): they answer while the inserts wait.
    const countWhileLocked = await store.count();
    await lock.release();
    for (const result of results) {
      expect(result).toEqual({
        status: 'rejected',
        reason: new StorageError(
          "SQLite could not insert within 300 ms: another connection holds the database's lock",
        ),
      });
    }
    expect(countWhileLocked).toBe(1);
    expect(await store.count()).toBe(1);
    // The client retries once the lock is gone: stored now, and once.
    expect(await store.insert(waiting, receivedAt)).toEqual({
      stored: waiting.map((r) => r.id),
      duplicates: [],
      erased: [],
    });
    expect(await store.count()).toBe(2 + 1);
    await store.close();
  });

  it('commits an insert that waited for a lock once the other process lets go', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path, maxWaitMs: 60_000 });
    const lock = await holdSqliteWriteLock(path);
    const response = npsResponse();
    const inserting = store.insert([response], receivedAt);
    // Erasure waits for the same lock, on a timer, without holding up the insert's retries.
    const erasing = store.erase({ responseId: npsResponse().id }, new Date());
    expect(await store.get(response.id)).toBeUndefined();
    await lock.release();
    expect(await inserting).toEqual({ stored: [response.id], duplicates: [], erased: [] });
    expect(await erasing).toBe(0);
    expect(await store.count()).toBe(1);
    await store.close();
  });

  it('refuses to acknowledge answers once its database folder was removed', async () => {
    const folder = join(dir, `removed-${++files}`);
    const store = openSqliteStore({ path: join(folder, 'hark.db') });
    await store.insert([npsResponse()], receivedAt);
    rmSync(folder, { recursive: true, force: true });
    const message = `SQLite cannot be trusted with answers: ${join(folder, 'hark.db')} was removed while the collector had it open; nothing is acknowledged until the collector is restarted`;
    await expect(store.insert([npsResponse()], receivedAt)).rejects.toThrow(
      new StorageError(message),
    );
    // Reads too: what they would read is gone from the disk.
    await expect(store.count()).rejects.toThrow(new StorageError(message));
    await store.close();
  });

  it('refuses to acknowledge answers once its database file was replaced', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    rmSync(path);
    const other = new Database(path);
    other.close();
    await expect(store.insert([npsResponse()], receivedAt)).rejects.toThrow(
      new StorageError(
        `SQLite cannot be trusted with answers: ${path} was replaced by another file while the collector had it open; nothing is acknowledged until the collector is restarted`,
      ),
    );
    await store.close();
    // The file now on disk was never written to.
    const check = new Database(path);
    expect(
      check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'hark_responses'").get(),
    ).toEqual({ n: 0 });
    check.close();
  });

  it('refuses answers, instead of a SIGBUS, once its -shm file was truncated; reopens fine', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    await store.insert([npsResponse()], receivedAt);
    const size = statSync(`${path}-shm`).size;
    truncateSync(`${path}-shm`, 0);
    const message = `SQLite cannot be trusted with answers: ${path}-shm was truncated (${size} to 0 bytes) while the collector had it open; nothing is acknowledged until the collector is restarted`;
    await expect(store.insert([npsResponse()], receivedAt)).rejects.toThrow(
      new StorageError(message),
    );
    await expect(store.get(npsResponse().id)).rejects.toThrow(new StorageError(message));
    // This process is still here to say so, and closing (which checkpoints through the mapping)
    // is safe: the file was grown back when the truncation was noticed.
    await store.close();
    // A fresh start rebuilds the index from the WAL: the acknowledged answer is there.
    const reopened = openSqliteStore({ path });
    expect(await reopened.count()).toBe(1);
    await reopened.close();
  });
});
