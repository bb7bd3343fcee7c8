import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { SurveyKind } from '@hark/protocol';
import type Database from 'better-sqlite3';
import { type AlertRule, alertPayload, deliveryId, ruleMatches } from '../alerts/alert-rule.js';
import type { HarkResponse } from '../protocol/schema.js';
import { canonicalLocale } from './canonical-locale.js';
import { DatabaseFiles } from './database-files.js';
import { missingDriverError } from './missing-driver.js';
import { type ResponseRow, responseFromRow } from './response-row.js';
import {
  ALERT_CLAIM_MS,
  type AlertDelivery,
  type AlertOutcome,
  type ErasureTarget,
  type ExportCursor,
  type InsertOutcome,
  pagePath,
  type ResponseStore,
  type ScoreCount,
  type ScoreGrouping,
  type ScoreQuery,
  StorageError,
  type StoredResponse,
} from './response-store.js';
import { utcInstant } from './utc-instant.js';

export interface SqliteStoreOptions {
  /** Path of the database file; created, with its folder, when missing. */
  readonly path: string;
  /** Webhook rules: a matching answer's delivery is written with it (see `dueAlerts`). */
  readonly alerts?: readonly AlertRule[];
  /**
   * The longest a call waits for the database while another connection (another process: the
   * `sqlite3` shell, `hark-collector erase`) holds its write lock, in milliseconds; then it
   * rejects with `StorageError` (HTTP 503 with `Retry-After`) and nothing of it is written.
   * Default 10 s.
   */
  readonly maxWaitMs?: number;
}

export const DEFAULT_MAX_WAIT_MS = 10_000;

/**
 * The longest one attempt blocks the thread on a lock (SQLite's busy timeout). Between attempts
 * the store waits on a timer, so that reads, and the other requests' answers, go on meanwhile.
 */
const BUSY_SLICE_MS = 50;

const SCHEMA_VERSION = 3;

let driver: typeof Database | undefined;

/**
 * better-sqlite3 is an optional peer dependency, loaded when a SQLite store is first opened, so
 * that the package's root entry imports without it. `require` (it is CommonJS) keeps opening
 * synchronous.
 */
function loadDriver(): typeof Database {
  if (driver !== undefined) return driver;
  try {
    driver = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  } catch (error) {
    throw missingDriverError(error, 'SQLite', 'better-sqlite3', 12) ?? error;
  }
  return driver;
}

// STRICT tables make SQLite enforce the column types; the CHECKs repeat the protocol's bounds so
// the database refuses a bad row even if a caller skipped validation.
const MIGRATION_1 = `
CREATE TABLE IF NOT EXISTS hark_responses (
  id TEXT PRIMARY KEY NOT NULL,
  survey_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment TEXT,
  locale TEXT NOT NULL,
  page_url TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  variant TEXT,
  visitor_id TEXT,
  metadata TEXT,
  sdk_name TEXT NOT NULL,
  sdk_version TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS hark_responses_survey_answered ON hark_responses (survey_id, answered_at);
`;

// Erasure: the ids of erased answers, and the visitors erased with the time of erasure, so that a
// late re-send from a visitor's outbox is acknowledged and not stored again.
const MIGRATION_2 = `
CREATE TABLE IF NOT EXISTS hark_erased_responses (
  id TEXT PRIMARY KEY NOT NULL,
  erased_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS hark_erased_visitors (
  visitor_id TEXT PRIMARY KEY NOT NULL,
  erased_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS hark_responses_visitor ON hark_responses (visitor_id)
  WHERE visitor_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS hark_responses_answered ON hark_responses (answered_at);
`;

// Alerts: the durable outbox of webhook deliveries, written in the answer's transaction.
const MIGRATION_3 = `
CREATE TABLE IF NOT EXISTS hark_alert_outbox (
  id TEXT PRIMARY KEY NOT NULL,
  rule_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT,
  last_error TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS hark_alert_outbox_due ON hark_alert_outbox (next_attempt_at)
  WHERE delivered_at IS NULL;
`;

const GROUP_EXPRESSIONS: Record<ScoreGrouping | 'none', string> = {
  day: 'substr(answered_at, 1, 10)',
  week: "strftime('%G-W%V', answered_at)",
  page: 'hark_page_path(page_url)',
  locale: 'locale',
  variant: 'variant',
  none: 'NULL',
};

