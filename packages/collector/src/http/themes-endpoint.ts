import { answerPages, LATEST } from '../export/answer-pages.js';
import type { ResponseStore } from '../storage/response-store.js';
import { CommentThemes } from '../themes/comment-themes.js';
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
  const themes = new CommentThemes();
  for await (const page of answerPages(store, query, LATEST)) {
    for (const answer of page) themes.add(answer);
  }
  return jsonOutgoing(200, {
    surveyId: query.surveyId,
    from: query.from ?? null,
    to: query.to ?? null,
    themes: themes.result(),
  });
}
