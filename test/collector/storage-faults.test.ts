import { rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceServer } from '@hark/collector/node';
import { startReferenceServer } from '@hark/collector/node';
import { afterEach, describe, expect, it } from 'vitest';
import { holdSqliteWriteLock } from '../../packages/collector/src/testing/sqlite-lock-holder.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

// The reference server (SQLite on its worker thread, from the built package) against faults of
// its database injected for real: another process holding the write lock, the folder removed,
// the -shm index cut short.
const dir = tempDir('hark-storage-faults');
const TOKEN = 'storage-faults-token';
const lines: string[] = [];
let server: ReferenceServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  lines.length = 0;
});

async function start(db: string, storageMaxWaitMs?: number): Promise<ReferenceServer> {
  server = await startReferenceServer({
    db,
    port: 0,
    adminToken: TOKEN,
    rateLimit: 0,
    log: (line) => lines.push(line),
    ...(storageMaxWaitMs === undefined ? {} : { storageMaxWaitMs }),
  });
  return server;
}

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(await response.json()).toMatchObject({ error: 'storage_unavailable' });
}

function results(running: ReferenceServer, surveyId: string): Promise<Response> {
  return fetch(`${running.url}/results?surveyId=${surveyId}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
}

describe('the reference server when its SQLite database is in trouble', () => {
  it('answers 503 within its bound while another process holds the write lock, then stores each answer once', async () => {
    const db = dir.file('locked.db');
    const running = await start(db, 1000);
    const before = submissionOf(answer({ surveyId: 'locked' }));
    expect((await postSubmission(running.url, before)).status).toBe(202);

    const lock = await holdSqliteWriteLock(db);
    const batches = Array.from({ length: 8 }, () =>
      submissionOf(answer({ surveyId: 'locked' }), answer({ surveyId: 'locked' })),
    );
    let refused: Response[];
    let read: Response;
    try {
      [read, ...refused] = await Promise.all([
        results(running, 'locked'),
        ...batches.map((batch) => postSubmission(running.url, batch)),
      ]);
    } finally {
      await lock.release();
    }
    for (const response of refused) await expectUnavailable(response);
    // Reads need no write lock: answered while it was held, without the refused answers.
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ kinds: [{ kind: 'nps', overall: { count: 1 } }] });
    expect(await running.store.count('locked')).toBe(1);
    expect(lines).toContain(
      "hark-collector: SQLite could not insert within 1000 ms: another connection holds the database's lock",
    );

    // The widgets send the same answers again once the lock is gone: stored, and only once.
    const again = await Promise.all(batches.map((batch) => postSubmission(running.url, batch)));
    for (const response of again) {
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ stored: 2, duplicates: [] });
    }
    const third = await postSubmission(running.url, batches[0]);
    expect(await third.json()).toMatchObject({
      stored: 0,
      duplicates: batches[0]?.responses.map((r) => r.id),
    });
    expect(await running.store.count('locked')).toBe(1 + 8 * 2);
  });

  it('answers 503, acknowledging nothing, once its database folder was removed', async () => {
    const folder = join(dir.path, 'removed');
    const db = join(folder, 'hark.db');
    const running = await start(db);
    expect((await postSubmission(running.url, submissionOf(answer()))).status).toBe(202);
    rmSync(folder, { recursive: true, force: true });

    const lost = submissionOf(answer({ surveyId: 'removed' }));
    await expectUnavailable(await postSubmission(running.url, lost));
    await expectUnavailable(await results(running, 'removed'));
    expect(lines).toContain(
      `hark-collector: SQLite cannot be trusted with answers: ${db} was removed while the collector had it open; nothing is acknowledged until the collector is restarted`,
    );
    await running.close();
    server = undefined;

    // The answer was refused, so its widget still holds it and sends it to the restarted server.
    const restarted = await start(db);
    expect(await restarted.store.count()).toBe(0);
    expect((await postSubmission(restarted.url, lost)).status).toBe(202);
    expect(await restarted.store.count('removed')).toBe(1);
  });

  it('answers 503 instead of dying of a SIGBUS once the -shm file was truncated', async () => {
    const db = dir.file('shm.db');
    const running = await start(db);
    expect((await postSubmission(running.url, submissionOf(answer()))).status).toBe(202);
    const size = statSync(`${db}-shm`).size;
    truncateSync(`${db}-shm`, 0);

    await expectUnavailable(await postSubmission(running.url, submissionOf(answer())));
    await expectUnavailable(await postSubmission(running.url, submissionOf(answer())));
    expect(lines).toContain(
      `hark-collector: SQLite cannot be trusted with answers: ${db}-shm was truncated (${size} to 0 bytes) while the collector had it open; nothing is acknowledged until the collector is restarted`,
    );
    // Still alive, and it closes without touching the mapping.
    await running.close();
    server = undefined;
  });
});
