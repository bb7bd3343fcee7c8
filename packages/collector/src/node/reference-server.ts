import { isIP } from 'node:net';
import { startAlertDispatcher } from '../alerts/alert-dispatcher.js';
import type { AlertRule } from '../alerts/alert-rule.js';
import { checkAlertRules } from '../alerts/check-alert-rules.js';
import { HostAllowlist } from '../http/allowed-hosts.js';
import type { AllowedOrigins } from '../http/cors.js';
import { type CollectorHandler, createCollector } from '../http/create-collector.js';
import { tokenBucketLimiter } from '../http/rate-limiter.js';
import { withAllowedHosts } from '../http/with-allowed-hosts.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import type { ResponseStore } from '../storage/response-store.js';
import { openSqliteStoreInWorker } from '../storage/sqlite-worker-store.js';
import { type RunningServer, serve } from './serve.js';
import { withStaticFiles } from './static-files.js';

export interface ReferenceServerOptions {
  /** SQLite file (the default store). */
  readonly db?: string;
  /** PostgreSQL connection string; used instead of SQLite when given. */
  readonly postgres?: string;
  readonly port?: number;
  readonly host?: string;
  readonly allowedOrigins?: AllowedOrigins;
  /**
   * Host names it answers for besides the defaults (`localhost`, `127.0.0.1`, `[::1]` and the
   * listen address, with its port; any IP address): its public name behind a proxy, as
   * `hark.example`, `hark.example:8443` or `https://hark.example`. Any other `Host` gets 421.
   * With any, answers are read and erased only with an admin token, even on loopback: a public
   * name means a proxy in front, and a proxy on this machine connects from loopback.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Needed to read and erase answers, except on loopback without `allowedHosts` (see `readAccess`
   * of `createCollector`).
   */
  readonly adminToken?: string;
  /**
   * Submissions per second each client address may make (bursts of ten seconds' worth); 0 turns
   * the limit off. Behind a reverse proxy every client shares the proxy's address: raise it or
   * limit at the proxy.
   */
  readonly rateLimit?: number;
  /**
   * Wraps the collector, e.g. to serve a demo page beside it. Unmatched requests fall through
   * to the collector.
   */
  readonly wrap?: (collector: CollectorHandler) => CollectorHandler;
  readonly log?: (line: string) => void;
  /**
   * Keep answers this many days (by when they were given): older ones are deleted at start and
   * then every hour. Default: keep everything.
   */
  readonly retainDays?: number;
  /** Webhook rules (checked with `checkAlertRules`); deliveries go out through a durable outbox. */
  readonly alerts?: readonly AlertRule[];
  /** Backoff between delivery attempts (for tests; defaults 2 s doubling to 15 min). */
  readonly alertRetry?: { readonly baseMs?: number; readonly capMs?: number };
  /** How often the alert outbox is polled (default 1 s). */
  readonly alertPollMs?: number;
  /**
   * The longest a request waits for storage (a lock another process holds), in milliseconds;
   * then it gets 503 with `Retry-After`. Default 10 s.
   */
  readonly storageMaxWaitMs?: number;
  /** How long one alert delivery waits for its receiver (default 10 s). */
  readonly alertTimeoutMs?: number;
  /**
   * A built dashboard (`packages/dashboard/dist`) to serve at `/dashboard/`, where the read
   * endpoints are served (with an admin token, or on loopback).
   */
  readonly dashboard?: string;
}

export interface ReferenceServer extends RunningServer {
  readonly store: ResponseStore;
  /** Where the dashboard is served, when it is (a built one was given, and answers are readable). */
  readonly dashboardUrl: string | undefined;
}

const DEFAULT_RATE_LIMIT = 60;

/** Whether a listen address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/**
 * The `hark-collector` server: the collector on Node's HTTP server, with SQLite by default.
 * It answers only for its own host names (`allowedHosts`), and reading or erasing answers needs
 * an admin token unless it listens on loopback only and has no public name; then requests made
 * on this machine through loopback names may.
 */
