import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { npsResponse } from '../testing/fixtures.js';
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
});
