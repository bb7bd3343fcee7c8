import { answerPages, LATEST } from '../export/answer-pages.js';
import type { ResponseStore } from '../storage/response-store.js';
import { countThemes } from '../themes/count-themes.js';
import { jsonOutgoing, type Outgoing } from './exchange.js';
import { parseResultsQuery } from './results-endpoint.js';

/**
 * `GET /themes?surveyId=&from=&to=`: per kind and score band, the most frequent meaningful words
 * and two-word phrases of the comments (see `CommentThemes`), in the latest 50,000 answers.
 */
export async function themesOutgoing(
  store: ResponseStore,
  params: URLSearchParams,
): Promise<Outgoing> {
  const query = parseResultsQuery(params);
  // Counted off the event loop (see countThemes): submissions are not held up meanwhile.
  const themes = await countThemes(answerPages(store, query, LATEST));
  return jsonOutgoing(200, {
    surveyId: query.surveyId,
    from: query.from ?? null,
    to: query.to ?? null,
    themes,
  });
}