interface PendingInsert {
  readonly responses: readonly HarkResponse[];
  readonly receivedAt: string;
  /** When it stops waiting for a lock (`Date.now()` time). */
  readonly deadline: number;
  readonly resolve: (outcome: InsertOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Opens (creating if needed) the embedded SQLite store.
 *
 * Durability: WAL with `synchronous=FULL`, so a batch is on disk when `insert` resolves.
 * Throughput: inserts that arrive in the same turn of the event loop (concurrent requests) share
 * one transaction and one fsync ("group commit"); should it fail, each batch is retried alone, so
 * one failing batch does not take the others down.
 * Bounded waits: a call that finds the database locked by another connection tries again on a
 * timer until `maxWaitMs` has passed since it was made, then rejects; a commit is acknowledged
 * only while the database file is still the one on disk (see `DatabaseFiles`).
 */
export function openSqliteStore(options: SqliteStoreOptions): ResponseStore {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (!(Number.isFinite(maxWaitMs) && maxWaitMs > 0)) {
    throw new RangeError(`maxWaitMs must be a positive number of milliseconds, not ${maxWaitMs}`);
  }
  const Driver = loadDriver();
  const onDisk = options.path !== ':memory:' && options.path !== '';
  if (onDisk) mkdirSync(dirname(options.path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Driver(options.path);
    // Opening (and migrating) may wait for the whole bound at once: nothing else is waiting yet.
    db.pragma(`busy_timeout = ${Math.ceil(maxWaitMs)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.function('hark_page_path', { deterministic: true }, (url) => pagePath(String(url)));
    migrate(db);
    db.pragma(`busy_timeout = ${Math.min(BUSY_SLICE_MS, Math.ceil(maxWaitMs))}`);
  } catch (error) {
    throw new StorageError(`cannot open SQLite database ${options.path}: ${String(error)}`, {
      cause: error,
    });
  }
  const files = onDisk ? new DatabaseFiles(options.path) : undefined;
  return new SqliteStore(db, options.alerts ?? [], maxWaitMs, files);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${version}; this collector knows up to ${SCHEMA_VERSION}`,
    );
  }
  if (version < SCHEMA_VERSION) {
    db.transaction(() => {
      if (version < 1) db.exec(MIGRATION_1);
      if (version < 2) db.exec(MIGRATION_2);
      if (version < 3) db.exec(MIGRATION_3);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  }
}

class SqliteStore implements ResponseStore {
  readonly #db: Database.Database;
  readonly #insertRow: Database.Statement;
  readonly #getRow: Database.Statement<[string], ResponseRow>;
  readonly #isErased: Database.Statement<[string, string | null, string]>;
  readonly #maxWaitMs: number;
  readonly #files: DatabaseFiles | undefined;
  #pending: PendingInsert[] = [];
  #flushScheduled = false;
  /** Set while the group commit waits for another connection's lock to be released. */
  #lockRetry: NodeJS.Timeout | undefined;
  #lockAttempts = 0;
  /** Why the files on disk are no longer this connection's: nothing is acknowledged again. */
  #unusable: string | undefined;
  #closed = false;

  readonly #alerts: readonly AlertRule[];
  readonly #queueAlert: Database.Statement;

  constructor(
    db: Database.Database,
    alerts: readonly AlertRule[],
    maxWaitMs: number,
    files: DatabaseFiles | undefined,
  ) {
    this.#db = db;
    this.#alerts = alerts;
    this.#maxWaitMs = maxWaitMs;
    this.#files = files;
    this.#queueAlert = db.prepare(
      `INSERT INTO hark_alert_outbox (id, rule_id, payload, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    // Not stored when already there (a re-send) or erased: the tombstone checks cost two index
    // probes, and only an unwritten row is looked at again to tell which it was.
    this.#insertRow = db.prepare(
      `INSERT INTO hark_responses (id, survey_id, kind, score, comment, locale, page_url, answered_at,
         variant, visitor_id, metadata, sdk_name, sdk_version, received_at)
       SELECT @id, @surveyId, @kind, @score, @comment, @locale, @pageUrl, @answeredAt, @variant,
         @visitorId, @metadata, @sdkName, @sdkVersion, @receivedAt
       WHERE NOT EXISTS (SELECT 1 FROM hark_erased_responses WHERE id = @id)
         AND NOT EXISTS (SELECT 1 FROM hark_erased_visitors
                         WHERE visitor_id = @visitorId AND erased_at >= @answeredAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.#isErased = db.prepare(
      `SELECT 1 FROM hark_erased_responses WHERE id = ?
       UNION ALL
       SELECT 1 FROM hark_erased_visitors WHERE visitor_id = ? AND erased_at >= ?`,
    );
    this.#getRow = db.prepare('SELECT * FROM hark_responses WHERE id = ?');
  }

  insert(responses: readonly HarkResponse[], receivedAt: Date): Promise<InsertOutcome> {
    if (this.#closed) return Promise.reject(new StorageError('the SQLite store is closed'));
    if (responses.length === 0) return Promise.resolve({ stored: [], duplicates: [], erased: [] });
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + this.#maxWaitMs;
      this.#pending.push({
        responses,
        receivedAt: receivedAt.toISOString(),
        deadline,
        resolve,
        reject,
      });
      // While the group waits for a lock, newcomers join it at the next attempt.
      if (!this.#flushScheduled && this.#lockRetry === undefined) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    this.#lockRetry = undefined;
    const now = Date.now();
    const group: PendingInsert[] = [];
    for (const pending of this.#pending) {
      if (now < pending.deadline) group.push(pending);
      else pending.reject(this.#lockedTooLong('insert'));
    }
    this.#pending = [];
    if (group.length === 0) return;
    const unusable = this.#checkFiles();
    if (unusable !== undefined) {
      for (const pending of group) pending.reject(unusable);
      return;
    }
    let outcomes: InsertOutcome[];
    try {
      outcomes = this.#db
        .transaction(() => group.map((pending) => this.#insertBatch(pending)))
        .immediate();
    } catch (error) {
      if (isBusy(error)) {
        this.#waitForLock(group);
        return;
      }
      if (group.length === 1) {
        group[0]?.reject(storageError('insert', error));
        return;
      }
      // One batch (or the commit) failed and the whole group rolled back: retry each batch in a
      // transaction of its own, so a bad batch fails alone. Savepoints for every batch up front
      // would cost the common case about a third of its throughput.
      const done: [PendingInsert, InsertOutcome][] = [];
      const locked: PendingInsert[] = [];
      for (const pending of group) {
        try {
          done.push([pending, this.#db.transaction(() => this.#insertBatch(pending)).immediate()]);
        } catch (retryError) {
          if (isBusy(retryError)) locked.push(pending);
          else pending.reject(storageError('insert', retryError));
        }
      }
      this.#acknowledge(done);
      if (locked.length > 0) this.#waitForLock(locked);
      return;
    }
    this.#lockAttempts = 0;
    this.#acknowledge(group.map((pending, i) => [pending, outcomes[i] as InsertOutcome]));
  }

  /** Committed: acknowledged only if the commit went to the file on disk, not to a removed one. */
  #acknowledge(done: readonly (readonly [PendingInsert, InsertOutcome])[]): void {
    const unusable = done.length === 0 ? undefined : this.#checkFiles();
    for (const [pending, outcome] of done) {
      if (unusable === undefined) pending.resolve(outcome);
      else pending.reject(unusable);
    }
  }

  /** Another connection holds the write lock: try again soon, with whatever arrives meanwhile. */
  #waitForLock(group: readonly PendingInsert[]): void {
    this.#pending = [...group, ...this.#pending];
    this.#lockRetry = setTimeout(() => this.#flush(), lockRetryDelay(this.#lockAttempts++));
  }

  #lockedTooLong(what: string): StorageError {
    return new StorageError(
      `SQLite could not ${what} within ${this.#maxWaitMs} ms: another connection holds the database's lock`,
    );
  }

  /**
   * Undefined while the database files are this connection's; otherwise the StorageError to fail
   * with, now and on every later call (a restart on an existing file is the way back).
   */
  #checkFiles(): StorageError | undefined {
    this.#unusable ??= this.#files?.problem();
    if (this.#unusable === undefined) return undefined;
    return new StorageError(
      `SQLite cannot be trusted with answers: ${this.#unusable}; nothing is acknowledged until the collector is restarted`,
    );
  }

  #insertBatch({ responses, receivedAt }: PendingInsert): InsertOutcome {
    const stored: string[] = [];
    const duplicates: string[] = [];
    const erased: string[] = [];
    for (const r of responses) {
      const answeredAt = utcInstant(r.answeredAt);
      const visitorId = r.visitorId ?? null;
      const { changes } = this.#insertRow.run({
        id: r.id,
        surveyId: r.surveyId,
        kind: r.kind,
        score: r.score,
        comment: r.comment ?? null,
        locale: canonicalLocale(r.locale),
        pageUrl: r.pageUrl,
        answeredAt,
        variant: r.variant ?? null,
        visitorId,
        metadata: r.metadata === undefined ? null : JSON.stringify(r.metadata),
        sdkName: r.sdk.name,
        sdkVersion: r.sdk.version,
        receivedAt,
      });
      if (changes === 1) {
        stored.push(r.id);
        for (const rule of this.#alerts) {
          if (!ruleMatches(rule, r)) continue;
          const id = deliveryId(rule, r.id);
          this.#queueAlert.run(id, rule.id, alertPayload(rule, r, id), receivedAt, receivedAt);
        }
      } else if (this.#isErased.get(r.id, visitorId, answeredAt) !== undefined) erased.push(r.id);
      else duplicates.push(r.id);
    }
    return { stored, duplicates, erased };
  }

  async countScores(query: ScoreQuery, groupBy?: ScoreGrouping): Promise<ScoreCount[]> {
    const group = GROUP_EXPRESSIONS[groupBy ?? 'none'];
    const { where, params } = whereOf(query);
    const rows = await this.#run('read scores', () =>
      this.#db
        .prepare<
          (string | number)[],
          { kind: SurveyKind; grp: string | null; score: number; n: number }
        >(
          `SELECT kind, ${group} AS grp, score, count(*) AS n FROM hark_responses
           WHERE ${where.join(' AND ')} GROUP BY kind, grp, score ORDER BY kind, grp, score`,
        )
        .all(...params),
    );
    return rows.map((row) => ({ kind: row.kind, group: row.grp, score: row.score, count: row.n }));
  }

  async get(id: string): Promise<StoredResponse | undefined> {
    const row = await this.#run('read a response', () => this.#getRow.get(id));
    return row === undefined ? undefined : responseFromRow(row);
  }

  async count(surveyId?: string): Promise<number> {
    const row = await this.#run('count responses', () =>
      surveyId === undefined
        ? this.#db.prepare<[], { n: number }>('SELECT count(*) AS n FROM hark_responses').get()
        : this.#db
            .prepare<[string], { n: number }>(
              'SELECT count(*) AS n FROM hark_responses WHERE survey_id = ?',
            )
            .get(surveyId),
    );
    return row?.n ?? 0;
  }

  async erase(target: ErasureTarget, at: Date): Promise<number> {
    const when = at.toISOString();
    return this.#run('erase', () =>
      this.#db
        .transaction(() => {
          const remember = this.#db.prepare(
            `INSERT INTO hark_erased_responses (id, erased_at) VALUES (?, ?)
           ON CONFLICT (id) DO NOTHING`,
          );
          // Its alert deliveries hold the comment too: they go with it, sent or not.
          const forgetAlerts = this.#db.prepare(
            "DELETE FROM hark_alert_outbox WHERE substr(id, 1, length(?) + 1) = ? || '/'",
          );
          const tombstone = (id: string) => {
            remember.run(id, when);
            forgetAlerts.run(id, id);
          };
          if ('responseId' in target) {
            tombstone(target.responseId);
            return this.#db
              .prepare('DELETE FROM hark_responses WHERE id = ?')
              .run(target.responseId).changes;
          }
          const ids = this.#db
            .prepare<[string], { id: string }>(
              'DELETE FROM hark_responses WHERE visitor_id = ? RETURNING id',
            )
            .all(target.visitorId);
          for (const { id } of ids) tombstone(id);
          // Answers this visitor gave up to now, still in an outbox somewhere, are erased too.
          this.#db
            .prepare(
              `INSERT INTO hark_erased_visitors (visitor_id, erased_at) VALUES (?, ?)
             ON CONFLICT (visitor_id) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at)`,
            )
            .run(target.visitorId, when);
          return ids.length;
        })
        .immediate(),
    );
  }

