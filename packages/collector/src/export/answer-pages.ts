import type { ResponseStore, ScoreQuery, StoredResponse } from '../storage/response-store.js';

/** Answers read per page: enough to keep round trips few, small enough to keep memory flat. */
export const PAGE_SIZE = 1000;

/** What the dashboard's endpoints read of a survey, newest first: a load stays quick on any size. */
export const LATEST = { newestFirst: true, most: 50_000 } as const;

/**
 * A survey's answers, page by page in (answeredAt, id) order (or newest first), each page read only when the
 * consumer asks for it: any number of answers passes through with one page in memory.
 */
export async function* answerPages(
  store: ResponseStore,
  query: ScoreQuery,
  { newestFirst = false, most = Number.POSITIVE_INFINITY } = {},
): AsyncGenerator<StoredResponse[]> {
  let cursor: { answeredAt: string; id: string } | undefined;
  let read = 0;
  for (;;) {
    const page = await store.exportPage(query, cursor, PAGE_SIZE, newestFirst);
    yield page;
    read += page.length;
    const last = page.at(-1)?.response;
    if (page.length < PAGE_SIZE || last === undefined || read >= most) return;
    cursor = { answeredAt: last.answeredAt, id: last.id };
  }
}
