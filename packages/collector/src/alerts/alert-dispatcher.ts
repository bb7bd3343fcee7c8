import type { AlertDelivery, ResponseStore } from '../storage/response-store.js';
import { type AlertRule, signAlert } from './alert-rule.js';

export interface AlertDispatcherOptions {
  readonly store: ResponseStore;
  readonly rules: readonly AlertRule[];
  /** Backoff after a failed attempt: base × 2^attempts, capped, with jitter. */
  readonly retry?: { readonly baseMs?: number; readonly capMs?: number };
  /** How often to look for due deliveries. Default 1 s. */
  readonly pollMs?: number;
  /** How long to wait for a receiver. Default 10 s. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

export interface AlertDispatcher {
  /** Stops polling and waits for the attempts in flight; what is left stays in the outbox. */
  stop(): Promise<void>;
}

const BATCH = 20;

/**
 * Delivers the alert outbox: POSTs each due delivery, signed (`Hark-Signature`) and identified
 * (`Hark-Delivery`), and records the outcome. Anything but a 2xx, a timeout or a refused
 * connection is retried with capped exponential backoff and jitter, for as long as it takes; the
 * outbox is in the database, so a restart picks up where the last run stopped.
 */
export function startAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  const { store, rules } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const base = options.retry?.baseMs ?? 2_000;
  const cap = options.retry?.capMs ?? 15 * 60_000;
  const timeout = options.timeoutMs ?? 10_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<void> = Promise.resolve();

  /** Receivers that failed this round: their other deliveries wait for the next one. */
  let failing = new Set<string>();

  const attempt = async (delivery: AlertDelivery): Promise<void> => {
    const rule = rules.find((r) => r.id === delivery.ruleId);
    if (rule === undefined) {
      // The rule was removed from the configuration: keep the delivery, look again in an hour.
      await store.settleAlert(delivery.id, {
        retryAt: new Date(now() + 3_600_000),
        error: `no rule "${delivery.ruleId}" is configured`,
      });
      return;
    }
    let error: string;
    if (failing.has(rule.url)) {
      // One receiver down must not hold up the others' alerts behind its timeouts.
      await store.settleAlert(delivery.id, { postponedTo: new Date(now() + base) });
      return;
    }
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
        redirect: 'error',
        signal: AbortSignal.timeout(timeout),
      });
      await response.body?.cancel();
      if (response.ok) {
        await store.settleAlert(delivery.id, { deliveredAt: new Date(now()) });
        return;
      }
      error = `HTTP ${response.status}`;
    } catch (failure) {
      const cause = (failure as { cause?: { code?: string } }).cause?.code;
      error = cause ?? (failure instanceof Error ? failure.message : String(failure));
    }
    failing.add(rule.url);
    const delay = Math.min(cap, base * 2 ** delivery.attempts) * (0.5 + Math.random() / 2);
    await store.settleAlert(delivery.id, { retryAt: new Date(now() + delay), error });
    log(`hark-collector: alert ${delivery.id} to ${rule.url} failed (${error}); retrying`);
  };

  const tick = async (): Promise<void> => {
    failing = new Set();
    try {
      for (;;) {
        const due = await store.dueAlerts(new Date(now()), BATCH);
        // One receiver at a time per batch, in order: an alert storm never floods a receiver.
        for (const delivery of due) {
          if (stopped) return;
          await attempt(delivery);
        }
        if (due.length < BATCH || stopped) return;
      }
    } catch (error) {
      log(`hark-collector: alerts: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = tick().then(schedule);
    }, options.pollMs ?? 1_000);
    timer.unref();
  };
  round = tick().then(schedule);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
