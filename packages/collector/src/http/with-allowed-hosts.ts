import type { HostAllowlist } from './allowed-hosts.js';
import { misdirected } from './allowed-hosts.js';
import { answerBefore } from './answer-before.js';
import type { CollectorHandler } from './create-collector.js';
import { errorOutgoing } from './exchange.js';

/**
 * Refuses (421) every request whose `Host` is not in `hosts` before `next` sees it: for a server
 * that serves pages or a dashboard beside the collector, so that nothing it serves answers a
 * rebound name.
 */
export function withAllowedHosts(next: CollectorHandler, hosts: HostAllowlist): CollectorHandler {
  return answerBefore(next, (_method, url) =>
    hosts.allows(url) ? undefined : errorOutgoing(misdirected(url)),
  );
}
