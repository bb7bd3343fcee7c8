import type { AlertDelivery, ResponseStore } from '../storage/response-store.js';
import { type AlertRule, signAlert } from './alert-rule.js';

export interface AlertDispatcherOptions {
  readonly store: ResponseStore;
  readonly rules: readonly AlertRule[];
  /** Backoff after a failed attempt: base × 2^attempts, capped, with jitter. */
  readonly retry?: { readonly baseMs?: number; readonly capMs?: number };
  /** How often to look for due deliveries. Default 1 s. */
  readonly pollMs?: number;
  /** How long one delivery waits for its receiver's answer before it counts as failed. Default 10 s. */
  readonly timeoutMs?: number;
  /** Deliveries in flight at once: to one receiver URL (default 4) and in all (default 32). */
  readonly concurrency?: { readonly perReceiver?: number; readonly total?: number };
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

export interface AlertDispatcher {
  /**
   * Stops claiming, aborts the attempts in flight and waits for them to be recorded; what is left
   * stays in the outbox, due at once for the next run.
   */
  stop(): Promise<void>;
}

/** The deliveries of the rules that share one URL: limits and backoff are per receiver. */
interface Receiver {
  readonly url: string;
  readonly ruleIds: readonly string[];
  inFlight: number;
  /** Failed attempts in a row; a success resets it. */
  failures: number;
  /** After a failure no new attempt starts before this, so a receiver that is down is not hammered. */
  pausedUntil: number;
}

/**
 * Delivers the alert outbox: POSTs each due delivery, signed (`Hark-Signature`) and identified
 * (`Hark-Delivery`), and records the outcome. Receivers are served side by side, a few deliveries
 * in flight each, so one that hangs or is slow holds up only its own alerts; each attempt has a
 * timeout. Anything but a 2xx (an error status, a redirect, a timeout, a refused connection) is
 * retried with capped exponential backoff and jitter, for as long as it takes; the outbox is in
 * the database, so a restart picks up where the last run stopped.
 */
export function startAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  const { store, rules } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const base = options.retry?.baseMs ?? 2_000;
  const cap = options.retry?.capMs ?? 15 * 60_000;
  const timeout = options.timeoutMs ?? 10_000;
  const perReceiver = options.concurrency?.perReceiver ?? 4;
  const total = options.concurrency?.total ?? 32;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  /** One per attempt in flight, for stop() to abort. */
  const aborts = new Set<AbortController>();
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const receivers: Receiver[] = [];
  for (const rule of rules) {
    const known = receivers.find((r) => r.url === rule.url);
    if (known === undefined)
      receivers.push({
        url: rule.url,
        ruleIds: [rule.id],
        inFlight: 0,
        failures: 0,
        pausedUntil: 0,
      });
    else (known.ruleIds as string[]).push(rule.id);
  }

