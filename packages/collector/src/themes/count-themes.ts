import type { BandThemes } from '@hark/protocol';
import type { StoredResponse } from '../storage/response-store.js';
import { CommentThemes } from './comment-themes.js';
import { type ThemesReply, type ThemesRequest, themeInputs } from './themes-job.js';

/** Where themes are counted: on the themes thread, or here (in slices) where there is none. */
export type ThemesPlace = 'thread' | 'here';

/** The longest the event loop is held at a time when themes are counted on it. */
const SLICE_MS = 5;

/**
 * The themes of a stream of answer pages (see `CommentThemes`), counted off the event loop: on a
 * worker thread shared by all requests (Node, Deno, Bun), so that splitting tens of thousands of
 * long comments into words (about 1 ms per 1,000 characters) never delays a submission. Where
 * there are no worker threads (edge runtimes, or the sources run without a build), they are
 * counted here, giving the event loop back every few milliseconds. The result is the same.
 */
export async function countThemes(
  pages: AsyncIterable<readonly StoredResponse[]>,
  { place }: { place?: ThemesPlace } = {},
): Promise<BandThemes[]> {
  const thread = place === 'here' ? undefined : await themesThread();
  if (thread !== undefined) return thread.count(pages);
  if (place === 'thread') throw new Error('no themes thread here');
  return countHere(pages);
}

async function countHere(pages: AsyncIterable<readonly StoredResponse[]>): Promise<BandThemes[]> {
  const themes = new CommentThemes();
  let sliceStart = Date.now();
  for await (const page of pages) {
    for (const { response } of page) {
      themes.addAnswer(response);
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToLoop();
        sliceStart = Date.now();
      }
    }
  }
  return themes.result();
}

const yieldToLoop = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

interface ThemesThread {
  count(pages: AsyncIterable<readonly StoredResponse[]>): Promise<BandThemes[]>;
}

/** Started on first use; undefined where worker threads are not available. */
let started: Promise<ThemesThread | undefined> | undefined;

function themesThread(): Promise<ThemesThread | undefined> {
  started ??= startThemesThread().then(
    (thread) => thread,
    () => undefined,
  );
  return started;
}

interface Waiting {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

async function startThemesThread(): Promise<ThemesThread> {
  // Not a static import: the collector also runs where `node:worker_threads` does not exist, and
  // bundlers for those runtimes must not try to resolve it.
  const specifier = 'node:worker_threads';
  const { Worker } = (await import(
    /* @vite-ignore */ specifier
  )) as typeof import('node:worker_threads');
  const worker = new Worker(new URL('./themes-worker.js', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: ThemesReply) => {
      if ('ready' in reply) {
        worker.off('error', reject);
        resolve();
      }
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });

  const waiting = new Map<number, Waiting>();
  let nextJob = 0;
  let broken: Error | undefined;
  // The thread keeps the process alive only while it has work.
  worker.unref();
  const fail = (error: Error) => {
    broken = error;
    started = undefined; // the next request starts a new thread
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('error', (error: Error) =>
    fail(new Error(`the themes thread failed: ${error.message}`)),
  );
  worker.on('exit', (code: number) => fail(new Error(`the themes thread exited (code ${code})`)));
  worker.on('message', (reply: ThemesReply) => {
    if (!('job' in reply)) return;
    const call = waiting.get(reply.job);
    if (call === undefined) return;
    waiting.delete(reply.job);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) call.resolve(reply.value);
    else call.reject(new Error(`themes could not be counted: ${reply.message}`));
  });

  /** One request of a job at a time: the job's id is its key. */
  const call = (request: ThemesRequest): Promise<unknown> => {
    if (broken !== undefined) return Promise.reject(broken);
    return new Promise((resolve, reject) => {
      waiting.set(request.job, { resolve, reject });
      if (waiting.size === 1) worker.ref();
      worker.postMessage(request);
    });
  };

  return {
    async count(pages) {
      const job = ++nextJob;
      let counting: Promise<unknown> | undefined;
      try {
        for await (const page of pages) {
          const inputs = themeInputs(page);
          // The next page is read while the thread counts this one, and sent only once it is
          // done: at most one page per request waits in the thread's memory.
          await counting;
          counting = call({ job, op: 'add', inputs });
          counting.catch(() => {}); // awaited above or below; not an unhandled rejection meanwhile
        }
        await counting;
        return (await call({ job, op: 'result' })) as BandThemes[];
      } catch (error) {
        await counting?.catch(() => {});
        if (broken === undefined) worker.postMessage({ job, op: 'drop' } satisfies ThemesRequest);
        throw error;
      }
    },
  };
}
