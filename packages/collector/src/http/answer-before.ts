import { type CollectorHandler, HANDLE } from './create-collector.js';
import { type Outgoing, toResponse } from './exchange.js';

/**
 * Puts a step in front of `next` that may answer a request itself (an Outgoing) or let it
 * through (undefined), on both paths a request takes: the fetch handler, and the Node adapter's
 * direct path, which builds no Request and is kept whenever `next` has one.
 */
export function answerBefore(
  next: CollectorHandler,
  answer: (method: string, url: URL) => Outgoing | undefined,
): CollectorHandler {
  const handler: CollectorHandler = async (request, context) => {
    const outgoing = answer(request.method, new URL(request.url));
    return outgoing === undefined ? next(request, context) : toResponse(outgoing);
  };
  const direct = next[HANDLE];
  return direct === undefined
    ? handler
    : Object.assign(handler, {
        [HANDLE]: async (
          incoming: Parameters<typeof direct>[0],
          context: Parameters<typeof direct>[1],
        ) => answer(incoming.method, incoming.url) ?? direct(incoming, context),
      });
}
