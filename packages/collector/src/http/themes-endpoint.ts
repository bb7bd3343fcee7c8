import { answerPages } from '../export/answer-pages.js';
import type { ResponseStore } from '../storage/response-store.js';
import { CommentThemes } from '../themes/comment-themes.js';
import { jsonOutgoing, type Outgoing } from './exchange.js';
import { parseResultsQuery } from './results-endpoint.js';

/** Answers read for themes, newest first. */
const MOST_SCANNED = 50_000;

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
  // The latest answers, newest first, up to a bound: a dashboard load stays quick on any survey.
  let scanned = 0;
  for await (const page of answerPages(store, query, true)) {
    for (const answer of page) themes.add(answer);
    scanned += page.length;
    if (scanned >= MOST_SCANNED) break;
  }
  return jsonOutgoing(200, {
    surveyId: query.surveyId,
    from: query.from ?? null,
    to: query.to ?? null,
    themes: themes.result(),
  });
}
