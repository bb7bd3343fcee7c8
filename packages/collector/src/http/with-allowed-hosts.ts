import type { HostAllowlist } from './allowed-hosts.js';
import { misdirected } from './allowed-hosts.js';
import { type CollectorHandler, HANDLE } from './create-collector.js';
import { errorOutgoing, toResponse } from './exchange.js';

/**
 * Refuses (421) every request whose `Host` is not in `hosts` before `next` sees it: for a server
 * that serves pages or a dashboard beside the collector, so that nothing it serves answers a
 * rebound name. Keeps the Node adapter's direct path when `next` has one.
 */
export function withAllowedHosts(next: CollectorHandler, hosts: HostAllowlist): CollectorHandler {
  const handler: CollectorHandler = async (request, context) => {
    const url = new URL(request.url);
    return hosts.allows(url) ? next(request, context) : toResponse(errorOutgoing(misdirected(url)));
  };
  const direct = next[HANDLE];
  return direct === undefined
    ? handler
    : Object.assign(handler, {
        [HANDLE]: async (
          incoming: Parameters<typeof direct>[0],
          context: Parameters<typeof direct>[1],
        ) =>
          hosts.allows(incoming.url)
            ? direct(incoming, context)
            : errorOutgoing(misdirected(incoming.url)),
      });
}