  const backoff = (failures: number) =>
    Math.min(cap, base * 2 ** failures) * (0.5 + Math.random() / 2);
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  /** One POST; resolves the reason it failed, or undefined when the receiver took it. */
  const post = async (rule: AlertRule, delivery: AlertDelivery): Promise<string | undefined> => {
    // One controller held here for the whole attempt, not AbortSignal.any([stop, timeout]): on
    // Node 20 a composite signal can be garbage-collected mid-request and its timeout never fires.
    const abort = new AbortController();
    aborts.add(abort);
    // Claimed while stop() ran: not sent, left due at once.
    if (stopped) abort.abort(new DOMException('the collector is stopping', 'AbortError'));
    const timer = setTimeout(
      () => abort.abort(new DOMException(`no answer within ${timeout} ms`, 'TimeoutError')),
      timeout,
    );
    try {
      const response = await fetch(rule.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'hark-delivery': delivery.id,
          'hark-signature': signAlert(rule.secret, delivery.payload, Math.floor(now() / 1000)),
          'user-agent': 'hark-collector',
        },
        body: delivery.payload,
        // A redirect is the receiver's configuration problem: report it as such, never follow it
        // (fetch would turn a 301/302 POST into a GET, and the signed body would be lost).
        redirect: 'manual',
        signal: abort.signal,
      });
      await response.body?.cancel();
      if (response.ok) return undefined;
      if (response.status >= 300 && response.status < 400) {
        const location = (response.headers.get('location') ?? '(no Location)').slice(0, 200);
        return `redirected: HTTP ${response.status} to ${location}; redirects are not followed, configure the final URL`;
      }
      return `HTTP ${response.status}`;
    } catch (failure) {
      if (failure instanceof Error && failure.name === 'TimeoutError')
        return `no answer within ${timeout} ms`;
      const code = (failure as { cause?: { code?: string } }).cause?.code;
      return code ?? describe(failure);
    } finally {
      clearTimeout(timer);
      aborts.delete(abort);
    }
  };

  const attempt = async (receiver: Receiver, delivery: AlertDelivery): Promise<void> => {
    const rule = rulesById.get(delivery.ruleId) as AlertRule;
    const error = await post(rule, delivery);
    if (stopped && error !== undefined) {
      // Cut short by stop(), not the receiver's fault: due again at once, no attempt counted.
      await store.settleAlert(delivery.id, { postponedTo: new Date(now()) });
      return;
    }
    if (error === undefined) {
      receiver.failures = 0;
      receiver.pausedUntil = 0;
      await store.settleAlert(delivery.id, { deliveredAt: new Date(now()) });
      return;
    }
    // Attempts that fail together (one outage) count once: the next pause grows per wave of tries.
    if (receiver.pausedUntil <= now()) {
      receiver.pausedUntil = now() + backoff(receiver.failures);
      receiver.failures += 1;
    }
    const retryAt = new Date(now() + backoff(delivery.attempts));
    await store.settleAlert(delivery.id, { retryAt, error });
    log(
      `hark-collector: alert ${delivery.id} to ${rule.url} failed (${error}); attempt ${delivery.attempts + 1}, retrying`,
    );
  };

  const start = (receiver: Receiver, delivery: AlertDelivery) => {
    receiver.inFlight += 1;
    const running: Promise<void> = attempt(receiver, delivery)
      .catch((error: unknown) => log(`hark-collector: alerts: ${describe(error)}`))
      .finally(() => {
        receiver.inFlight -= 1;
        inFlight.delete(running);
        // A slot is free: the next due delivery need not wait for the next poll.
        pump();
      });
    inFlight.add(running);
  };

  let first = 0;
  /**
   * Claims, receiver by receiver, only as many due deliveries as that receiver has free slots, so
   * nothing claimed waits behind a hung receiver while its claim runs out.
   */
  const claim = async (): Promise<void> => {
    // Start with another receiver each time, so the overall limit is shared out fairly.
    first = (first + 1) % Math.max(1, receivers.length);
    for (let i = 0; i < receivers.length && !stopped; i++) {
      const receiver = receivers[(first + i) % receivers.length] as Receiver;
      const free = Math.min(perReceiver - receiver.inFlight, total - inFlight.size);
      if (free <= 0 || receiver.pausedUntil > now()) continue;
      const due = await store.dueAlerts(new Date(now()), free, receiver.ruleIds);
      for (const delivery of due) start(receiver, delivery);
    }
  };

  let claiming: Promise<void> | undefined;
  let again = false;
  /** Runs one claim at a time; a request meanwhile runs another right after it. */
  const pump = (): void => {
    if (stopped) return;
    if (claiming !== undefined) {
      again = true;
      return;
    }
    claiming = (async () => {
      do {
        again = false;
        try {
          await claim();
        } catch (error) {
          log(`hark-collector: alerts: ${describe(error)}`);
          return;
        }
      } while (again && !stopped);
    })().finally(() => {
      claiming = undefined;
    });
  };

  const timer = setInterval(pump, options.pollMs ?? 1_000);
  timer.unref();
  pump();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const abort of aborts)
        abort.abort(new DOMException('the collector is stopping', 'AbortError'));
      await claiming;
      await Promise.all(inFlight);
    },
  };
}