  async exportPage(
    query: ScoreQuery,
    cursor: ExportCursor | undefined,
    limit: number,
    newestFirst = false,
  ): Promise<StoredResponse[]> {
    const { where, params } = whereOf(query);
    if (cursor !== undefined) {
      where.push(`(answered_at, id) ${newestFirst ? '<' : '>'} (?, ?)`);
      params.push(utcInstant(cursor.answeredAt), cursor.id);
    }
    params.push(limit);
    const rows = await this.#run('read answers for export', () =>
      this.#db
        .prepare<(string | number)[], ResponseRow>(
          `SELECT * FROM hark_responses WHERE ${where.join(' AND ')}
           ORDER BY answered_at ${newestFirst ? 'DESC' : ''}, id ${newestFirst ? 'DESC' : ''} LIMIT ?`,
        )
        .all(...params),
    );
    return rows.map(responseFromRow);
  }

  async dueAlerts(now: Date, limit: number, ruleIds?: readonly string[]): Promise<AlertDelivery[]> {
    return this.#run('claim due alerts', () =>
      this.#db
        .transaction(() => {
          const only = ruleIds === undefined ? null : JSON.stringify(ruleIds);
          const due = this.#db
            .prepare<
              [string, string | null, string | null, number],
              { id: string; rule_id: string; payload: string; attempts: number }
            >(
              `SELECT id, rule_id, payload, attempts FROM hark_alert_outbox
               WHERE delivered_at IS NULL AND next_attempt_at <= ?
                 AND (? IS NULL OR rule_id IN (SELECT value FROM json_each(?)))
               ORDER BY next_attempt_at, id LIMIT ?`,
            )
            .all(now.toISOString(), only, only, limit);
          // Claimed for a while: another process on this file does not take them meanwhile.
          const claim = this.#db.prepare(
            'UPDATE hark_alert_outbox SET next_attempt_at = ? WHERE id = ?',
          );
          const until = new Date(now.getTime() + ALERT_CLAIM_MS).toISOString();
          for (const row of due) claim.run(until, row.id);
          return due.map((row) => ({
            id: row.id,
            ruleId: row.rule_id,
            payload: row.payload,
            attempts: row.attempts,
          }));
        })
        .immediate(),
    );
  }

  async settleAlert(id: string, outcome: AlertOutcome): Promise<void> {
    await this.#run('record an alert attempt', () => {
      if ('postponedTo' in outcome) {
        this.#db
          .prepare('UPDATE hark_alert_outbox SET next_attempt_at = ? WHERE id = ?')
          .run(outcome.postponedTo.toISOString(), id);
      } else if ('deliveredAt' in outcome) {
        this.#db
          .prepare(
            'UPDATE hark_alert_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?',
          )
          .run(outcome.deliveredAt.toISOString(), id);
      } else {
        this.#db
          .prepare(
            'UPDATE hark_alert_outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?',
          )
          .run(outcome.retryAt.toISOString(), outcome.error, id);
      }
    });
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const before = cutoff.toISOString();
    return this.#run('purge old answers', () =>
      this.#db
        .transaction(() => {
          // Alert deliveries carry the answers' words: the same retention.
          this.#db.prepare('DELETE FROM hark_alert_outbox WHERE created_at < ?').run(before);
          return this.#db.prepare('DELETE FROM hark_responses WHERE answered_at < ?').run(before)
            .changes;
        })
        .immediate(),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#lockRetry);
    // Let a scheduled group commit finish first: its callers are waiting for an answer.
    if (this.#pending.length > 0) this.#flush();
    clearTimeout(this.#lockRetry);
    for (const pending of this.#pending.splice(0)) {
      pending.reject(new StorageError('the SQLite store is closed'));
    }
    // A -shm file cut short was grown back when noticed (see DatabaseFiles): closing may use it.
    this.#checkFiles();
    this.#db.close();
  }

  /**
   * Runs one call on the connection; when another connection holds the lock it needs, tries again
   * on a timer (leaving the thread to other calls) until `maxWaitMs` has passed.
   */
  async #run<T>(what: string, operation: () => T): Promise<T> {
    const deadline = Date.now() + this.#maxWaitMs;
    for (let attempt = 0; ; attempt++) {
      if (this.#closed) throw new StorageError('the SQLite store is closed');
      const unusable = this.#checkFiles();
      if (unusable !== undefined) throw unusable;
      try {
        return operation();
      } catch (error) {
        if (!isBusy(error)) throw storageError(what, error);
        if (Date.now() >= deadline) throw this.#lockedTooLong(what);
      }
      await new Promise((resolve) => setTimeout(resolve, lockRetryDelay(attempt)));
    }
  }
}

/** SQLITE_BUSY and its extended codes: another connection holds a lock this call needs. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** 25 ms, doubling to 200 ms: a released lock is taken soon, a held one costs little to poll. */
function lockRetryDelay(attempt: number): number {
  return Math.min(200, 25 * 2 ** Math.min(attempt, 3));
}

/** The conditions of a query on one survey's answers, and their parameters. */
function whereOf(query: ScoreQuery): { where: string[]; params: (string | number)[] } {
  const where = ['survey_id = ?'];
  const params: (string | number)[] = [query.surveyId];
  if (query.from !== undefined) {
    where.push('answered_at >= ?');
    params.push(utcInstant(query.from));
  }
  if (query.to !== undefined) {
    where.push('answered_at < ?');
    params.push(utcInstant(query.to));
  }
  return { where, params };
}

function storageError(what: string, error: unknown): StorageError {
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(`SQLite could not ${what}: ${detail}`, { cause: error });
}
