import type { HarkResponse } from '@hark/protocol';
import { withFlushLock } from './flush-lock.js';
import { openIdbOutbox } from './idb-outbox.js';
import { createMemoryOutbox } from './memory-outbox.js';
import type { DeadLetter, Outbox, OutboxEntry } from './outbox.js';
import { outboxRecordProblem } from './outbox-record.js';
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { fetchTransport, type Send } from './transport.js';
import { toWireJson } from './wire-body.js';

export interface DeliveryOptions {
  /** The collector's v1 endpoint. Needed unless `send` is given. */
  readonly endpoint?: string;
  /** Extra request headers for the default transport. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A custom transport. */
  readonly send?: Send;
  /** Most answers kept waiting; at the limit the oldest are dropped, with an event. */
  readonly maxQueued?: number;
  /** Longest an answer waits (ms); older ones are dropped, with an event. */
  readonly retentionMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Use this outbox instead of opening IndexedDB (tests, or `'memory'` to store nothing). */
  readonly outbox?: Outbox | 'memory';
  /** Name of the IndexedDB database and of the cross-tab lock. */
  readonly name?: string;
  /** The clock (tests move it). */
  readonly now?: () => number;
  /** Source of the backoff jitter, 0 ≤ x < 1 (tests fix it). */
  readonly random?: () => number;
}

/** Events a Delivery fires on itself. */
export interface DeliveryEventMap {
  'hark-delivered': CustomEvent<{ readonly ids: readonly string[] }>;
  /**
   * `rejected`: the collector refused these answers for good (they are dead letters).
   * `malformed`: outbox records that could not be sent as they were (dead letters, status 0).
   * `redirected`, `not-a-collector`: the endpoint redirected, or answered 2xx without a Hark
   * acknowledgement (a captive portal, an SPA catch-all): the answers stay queued and are retried.
   */
  'hark-error': CustomEvent<{
    readonly code: 'rejected' | 'malformed' | 'redirected' | 'not-a-collector';
    readonly status: number;
    readonly reason: string;
    readonly ids: readonly string[];
  }>;
  'hark-dropped': CustomEvent<{
    readonly reason: 'expired' | 'over-capacity';
    readonly ids: readonly string[];
  }>;
  'hark-storage-degraded': CustomEvent<{ readonly reason: string }>;
}

/** The body limit of wire protocol v1, and the browser's keepalive budget. */
const MAX_BATCH_BYTES = 64 * 1024;
/** What a submission adds around its responses: `{"protocol":1,"responses":[…]}` and commas. */
const ENVELOPE_BYTES = 64;
const MAX_BATCH = 100;
/** Keepalive requests share ~64 KiB in flight per page; stay under it. */
const KEEPALIVE_BUDGET = 60 * 1024;
const DAY = 24 * 60 * 60 * 1000;

const encoder = new TextEncoder();

/**
 * Gets every answer to the collector exactly once in effect: written to the outbox before any
 * send, sent in batches, removed only when the collector acknowledges its id, retried with
 * backoff otherwise, and never retried after a 4xx. One tab sends at a time.
 */
export class Delivery extends EventTarget {
  readonly #send: Send;
  readonly #policy: RetryPolicy;
  readonly #maxQueued: number;
  readonly #retentionMs: number;
  readonly #name: string;
  readonly #now: () => number;
  readonly #random: () => number;
  #outbox: Outbox;
  #reopened = false;
  #flushing: Promise<void> | undefined;
  #again = false;
  #notBefore = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  /** Whether every record in the outbox has been checked once since this tab opened it. */
  #audited = false;