export async function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const days = options.retainDays;
  if (days !== undefined && !(Number.isFinite(days) && days > 0)) {
    throw new RangeError(`retainDays must be a positive number of days, not ${days}`);
  }
  const host = options.host ?? '127.0.0.1';
  const publicNames = options.allowedHosts ?? [];
  // Without a token, answers are readable only on loopback, and only through loopback names; not
  // with a public name either: the proxy in front reaches this server from loopback, with
  // `Host: 127.0.0.1` (nginx's default), for every visitor.
  const loopbackReads =
    options.adminToken === undefined && isLoopback(host) && publicNames.length === 0;
  const readable = options.adminToken !== undefined || loopbackReads;
  if (!readable) {
    log(
      publicNames.length > 0 && isLoopback(host)
        ? 'hark-collector: answers cannot be read or erased without an admin token (--admin-token or HARK_ADMIN_TOKEN) once the server has a public name (--public-url): a proxy in front connects from this machine for every visitor; the dashboard is not served.'
        : `hark-collector: answers cannot be read or erased on ${host} without an admin token (--admin-token or HARK_ADMIN_TOKEN); the dashboard is not served.`,
    );
  }
  const hosts = new HostAllowlist(publicNames);
  const alerts = options.alerts ?? [];
  const issues = checkAlertRules(alerts);
  if (issues.length > 0) {
    throw new TypeError(
      `invalid alert rules: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    );
  }
  const storageWait =
    options.storageMaxWaitMs === undefined ? {} : { maxWaitMs: options.storageMaxWaitMs };
  const store =
    options.postgres !== undefined
      ? await openPostgresStore({ connectionString: options.postgres, alerts, ...storageWait })
      : await openSqliteStoreInWorker({
          path: options.db ?? 'hark.db',
          alerts,
          ...storageWait,
          onFailure: (error) => log(`hark-collector: ${error.message}`),
        });
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const retention =
    options.retainDays === undefined ? undefined : startRetention(store, options.retainDays, log);
  let running: RunningServer;
  try {
    const collector = createCollector({
      store,
      allowedOrigins: options.allowedOrigins ?? [],
      ...(rate > 0
        ? { rateLimiter: tokenBucketLimiter({ capacity: rate * 10, refillPerSecond: rate }) }
        : {}),
      // The same list the wrapper below checks (completed once the port is known): its own
      // origin may submit only under a host it answers for.
      allowedHosts: hosts,
      readAccess: loopbackReads ? 'loopback-without-token' : 'token',
      // Off loopback the dashboard is meant to be reached over https, usually through a proxy
      // that terminates TLS: its cookie must be Secure even though this socket is plain.
      secureCookies: !isLoopback(host),
      ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
      onError: (error) =>
        log(`hark-collector: ${error instanceof Error ? error.message : String(error)}`),
    });
    const withDashboard =
      options.dashboard !== undefined && readable
        ? withStaticFiles(options.dashboard, '/dashboard', collector)
        : collector;
    const handler = withAllowedHosts(
      options.wrap ? options.wrap(withDashboard) : withDashboard,
      hosts,
    );
    running = await serve(handler, { port: options.port ?? 8787, host });
    // The port is known now (0 picks one); no request has been read yet.
    const { port } = new URL(running.url);
    for (const name of [
      'localhost',
      '127.0.0.1',
      '[::1]',
      host.includes(':') && !host.startsWith('[') ? `[${host}]` : host,
    ])
      hosts.add(`${name}:${port}`);
  } catch (error) {
    retention?.stop();
    await store.close();
    throw error;
  }
  const dispatcher =
    alerts.length === 0
      ? undefined
      : startAlertDispatcher({
          store,
          rules: alerts,
          log,
          ...(options.alertRetry ? { retry: options.alertRetry } : {}),
          ...(options.alertPollMs ? { pollMs: options.alertPollMs } : {}),
          ...(options.alertTimeoutMs ? { timeoutMs: options.alertTimeoutMs } : {}),
        });
  return {
    ...running,
    store,
    dashboardUrl:
      options.dashboard !== undefined && readable ? `${running.url}/dashboard/` : undefined,
    close: async () => {
      retention?.stop();
      await dispatcher?.stop();
      await running.close();
      await retention?.idle();
      await store.close();
    },
  };
}

const HOUR = 3_600_000;

/** Deletes answers older than `days` now and every hour; a failed sweep is logged and retried. */
function startRetention(store: ResponseStore, days: number, log: (line: string) => void) {
  let sweep: Promise<void> = Promise.resolve();
  const run = () => {
    sweep = store.purgeBefore(new Date(Date.now() - days * 86_400_000)).then(
      (count) => {
        if (count > 0) log(`hark-collector: deleted ${count} answer(s) older than ${days} days`);
      },
      (error: unknown) =>
        log(
          `hark-collector: retention sweep failed: ${error instanceof Error ? error.message : error}`,
        ),
    );
  };
  run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return { stop: () => clearInterval(timer), idle: () => sweep };
}
