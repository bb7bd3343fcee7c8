// The themes thread: splits comments into words (Intl.Segmenter, about 1 ms per 1,000 characters)
// and counts them, so that a dashboard's /themes on tens of thousands of answers never holds up
// the server's event loop, where submissions are acknowledged. Jobs from concurrent requests
// interleave page by page.
import { parentPort } from 'node:worker_threads';
import { CommentThemes } from './comment-themes.js';
import type { ThemesReply, ThemesRequest } from './themes-job.js';

const port = parentPort;
if (port === null) throw new Error('themes-worker.js runs as a worker thread');

const jobs = new Map<number, CommentThemes>();

port.on('message', (request: ThemesRequest) => {
  const { job } = request;
  try {
    switch (request.op) {
      case 'add': {
        let themes = jobs.get(job);
        if (themes === undefined) {
          themes = new CommentThemes();
          jobs.set(job, themes);
        }
        for (const input of request.inputs) themes.addAnswer(input);
        port.postMessage({ job, ok: true } satisfies ThemesReply);
        break;
      }
      case 'result': {
        const value = (jobs.get(job) ?? new CommentThemes()).result();
        jobs.delete(job);
        port.postMessage({ job, ok: true, value } satisfies ThemesReply);
        break;
      }
      case 'drop':
        jobs.delete(job);
        break;
    }
  } catch (error) {
    jobs.delete(job);
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ job, ok: false, message } satisfies ThemesReply);
  }
});
port.postMessage({ ready: true } satisfies ThemesReply);
