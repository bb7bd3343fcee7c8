import type { StoredResponse } from '../storage/response-store.js';

/** The export's columns, in order: the wire fields, then when the collector received the answer. */
export const CSV_COLUMNS = [
  'id',
  'surveyId',
  'kind',
  'score',
  'comment',
  'locale',
  'pageUrl',
  'answeredAt',
  'variant',
  'visitorId',
  'metadata',
  'sdkName',
  'sdkVersion',
  'receivedAt',
] as const;

/**
 * Text a spreadsheet may run as a formula: a cell that starts with a tab, CR or LF, or whose first
 * character after blanks (space, tab, CR, LF, NBSP, ideographic space) is `=`, `+`, `-`, `@` or
 * one of their full-width forms, which spreadsheets in CJK locales read as the ASCII ones.
 */
const FORMULA_LIKE = /^(?:[\t\r\n]|[ \t\r\n\u00A0\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: formula-like text gets a leading `'`,
 * which spreadsheets show as text (OWASP's advice for CSV injection). Numbers are written as they
 * are, so a numeric column stays numeric.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_LIKE.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header line. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One answer as a CSV line (CRLF-terminated, as RFC 4180 has it). */
export function csvLine({ response: r, receivedAt }: StoredResponse): string {
  return `${[
    r.id,
    r.surveyId,
    r.kind,
    r.score,
    r.comment,
    r.locale,
    r.pageUrl,
    r.answeredAt,
    r.variant,
    r.visitorId,
    r.metadata === undefined ? undefined : JSON.stringify(r.metadata),
    r.sdk.name,
    r.sdk.version,
    receivedAt,
  ]
    .map(csvField)
    .join(',')}\r\n`;
}

/** One answer as an NDJSON line: the wire shape plus `receivedAt`. */
export function ndjsonLine({ response, receivedAt }: StoredResponse): string {
  return `${JSON.stringify({ ...response, receivedAt })}\n`;
}
