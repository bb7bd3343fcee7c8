import type { SurveyKind } from '@hark/protocol';
import type { HarkResponse } from '../protocol/schema.js';
import type { StoredResponse } from './response-store.js';

/** A row of the responses table, as both SQL back-ends name its columns. */
export interface ResponseRow {
  readonly id: string;
  readonly survey_id: string;
  readonly kind: SurveyKind;
  readonly score: number;
  readonly comment: string | null;
  readonly locale: string;
  readonly page_url: string;
  /** UTC; text in SQLite, a Date from PostgreSQL. */
  readonly answered_at: string | Date;
  readonly variant: string | null;
  readonly visitor_id: string | null;
  /** JSON text in SQLite, an object from PostgreSQL's jsonb. */
  readonly metadata: string | Record<string, string> | null;
  readonly sdk_name: string;
  readonly sdk_version: string;
  readonly received_at: string | Date;
}

/** Rebuilds the wire shape of a stored answer: optional fields absent rather than null. */
export function responseFromRow(row: ResponseRow): StoredResponse {
  const response: Record<string, unknown> = {
    id: row.id,
    surveyId: row.survey_id,
    kind: row.kind,
    score: row.score,
    locale: row.locale,
    pageUrl: row.page_url,
    answeredAt: new Date(row.answered_at).toISOString(),
    sdk: { name: row.sdk_name, version: row.sdk_version },
  };
  if (row.comment !== null) response.comment = row.comment;
  if (row.variant !== null) response.variant = row.variant;
  if (row.visitor_id !== null) response.visitorId = row.visitor_id;
  if (row.metadata !== null) {
    response.metadata = typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata;
  }
  return {
    response: response as HarkResponse,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}
