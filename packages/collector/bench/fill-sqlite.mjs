/**
 * Fills a SQLite database for a benchmark fast: the store creates the schema, then one raw
 * transaction per survey with synchronous=OFF (only the fill; what is measured reads or writes
 * through the real store).
 */
import Database from 'better-sqlite3';
import { openSqliteStore } from '../dist/storage/sqlite-store.js';

/**
 * @param {string} path
 * @param {ReadonlyArray<{ surveyId: string, count: number }>} surveys
 * @param {(i: number) => any} make an answer per index (fixtures.mjs responseFactory)
 * @param {(answer: any) => string | null} comment the comment stored with each answer
 */
export function fillSqlite(path, surveys, make, comment = (r) => r.comment ?? null) {
  openSqliteStore({ path }).close();
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const insert = sqlite.prepare(
    `INSERT INTO hark_responses (id, survey_id, kind, score, comment, locale, page_url, answered_at,
       variant, visitor_id, metadata, sdk_name, sdk_version, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const received = new Date().toISOString();
  for (const { surveyId, count } of surveys) {
    sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const r = make(i);
        insert.run(
          r.id,
          surveyId,
          r.kind,
          r.score,
          comment(r),
          r.locale,
          r.pageUrl,
          new Date(r.answeredAt).toISOString(),
          r.variant ?? null,
          r.visitorId ?? null,
          r.metadata ? JSON.stringify(r.metadata) : null,
          r.sdk.name,
          r.sdk.version,
          received,
        );
      }
    })();
  }
  sqlite.close();
}
