import type { SurveyKind } from '@hark/protocol';
import { isDateTime, UUID_PATTERN } from '@hark/protocol';
import type pg from 'pg';
import { type AlertRule, alertPayload, deliveryId, ruleMatches } from '../alerts/alert-rule.js';
import type { HarkResponse } from '../protocol/schema.js';
import { canonicalLocale } from './canonical-locale.js';
import { missingDriverError } from './missing-driver.js';
import { type ResponseRow, responseFromRow } from './response-row.js';
import {
  ALERT_CLAIM_MS,
  type AlertDelivery,
  type AlertOutcome,
  type ErasureTarget,
  type ExportCursor,
  type InsertOutcome,
  PAGE_PATH_PATTERN,
  type ResponseStore,
  type ScoreCount,
  type ScoreGrouping,
  type ScoreQuery,
  StorageError,
  type StoredResponse,
} from './response-store.js';
import { utcInstant } from './utc-instant.js';

export interface PostgresStoreOptions {
  /** A libpq-style connection string, e.g. `postgres://user:pass@host:5432/db`. */
  readonly connectionString: string;
  /** Table to store answers in; created if absent. Default `hark_responses`. */
  readonly table?: string;
  /** Most connections the store opens at once. Default 10. */
  readonly poolSize?: number;
  /** Webhook rules: a matching answer's delivery is written with it (see `dueAlerts`). */
  readonly alerts?: readonly AlertRule[];
  /**
   * The longest a statement waits, in milliseconds: for a connection from the pool, for a lock
   * another session holds (`lock_timeout`), and to run (`statement_timeout`); then the call
   * rejects with `StorageError` (HTTP 503 with `Retry-After`) and its transaction is rolled
   * back. Default 10 s. Migrations at start are not bounded.
   */
  readonly maxWaitMs?: number;
}

/**
 * Table names are interpolated into SQL (identifiers cannot be parameters), so only these pass;
 * short enough that the erasure tables' names (`<table>_erased_visitors`) stay within PostgreSQL's
 * 63 characters.
 */
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,46}$/;

const UUID = new RegExp(UUID_PATTERN);

/** pg is an optional peer dependency, loaded when a PostgreSQL store is opened. */
async function loadDriver(): Promise<typeof pg> {
  try {
    return (await import('pg')).default;
  } catch (error) {
    throw missingDriverError(error, 'PostgreSQL', 'pg', 8) ?? error;
  }
}

/**
 * Opens a PostgreSQL-backed store, creating its table when absent. Rejects with `StorageError`
 * when the database cannot be reached, so a misconfigured collector fails at startup rather than
 * on its first answer.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<ResponseStore> {
  const table = options.table ?? 'hark_responses';
  if (!TABLE_NAME.test(table)) {
    throw new TypeError(`Invalid table name ${JSON.stringify(table)}: expected ${TABLE_NAME}`);
  }
  const poolSize = options.poolSize ?? 10;
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new RangeError(`Invalid poolSize ${poolSize}: expected a positive integer`);
  }
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  if (!(Number.isInteger(maxWaitMs) && maxWaitMs > 0)) {
    throw new RangeError(`Invalid maxWaitMs ${maxWaitMs}: expected a positive whole number`);
  }
  const { Pool } = await loadDriver();
  const pool = new Pool({
    connectionString: options.connectionString,
    max: poolSize,
    // Without bounds, an unreachable server, or a table another session has locked (a long
    // migration, a `LOCK TABLE` in psql), hangs every request; a 503 lets clients retry.
    connectionTimeoutMillis: maxWaitMs,
    lock_timeout: maxWaitMs,
    statement_timeout: maxWaitMs,
  });
  // An idle connection that dies (server restart, network) is emitted here; without a listener
  // Node would crash the process. The pool drops the connection and the next query reconnects.
  pool.on('error', () => {});

  try {
    await migrate(pool, table);
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = messageOf(error);
    throw new StorageError(`Could not open PostgreSQL table "${table}": ${reason}`, {
      cause: error,
    });
  }
  return new PostgresStore(pool, table, options.alerts ?? []);
}

async function migrate(pool: pg.Pool, table: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Creating an index on a large table may take long, and waits for other collectors: no bound.
    await client.query('SET LOCAL lock_timeout = 0');
    await client.query('SET LOCAL statement_timeout = 0');
    // CREATE TABLE IF NOT EXISTS is not safe against itself: two collectors starting together can
    // both miss the table and one then fails on the catalog's unique index. The lock serialises them.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hark:migrate:${table}`]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${table}" (
        id uuid PRIMARY KEY,
        survey_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
        score smallint NOT NULL,
        comment text,
        locale text NOT NULL,
        page_url text NOT NULL,
        answered_at timestamptz NOT NULL,
        variant text,
        visitor_id text,
        metadata jsonb,
        sdk_name text NOT NULL,
        sdk_version text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS "${table}_survey_answered_idx" ON "${table}" (survey_id, answered_at)`,
    );
    // Erasure: tombstones of erased answers and visitors (see ResponseStore.erase).
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${table}_erased_responses" (
        id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL
      )`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${table}_erased_visitors" (
        visitor_id text PRIMARY KEY,
        erased_at timestamptz NOT NULL
      )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS "${table}_visitor_idx" ON "${table}" (visitor_id) WHERE visitor_id IS NOT NULL`,
    );
    await client.query(
      `CREATE INDEX IF NOT EXISTS "${table}_answered_idx" ON "${table}" (answered_at)`,
    );
    // Alerts: the durable outbox of webhook deliveries, written in the answer's transaction.
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${table}_alert_outbox" (
        id text PRIMARY KEY,
        rule_id text NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        delivered_at timestamptz,
        last_error text
      )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS "${table}_alert_due_idx" ON "${table}_alert_outbox" (next_attempt_at) WHERE delivered_at IS NULL`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

interface CountRow {
  readonly kind: SurveyKind;
  readonly grp: string | null;
  readonly score: number;
  /** bigint, which pg returns as a string so as not to lose precision. */
  readonly count: string;
}

