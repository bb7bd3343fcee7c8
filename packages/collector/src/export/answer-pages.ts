import type { ResponseStore, ScoreQuery, StoredResponse } from '../storage/response-store.js';

/** Answers read per page: enough to keep round trips few, small enough to keep memory flat. */
export const PAGE_SIZE = 1000;

/**
 * What the dashboard's endpoints read of a survey, newest first: a load stays quick on any size.
 * Its pages are small, so each read holds the store (and the submissions queued behind it on
 * SQLite's one connection) for a few milliseconds only.
 */
export const LATEST = { newestFirst: true, most: 50_000, pageSize: 100, rest: true } as const;

/**
 * Per store, the page read that scans are waiting for. Scans (exports, themes, comment searches)
 * take turns, one page at a time: however many run at once, a submission waits behind at most one
 * page read, not one per scan. After a page of a scan that `rest`s (the dashboard's), the store
 * rests as long as the read took, so those scans together keep it (SQLite's one connection, and a
 * core) busy half the time at most; an export does not rest, for its throughput.
 */
const turns = new WeakMap<ResponseStore, Promise<unknown>>();

function inTurn<T>(store: ResponseStore, read: () => Promise<T>, rests: boolean): Promise<T> {
  const previous = turns.get(store) ?? Promise.resolve();
  let started = 0;
  const timed = () => {
    started = Date.now();
    return read();
  };
  const mine = previous.then(timed, timed);
  const rest = () =>
    rests ? new Promise<void>((resolve) => setTimeout(resolve, Date.now() - started)) : undefined;
  const settled = mine.then(rest, rest);
  turns.set(store, settled);
  // The last in line leaves no chain behind.
  void settled.then(() => {
    if (turns.get(store) === settled) turns.delete(store);
  });
  return mine;
}

/**
 * A survey's answers, page by page in (answeredAt, id) order (or newest first), each page read only when the
 * consumer asks for it: any number of answers passes through with one page in memory.
 */
export async function* answerPages(
  store: ResponseStore,
  query: ScoreQuery,
  { newestFirst = false, most = Number.POSITIVE_INFINITY, pageSize = PAGE_SIZE, rest = false } = {},
): AsyncGenerator<StoredResponse[]> {
  let cursor: { answeredAt: string; id: string } | undefined;
  let read = 0;
  for (;;) {
    const size = Math.min(pageSize, most - read);
    const page = await inTurn(
      store,
      () => store.exportPage(query, cursor, size, newestFirst),
      rest,
    );
    yield page;
    read += page.length;
    const last = page.at(-1)?.response;
    if (page.length < size || last === undefined || read >= most) return;
    cursor = { answeredAt: last.answeredAt, id: last.id };
  }
}