  private constructor(outbox: Outbox, options: DeliveryOptions) {
    super();
    if (options.send === undefined && options.endpoint === undefined) {
      throw new TypeError('Delivery needs an endpoint or a send function');
    }
    this.#outbox = outbox;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#send =
      options.send ??
      fetchTransport({
        endpoint: options.endpoint as string,
        retry: this.#policy,
        ...(options.headers ? { headers: options.headers } : {}),
      });
    this.#maxQueued = options.maxQueued ?? 1_000;
    this.#retentionMs = options.retentionMs ?? 30 * DAY;
    this.#name = options.name ?? 'hark-outbox';
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  /**
   * Opens the outbox (IndexedDB, else memory: then `storage` says `'memory'` and
   * `degradedReason` why) and returns a Delivery. Never rejects for storage reasons.
   */
  static async create(options: DeliveryOptions): Promise<Delivery> {
    let outbox: Outbox;
    let degraded: string | undefined;
    if (options.outbox === 'memory') outbox = createMemoryOutbox();
    else if (options.outbox !== undefined) outbox = options.outbox;
    else {
      try {
        outbox = await openIdbOutbox({ name: options.name ?? 'hark-outbox' });
      } catch (error) {
        degraded = describe(error);
        outbox = createMemoryOutbox();
      }
    }
    const delivery = new Delivery(outbox, options);
    delivery.degradedReason = degraded;
    return delivery;
  }

  /** Why the outbox lives in memory, when it does. */
  degradedReason: string | undefined;

  /** Where answers wait: `'indexeddb'`, or `'memory'` when IndexedDB could not be used. */
  get storage(): 'indexeddb' | 'memory' {
    return this.#outbox.kind;
  }

  /**
   * Queues an answer and resolves once it is durably written (so "thank you" is true), then
   * sends in the background. Never rejects: if the outbox cannot take it, the answer is kept in
   * memory and sent at once, and `hark-storage-degraded` fires.
   */
  async enqueue(response: HarkResponse): Promise<void> {
    const now = this.#now();
    const entry: OutboxEntry = {
      id: response.id,
      response,
      bytes: encoder.encode(toWireJson(response)).byteLength,
      queuedAt: now,
      attempts: 0,
      nextAttemptAt: Math.max(now, this.#notBefore),
    };
    await this.#write((outbox) => outbox.add([entry]));
    void this.flush();
  }

  /**
   * Sends what is due, now (`keepalive` when the page is going away). Called while a flush runs,
   * it joins that one, which then drains once more: what was queued before the call is sent
   * before the returned promise resolves, unless the collector asked to wait (backoff) or another
   * tab holds the outbox.
   */
  flush(options: { readonly keepalive?: boolean } = {}): Promise<void> {
    if (this.#flushing !== undefined) {
      this.#again = true;
      return this.#flushing;
    }
    this.#flushing = this.#flushRounds(options.keepalive === true);
    return this.#flushing;
  }

  /**
   * Drains the outbox until no flush was asked for meanwhile. A request that arrives while the
   * cross-tab lock is being released (an asynchronous step) is caught by the outer loop; the
   * marker is cleared in the same synchronous step as the last check, so no request can fall
   * between "done" and "not flushing" (found by issue 15: such a request was dropped).
   */
  async #flushRounds(keepalive: boolean): Promise<void> {
    const drainWhileAsked = async () => {
      do {
        this.#again = false;
        await this.#drain(keepalive);
      } while (this.#again && !keepalive);
    };
    try {
      do {
        this.#again = false;
        if (this.#outbox.kind === 'memory') await drainWhileAsked();
        else if (!(await withFlushLock(this.#name, drainWhileAsked))) {
          // Another tab is sending the shared outbox: look again in a second, not in a hot loop.
          this.#notBefore = Math.max(this.#notBefore, this.#now() + 1_000);
          break;
        }
      } while (this.#again && !keepalive);
    } catch (error) {
      await this.#recover(error);
    } finally {
      this.#flushing = undefined;
      void this.#scheduleNext();
    }
  }

  /** Starts sending: now, when the network or the page comes back, and when the page hides. */
  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    window.addEventListener('online', this.#onWake);
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('pagehide', this.#onPageHide);
    void this.flush();
  }

  stop(): void {
    this.#started = false;
    clearTimeout(this.#timer);
    if (typeof window === 'undefined') return;
    window.removeEventListener('online', this.#onWake);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('pagehide', this.#onPageHide);
  }

  /** Answers still waiting. */
  pending(): Promise<number> {
    return this.#outbox.count();
  }

  /** Answers the collector refused for good. */
  deadLetters(): Promise<DeadLetter[]> {
    return this.#outbox.deadLetters();
  }

  readonly #onWake = (): void => {
    void this.flush();
  };

  readonly #onVisibility = (): void => {
    void this.flush({ keepalive: document.visibilityState === 'hidden' });
  };

  readonly #onPageHide = (): void => {
    void this.flush({ keepalive: true });
  };

  async #drain(keepalive: boolean): Promise<void> {
    if (!this.#audited) await this.#setAsideMalformed();
    await this.#enforceBounds();
    let budget = keepalive ? KEEPALIVE_BUDGET : Number.POSITIVE_INFINITY;
    for (;;) {
      const now = this.#now();
      if (now < this.#notBefore) return;
      const due = await this.#checked(() => this.#outbox.due(now, MAX_BATCH));
      const batch = pack(due, Math.min(MAX_BATCH_BYTES, budget));
      if (batch.length === 0) {
        const [first] = due;
        // Nothing fits: the keepalive budget is spent (stop), or one answer alone is over the
        // body limit, which no collector will take: set it aside rather than block the queue.
        if (first === undefined || keepalive) return;
        await this.#bury([first], 413, 'larger than the 64 KiB body limit');
        continue;
      }
      budget -= batch.reduce((sum, entry) => sum + entry.bytes, ENVELOPE_BYTES);
      if (!(await this.#sendBatch(batch, keepalive))) return;
      // Let input and rendering in between batches: a long backlog never makes a long task.
      if (!keepalive) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Sends one batch and records what became of it; false when the collector is not taking any. */
  async #sendBatch(batch: readonly OutboxEntry[], keepalive: boolean): Promise<boolean> {
    const outcome = await this.#send(
      batch.map((entry) => entry.response),
      { keepalive },
    );
    if (outcome.kind === 'delivered') {
      const acknowledged = new Set(outcome.ids);
      const done = batch.filter((entry) => acknowledged.has(entry.id)).map((entry) => entry.id);
      await this.#outbox.remove(done);
      const missing = batch.filter((entry) => !acknowledged.has(entry.id));
      if (missing.length > 0) await this.#reschedule(missing, 'not acknowledged');
      if (done.length > 0) this.#fire('hark-delivered', { ids: done });
      return true;
    }
    if (outcome.kind === 'retry') {
      if (outcome.report !== undefined) {
        this.#fire('hark-error', {
          ...outcome.report,
          reason: outcome.reason,
          ids: batch.map((entry) => entry.id),
        });
      }
      // The whole tab waits, not just this batch: the rest of a backlog must not hammer a
      // collector that is down, and a Retry-After of 0 does not skip the backoff.
      const attempts = Math.max(...batch.map((entry) => entry.attempts)) + 1;
      const wait = Math.max(
        outcome.retryAfterMs ?? 0,
        backoffMs(attempts, this.#policy, this.#random),
      );
      this.#notBefore = this.#now() + wait;
      await this.#reschedule(batch, outcome.reason, wait);
      return false;
    }
    if (batch.length > 1) {
      // One bad answer must not take its neighbours down: send each alone, so only the
      // answers the collector refuses by themselves are set aside.
      for (const entry of batch) {
        if (!(await this.#sendBatch([entry], keepalive))) return false;
      }
      return true;
    }
    await this.#bury(batch, outcome.status, outcome.reason);
    return true;
  }

  async #bury(entries: readonly OutboxEntry[], status: number, reason: string): Promise<void> {
    const failedAt = this.#now();
    await this.#outbox.bury(
      entries.map((entry) => ({
        id: entry.id,
        response: entry.response,
        status,
        reason,
        failedAt,
      })),
    );
    this.#fire('hark-error', { code: 'rejected', status, reason, ids: entries.map((e) => e.id) });
  }

  async #reschedule(
    entries: readonly OutboxEntry[],
    reason: string,
    retryAfter?: number,
  ): Promise<void> {
    const now = this.#now();
    await this.#outbox.update(
      entries.map((entry) => ({
        ...entry,
        attempts: entry.attempts + 1,
        lastError: reason,
        nextAttemptAt:
          now + (retryAfter ?? backoffMs(entry.attempts + 1, this.#policy, this.#random)),
      })),
    );
  }

  /**
   * Entries read by `read`, once none of them is malformed: any that is sends the whole outbox
   * through the check (a record may be missing from the index that found this one), then reads
   * again. Records written after this tab's first look (another tab, an old release) are caught
   * here when they are read.
   */
  async #checked(read: () => Promise<OutboxEntry[]>): Promise<OutboxEntry[]> {
    const entries = await read();
    if (entries.every((entry) => outboxRecordProblem(entry) === undefined)) return entries;
    await this.#setAsideMalformed();
    return (await read()).filter((entry) => outboxRecordProblem(entry) === undefined);
  }

  async #setAsideMalformed(): Promise<void> {
    this.#audited = true;
    const letters = await this.#outbox.setAside(outboxRecordProblem, this.#now());
    // One event per reason, so a site owner's log says what was wrong with which records.
    const byReason = new Map<string, string[]>();
    for (const letter of letters) {
      byReason.set(letter.reason, [...(byReason.get(letter.reason) ?? []), letter.id]);
    }
    for (const [reason, ids] of byReason) {
      this.#fire('hark-error', {
        code: 'malformed',
        status: 0,
        reason: `outbox record set aside: ${reason}`,
        ids,
      });
    }
  }

  /** Drops what waited too long, then the oldest beyond the limit, saying so. */
  async #enforceBounds(): Promise<void> {
    const cutoff = this.#now() - this.#retentionMs;
    const oldest = await this.#checked(() => this.#outbox.oldest(MAX_BATCH));
    const expired = oldest.filter((entry) => entry.queuedAt < cutoff).map((entry) => entry.id);
    if (expired.length > 0) {
      await this.#outbox.remove(expired);
      this.#fire('hark-dropped', { reason: 'expired', ids: expired });
    }
    const excess = (await this.#outbox.count()) - this.#maxQueued;
    if (excess > 0) {
      const dropped = (await this.#outbox.oldest(excess)).map((entry) => entry.id);
      await this.#outbox.remove(dropped);
      this.#fire('hark-dropped', { reason: 'over-capacity', ids: dropped });
    }
  }

  async #scheduleNext(): Promise<void> {
    clearTimeout(this.#timer);
    if (!this.#started) return;
    let next: number | undefined;
    try {
      next = await this.#outbox.nextDueAt();
    } catch {
      return;
    }
    // stop() may have come while we waited; and only one timer is ever armed.
    clearTimeout(this.#timer);
    if (next === undefined || !this.#started) return;
    const delay = Math.min(Math.max(next, this.#notBefore) - this.#now(), 2 ** 31 - 1);
    this.#timer = setTimeout(() => void this.flush(), Math.max(0, delay));
  }

  /** Writes to the outbox; on failure reopens IndexedDB once, then falls back to memory. */
  async #write(write: (outbox: Outbox) => Promise<void>): Promise<void> {
    try {
      await write(this.#outbox);
      return;
    } catch (error) {
      await this.#recover(error);
    }
    try {
      await write(this.#outbox);
    } catch (error) {
      this.#degrade(describe(error));
      await write(this.#outbox);
    }
  }

  /** After a failed outbox call: reopen IndexedDB once (a closed connection), else use memory. */
  async #recover(error: unknown): Promise<void> {
    if (this.#outbox.kind === 'memory') return;
    const name = error instanceof DOMException ? error.name : '';
    if (
      !this.#reopened &&
      (name === 'InvalidStateError' || name === 'AbortError' || name === 'TransactionInactiveError')
    ) {
      this.#reopened = true;
      try {
        const fresh = await openIdbOutbox({ name: this.#name });
        this.#outbox.close();
        this.#outbox = fresh;
        return;
      } catch (reopenError) {
        this.#degrade(describe(reopenError));
        return;
      }
    }
    this.#degrade(describe(error));
  }

  #degrade(reason: string): void {
    if (this.#outbox.kind === 'memory') return;
    try {
      this.#outbox.close();
    } catch {
      // already closed
    }
    this.#outbox = createMemoryOutbox();
    this.degradedReason = reason;
    this.#fire('hark-storage-degraded', { reason });
  }

  #fire<K extends keyof DeliveryEventMap>(type: K, detail: DeliveryEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** The longest run of `entries` (oldest first) whose submission fits in `maxBytes`. */
function pack(entries: readonly OutboxEntry[], maxBytes: number): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let size = ENVELOPE_BYTES;
  for (const entry of entries) {
    if (size + entry.bytes + 1 > maxBytes) break;
    size += entry.bytes + 1;
    batch.push(entry);
  }
  return batch;
}

function describe(error: unknown): string {
  if (error instanceof DOMException) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