const GROUP_EXPRESSIONS: Readonly<Record<ScoreGrouping | 'none', string>> = {
  day: `to_char(answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  week: `to_char(answered_at AT TIME ZONE 'UTC', 'IYYY-"W"IW')`,
  page: `coalesce(nullif(substring(page_url from '${PAGE_PATH_PATTERN}'), ''), '/')`,
  locale: 'locale',
  variant: 'variant',
  none: 'NULL::text',
};

class PostgresStore implements ResponseStore {
  readonly #pool: pg.Pool;
  /** The table names, already validated and quoted. */
  readonly #table: string;
  readonly #erasedResponses: string;
  readonly #erasedVisitors: string;
  readonly #outbox: string;
  readonly #alerts: readonly AlertRule[];
  #closed = false;

  constructor(pool: pg.Pool, table: string, alerts: readonly AlertRule[]) {
    this.#pool = pool;
    this.#alerts = alerts;
    this.#outbox = `"${table}_alert_outbox"`;
    this.#table = `"${table}"`;
    this.#erasedResponses = `"${table}_erased_responses"`;
    this.#erasedVisitors = `"${table}_erased_visitors"`;
  }

  async insert(responses: readonly HarkResponse[], receivedAt: Date): Promise<InsertOutcome> {
    this.#assertOpen();
    if (responses.length === 0) return { stored: [], duplicates: [], erased: [] };
    const received = receivedAt.toISOString();
    // One statement for the whole batch: atomic without an explicit transaction, and one round trip.
    const sql = `
      INSERT INTO ${this.#table} (id, survey_id, kind, score, comment, locale, page_url,
        answered_at, variant, visitor_id, metadata, sdk_name, sdk_version, received_at)
      SELECT b.*, $14::timestamptz
      FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[],
        $7::text[], $8::timestamptz[], $9::text[], $10::text[], $11::jsonb[], $12::text[],
        $13::text[]) AS b (id, survey_id, kind, score, comment, locale, page_url, answered_at,
        variant, visitor_id, metadata, sdk_name, sdk_version)
      WHERE NOT EXISTS (SELECT 1 FROM ${this.#erasedResponses} e WHERE e.id = b.id)
        AND NOT EXISTS (SELECT 1 FROM ${this.#erasedVisitors} v
                        WHERE v.visitor_id = b.visitor_id AND v.erased_at >= b.answered_at)
      ON CONFLICT (id) DO NOTHING
      RETURNING id`;
    const params = [
      responses.map((r) => r.id),
      responses.map((r) => r.surveyId),
      responses.map((r) => r.kind),
      responses.map((r) => r.score),
      responses.map((r) => r.comment ?? null),
      responses.map((r) => canonicalLocale(r.locale)),
      responses.map((r) => r.pageUrl),
      responses.map((r) => utcInstant(r.answeredAt)),
      responses.map((r) => r.variant ?? null),
      responses.map((r) => r.visitorId ?? null),
      responses.map((r) => (r.metadata === undefined ? null : JSON.stringify(r.metadata))),
      responses.map((r) => r.sdk.name),
      responses.map((r) => r.sdk.version),
      received,
    ];
    let rows: readonly { id: string }[];
    try {
      ({ rows } =
        this.#alerts.length === 0
          ? await this.#pool.query<{ id: string }>(sql, params)
          : await this.#insertWithAlerts(sql, params, responses, received));
    } catch (error) {
      throw new StorageError(
        `Could not store ${responses.length} response(s) in PostgreSQL: ${messageOf(error)}`,
        { cause: error },
      );
    }
    // PostgreSQL returns ids in canonical (lowercase) form; wire ids are lowercase already.
    const written = new Set(rows.map((row) => row.id));
    const unwritten = responses.filter((r) => !written.has(r.id.toLowerCase()));
    // Only what was not written is looked at again: erased, or already there.
    const erasedIds =
      unwritten.length === 0 ? new Set<string>() : await this.#erasedAmong(unwritten);
    const stored: string[] = [];
    const duplicates: string[] = [];
    const erased: string[] = [];
    for (const { id } of responses) {
      const key = id.toLowerCase();
      // An id repeated within one batch is written once; its later copies are duplicates.
      if (written.delete(key)) stored.push(id);
      else if (erasedIds.has(key)) erased.push(id);
      else duplicates.push(id);
    }
    return { stored, duplicates, erased };
  }

  /** The insert and the alert deliveries of what it stored, in one transaction. */
  async #insertWithAlerts(
    sql: string,
    params: unknown[],
    responses: readonly HarkResponse[],
    received: string,
  ): Promise<{ rows: { id: string }[] }> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(sql, params);
      const written = new Set(rows.map((row) => row.id));
      const deliveries: [string, string, string][] = [];
      for (const r of responses) {
        if (!written.has(r.id.toLowerCase())) continue;
        for (const rule of this.#alerts) {
          if (!ruleMatches(rule, r)) continue;
          const id = deliveryId(rule, r.id);
          deliveries.push([id, rule.id, alertPayload(rule, r, id)]);
        }
      }
      if (deliveries.length > 0) {
        await client.query(
          `INSERT INTO ${this.#outbox} (id, rule_id, payload, created_at, next_attempt_at)
           SELECT d.id, d.rule_id, d.payload, $4, $4
           FROM unnest($1::text[], $2::text[], $3::text[]) AS d (id, rule_id, payload)
           ON CONFLICT (id) DO NOTHING`,
          [
            deliveries.map((d) => d[0]),
            deliveries.map((d) => d[1]),
            deliveries.map((d) => d[2]),
            received,
          ],
        );
      }
      await client.query('COMMIT');
      return { rows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async dueAlerts(now: Date, limit: number, ruleIds?: readonly string[]): Promise<AlertDelivery[]> {
    this.#assertOpen();
    // Claimed in one statement; SKIP LOCKED lets two collectors share the outbox without waiting.
    const rows = await this.#query<{
      id: string;
      rule_id: string;
      payload: string;
      attempts: number;
      due: Date;
    }>(
      'claim due alerts',
      `WITH due AS (
         SELECT id, next_attempt_at FROM ${this.#outbox}
         WHERE delivered_at IS NULL AND next_attempt_at <= $1
           AND ($4::text[] IS NULL OR rule_id = ANY($4::text[]))
         ORDER BY next_attempt_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.#outbox} o SET next_attempt_at = $3
       FROM due WHERE o.id = due.id
       RETURNING o.id, o.rule_id, o.payload, o.attempts, due.next_attempt_at AS due`,
      [now, limit, new Date(now.getTime() + ALERT_CLAIM_MS), ruleIds ?? null],
    );
    return rows
      .sort((a, b) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : 1))
      .map((row) => ({
        id: row.id,
        ruleId: row.rule_id,
        payload: row.payload,
        attempts: row.attempts,
      }));
  }

  async settleAlert(id: string, outcome: AlertOutcome): Promise<void> {
    this.#assertOpen();
    if ('postponedTo' in outcome) {
      await this.#query(
        'record an alert attempt',
        `UPDATE ${this.#outbox} SET next_attempt_at = $1 WHERE id = $2`,
        [outcome.postponedTo, id],
      );
    } else if ('deliveredAt' in outcome) {
      await this.#query(
        'record an alert attempt',
        `UPDATE ${this.#outbox} SET delivered_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2`,
        [outcome.deliveredAt, id],
      );
    } else {
      await this.#query(
        'record an alert attempt',
        `UPDATE ${this.#outbox} SET next_attempt_at = $1, attempts = attempts + 1, last_error = $2 WHERE id = $3`,
        [outcome.retryAt, outcome.error, id],
      );
    }
  }

  async #erasedAmong(responses: readonly HarkResponse[]): Promise<Set<string>> {
    const rows = await this.#query<{ id: string }>(
      'check erased answers',
      `SELECT b.id FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS b (id, visitor_id, answered_at)
       WHERE EXISTS (SELECT 1 FROM ${this.#erasedResponses} e WHERE e.id = b.id)
          OR EXISTS (SELECT 1 FROM ${this.#erasedVisitors} v
                     WHERE v.visitor_id = b.visitor_id AND v.erased_at >= b.answered_at)`,
      [
        responses.map((r) => r.id),
        responses.map((r) => r.visitorId ?? null),
        responses.map((r) => utcInstant(r.answeredAt)),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  async erase(target: ErasureTarget, at: Date): Promise<number> {
    this.#assertOpen();
    const client = await this.#connect('erase');
    try {
      await client.query('BEGIN');
      let erased: number;
      if ('responseId' in target) {
        // No valid answer has another shape of id: nothing to delete, nothing to remember.
        if (!UUID.test(target.responseId)) {
          await client.query('ROLLBACK');
          return 0;
        }
        await client.query(
          `INSERT INTO ${this.#erasedResponses} (id, erased_at) VALUES ($1, $2)
           ON CONFLICT (id) DO NOTHING`,
          [target.responseId, at],
        );
        // Its alert deliveries hold the comment too: they go with it, sent or not.
        await client.query(`DELETE FROM ${this.#outbox} WHERE split_part(id, '/', 1) = $1`, [
          target.responseId,
        ]);
        erased =
          (await client.query(`DELETE FROM ${this.#table} WHERE id = $1`, [target.responseId]))
            .rowCount ?? 0;
      } else {
        const { rows } = await client.query<{ id: string }>(
          `DELETE FROM ${this.#table} WHERE visitor_id = $1 RETURNING id`,
          [target.visitorId],
        );
        await client.query(
          `INSERT INTO ${this.#erasedResponses} (id, erased_at)
           SELECT unnest($1::uuid[]), $2 ON CONFLICT (id) DO NOTHING`,
          [rows.map((row) => row.id), at],
        );
        await client.query(
          `INSERT INTO ${this.#erasedVisitors} (visitor_id, erased_at) VALUES ($1, $2)
           ON CONFLICT (visitor_id) DO UPDATE
           SET erased_at = greatest(${this.#erasedVisitors}.erased_at, excluded.erased_at)`,
          [target.visitorId, at],
        );
        // Their alert deliveries hold the comments too: they go with them, sent or not.
        await client.query(
          `DELETE FROM ${this.#outbox} WHERE split_part(id, '/', 1) = ANY($1::text[])`,
          [rows.map((row) => row.id)],
        );
        erased = rows.length;
      }
      await client.query('COMMIT');
      // An insert that raced the erasure (its tombstone check ran before this commit) is caught
      // here: every later insert sees the tombstones.
      await client.query(
        'responseId' in target
          ? `DELETE FROM ${this.#table} WHERE id = $1`
          : `DELETE FROM ${this.#table} WHERE visitor_id = $1 AND answered_at <= $2`,
        'responseId' in target ? [target.responseId] : [target.visitorId, at],
      );
      return erased;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new StorageError(`Could not erase in PostgreSQL: ${messageOf(error)}`, {
        cause: error,
      });
    } finally {
      client.release();
    }
  }

  async exportPage(
    query: ScoreQuery,
    cursor: ExportCursor | undefined,
    limit: number,
    newestFirst = false,
  ): Promise<StoredResponse[]> {
    this.#assertOpen();
    const bounds = whereOf(query);
    const { params } = bounds;
    let { where } = bounds;
    if (cursor !== undefined) {
      params.push(utcInstant(cursor.answeredAt), cursor.id);
      const after = newestFirst ? '<' : '>';
      where += ` AND (answered_at, id) ${after} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit);
    const rows = await this.#query<ResponseRow>(
      'read answers for export',
      `SELECT * FROM ${this.#table} WHERE ${where}
       ORDER BY answered_at ${newestFirst ? 'DESC' : ''}, id ${newestFirst ? 'DESC' : ''} LIMIT $${params.length}`,
      params,
    );
    return rows.map(responseFromRow);
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    this.#assertOpen();
    try {
      // Alert deliveries carry the answers' words: the same retention.
      await this.#pool.query(`DELETE FROM ${this.#outbox} WHERE created_at < $1`, [cutoff]);
      const result = await this.#pool.query(`DELETE FROM ${this.#table} WHERE answered_at < $1`, [
        cutoff,
      ]);
      return result.rowCount ?? 0;
    } catch (error) {
      throw new StorageError(`Could not purge old answers in PostgreSQL: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  async #connect(what: string): Promise<pg.PoolClient> {
    try {
      return await this.#pool.connect();
    } catch (error) {
      throw new StorageError(`Could not ${what} in PostgreSQL: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  async countScores(query: ScoreQuery, groupBy?: ScoreGrouping): Promise<ScoreCount[]> {
    this.#assertOpen();
    const { where, params } = whereOf(query);
    const group = GROUP_EXPRESSIONS[groupBy ?? 'none'];
    // COLLATE "C" (byte order, whatever the server's default collation) and NULLS FIRST: the
    // order SQLite returns, so that both back-ends answer alike.
    const sql = `
      SELECT kind, ${group} AS grp, score, count(*) AS count
      FROM ${this.#table}
      WHERE ${where}
      GROUP BY kind, ${group}, score
      ORDER BY kind COLLATE "C", ${group} COLLATE "C" NULLS FIRST, score`;
    const rows = await this.#query<CountRow>('count scores', sql, params);
    return rows.map((row) => ({
      kind: row.kind,
      group: row.grp,
      score: row.score,
      count: Number(row.count),
    }));
  }

  async get(id: string): Promise<StoredResponse | undefined> {
    this.#assertOpen();
    // Anything else would make PostgreSQL reject the uuid cast; no valid answer has such an id.
    if (!UUID.test(id)) return undefined;
    const rows = await this.#query<ResponseRow>(
      'read a response',
      `SELECT * FROM ${this.#table} WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row === undefined ? undefined : responseFromRow(row);
  }

  async count(surveyId?: string): Promise<number> {
    this.#assertOpen();
    const rows =
      surveyId === undefined
        ? await this.#query<{ count: string }>(
            'count responses',
            `SELECT count(*) AS count FROM ${this.#table}`,
            [],
          )
        : await this.#query<{ count: string }>(
            'count responses',
            `SELECT count(*) AS count FROM ${this.#table} WHERE survey_id = $1`,
            [surveyId],
          );
    return Number(rows[0]?.count ?? 0);
  }

  async close(): Promise<void> {
    // pg's pool throws when ended twice; closing a closed store is a no-op, as for SQLite.
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  /** Checked before anything else, so that every call after close fails the same way. */
  #assertOpen(): void {
    if (this.#closed) throw new StorageError('the PostgreSQL store is closed');
  }

  async #query<Row extends pg.QueryResultRow>(
    what: string,
    sql: string,
    params: readonly unknown[],
  ): Promise<Row[]> {
    try {
      return (await this.#pool.query<Row>(sql, params as unknown[])).rows;
    } catch (error) {
      throw new StorageError(`Could not ${what} in PostgreSQL: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }
}

/**
 * The conditions of a query on one survey's answers, and their parameters. The bounds are checked
 * here so that a malformed one is the caller's error, not a "retry later" StorageError.
 */
function whereOf(query: ScoreQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [query.surveyId];
  let where = 'survey_id = $1';
  if (query.from !== undefined) {
    if (!isDateTime(query.from)) throw new RangeError(`Invalid "from" date-time: ${query.from}`);
    params.push(utcInstant(query.from));
    where += ` AND answered_at >= $${params.length}::timestamptz`;
  }
  if (query.to !== undefined) {
    if (!isDateTime(query.to)) throw new RangeError(`Invalid "to" date-time: ${query.to}`);
    params.push(utcInstant(query.to));
    where += ` AND answered_at < $${params.length}::timestamptz`;
  }
  return { where, params };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
