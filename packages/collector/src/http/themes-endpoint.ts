import type { BandThemes, ThemesBody } from '@hark/protocol';
import { answerPages, LATEST } from '../export/answer-pages.js';
import type { ResponseStore, ScoreQuery } from '../storage/response-store.js';
import { countThemes } from '../themes/count-themes.js';
import { jsonOutgoing, type Outgoing } from './exchange.js';
import { parseResultsQuery } from './results-endpoint.js';

/**
 * Per store, the themes being counted, by query: a request for themes already being counted
 * (a second dashboard, a reload) waits for that count instead of starting another one.
 */
const counting = new WeakMap<ResponseStore, Map<string, Promise<BandThemes[]>>>();

function themesOf(store: ResponseStore, query: ScoreQuery): Promise<BandThemes[]> {
  let running = counting.get(store);
  if (running === undefined) {
    running = new Map();
    counting.set(store, running);
  }
  const key = JSON.stringify([query.surveyId, query.from ?? null, query.to ?? null]);
  let themes = running.get(key);
  if (themes === undefined) {
    // Counted off the event loop (see countThemes): submissions are not held up meanwhile.
    themes = countThemes(answerPages(store, query, LATEST));
    const mine = themes;
    const done = () => {
      if (running.get(key) === mine) running.delete(key);
    };
    themes.then(done, done);
    running.set(key, themes);
  }
  return themes;
}

/**
 * `GET /themes?surveyId=&from=&to=`: per kind and score band, the most frequent meaningful words
 * and two-word phrases of the comments (see `CommentThemes`), in the latest 50,000 answers.
 */
export async function themesOutgoing(
  store: ResponseStore,
  params: URLSearchParams,
): Promise<Outgoing> {
  const query = parseResultsQuery(params);
  const body: ThemesBody = {
    surveyId: query.surveyId,
    from: query.from ?? null,
    to: query.to ?? null,
    themes: await themesOf(store, query),
  };
  return jsonOutgoing(200, body);
}
