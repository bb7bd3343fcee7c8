import type { ResponseStore, ScoreQuery } from '../storage/response-store.js';
import { answerPages } from './answer-pages.js';
import { csvHeader, csvLine, ndjsonLine } from './csv.js';

export type ExportFormat = 'csv' | 'ndjson';

/**
 * A survey's answers as text, one page of lines per chunk, read from the store page by page as
 * the consumer asks (so a slow reader slows the reads, and nothing is buffered whole).
 */
export async function* exportChunks(
  store: ResponseStore,
  query: ScoreQuery,
  format: ExportFormat,
  onRows?: (total: number) => void,
): AsyncGenerator<string> {
  // The header goes with the first page: a consumer that awaits the first chunk has read the
  // store once (and learns of a failure before it sends a status).
  let prefix = format === 'csv' ? csvHeader() : '';
  const line = format === 'csv' ? csvLine : ndjsonLine;
  let total = 0;
  for await (const page of answerPages(store, query)) {
    total += page.length;
    if (page.length > 0) onRows?.(total);
    const text = prefix + page.map(line).join('');
    prefix = '';
    if (text !== '') yield text;
  }
}
