import { type ExportFormat, exportChunks } from '../export/export-rows.js';
import type { ResponseStore } from '../storage/response-store.js';
import type { ValidationIssue } from '../validation/issue.js';
import type { Outgoing } from './exchange.js';
import { parseResultsQuery } from './results-endpoint.js';

const TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * `GET /export?surveyId=&from=&to=&format=csv|ndjson`: the survey's answers, streamed page by page
 * (memory stays flat whatever the count), as a download. CSV cells that a spreadsheet would run
 * as formulas are neutralised.
 */
export async function exportOutgoing(
  store: ResponseStore,
  params: URLSearchParams,
  head = false,
): Promise<Outgoing> {
  const format = params.get('format') ?? 'csv';
  const issues: ValidationIssue[] = [];
  if (format !== 'csv' && format !== 'ndjson') {
    issues.push({
      path: '/query/format',
      code: 'invalid_value',
      message: 'must be "csv" or "ndjson"',
    });
  }
  const query = parseResultsQuery(params, issues);
  const as = format as ExportFormat;
  const headers = {
    'content-type': TYPES[as],
    'content-disposition': `attachment; filename="${query.surveyId}.${as}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (head) return { status: 200, headers, body: null };
  const chunks = exportChunks(store, query, as);
  // Read the first page now: a store that cannot answer is a 503, not a cut-off download.
  const first = await chunks.next();
  async function* body(): AsyncGenerator<string> {
    if (first.done) return;
    yield first.value;
    yield* chunks;
  }
  return { status: 200, headers, body: body() };
}
