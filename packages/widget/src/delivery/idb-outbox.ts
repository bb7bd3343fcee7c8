import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import type { DeadLetter, Outbox, OutboxEntry } from './outbox.js';

interface OutboxSchema extends DBSchema {
  entries: {
    key: string;
    value: OutboxEntry;
    indexes: { nextAttemptAt: number; queuedAt: number };
  };
  dead: { key: string; value: DeadLetter };
}

type Db = IDBPDatabase<OutboxSchema>;
type UpgradeTransaction = IDBPTransaction<
  OutboxSchema,
  StoreNames<OutboxSchema>[],
  'versionchange'
>;

/** One step of the schema: MIGRATIONS[n] takes a database from version n to n + 1. */
export type Migration = (db: Db, tx: UpgradeTransaction) => void;

export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const entries = db.createObjectStore('entries', { keyPath: 'id' });
    entries.createIndex('nextAttemptAt', 'nextAttemptAt');
    entries.createIndex('queuedAt', 'queuedAt');
    db.createObjectStore('dead', { keyPath: 'id' });
  },
];

export const OUTBOX_DB_NAME = 'hark-outbox';

export interface IdbOutboxOptions {
  readonly name?: string;
  /** The schema's steps (tests add one to play a newer release). */
  readonly migrations?: readonly Migration[];
  /** How long to wait for an old tab to let go of an older version before giving up. */
  readonly blockedTimeoutMs?: number;
  /** Called when a newer release in another tab needs this connection closed. */
  readonly onVersionChange?: () => void;
}

/**
 * Opens the IndexedDB outbox. Rejects (the caller falls back to memory) when IndexedDB is missing,
 * refuses to open, or an old tab blocks the upgrade for longer than `blockedTimeoutMs`.
 */
export async function openIdbOutbox(options: IdbOutboxOptions = {}): Promise<Outbox> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const migrations = options.migrations ?? MIGRATIONS;
  let db: Db | undefined;
  const opening = openDB<OutboxSchema>(options.name ?? OUTBOX_DB_NAME, migrations.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < migrations.length; version++)
        migrations[version]?.(database, tx);
    },
    blocking() {
      // A newer release wants to upgrade: let it, rather than hang both tabs.
      db?.close();
      options.onVersionChange?.();
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('an older tab keeps the outbox database open')),
      options.blockedTimeoutMs ?? 3_000,
    );
  });
  try {
    db = await Promise.race([opening, blocked]);
  } finally {
    clearTimeout(timer);
  }
  // If the race was lost to the timeout, close the connection whenever it does open.
  opening.then((late) => late !== db && late.close()).catch(() => {});
  return new IdbOutbox(db);
}

class IdbOutbox implements Outbox {
  readonly kind = 'indexeddb' as const;
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async add(entries: readonly OutboxEntry[]): Promise<void> {
    const tx = this.#db.transaction('entries', 'readwrite');
    for (const entry of entries) {
      // Exactly once per response id: an entry already queued keeps its attempts and schedule.
      if ((await tx.store.getKey(entry.id)) === undefined) void tx.store.put(entry);
    }
    await tx.done;
  }

  async due(now: number, limit: number): Promise<OutboxEntry[]> {
    return this.#db.getAllFromIndex('entries', 'nextAttemptAt', IDBKeyRange.upperBound(now), limit);
  }

  async nextDueAt(): Promise<number | undefined> {
    const cursor = await this.#db.transaction('entries').store.index('nextAttemptAt').openCursor();
    return cursor?.value.nextAttemptAt;
  }

  async remove(ids: readonly string[]): Promise<void> {
    const tx = this.#db.transaction('entries', 'readwrite');
    for (const id of ids) void tx.store.delete(id);
    await tx.done;
  }

  async update(entries: readonly OutboxEntry[]): Promise<void> {
    const tx = this.#db.transaction('entries', 'readwrite');
    for (const entry of entries) {
      // Only entries still queued: one acknowledged meanwhile (another tab) stays gone.
      if ((await tx.store.getKey(entry.id)) !== undefined) void tx.store.put(entry);
    }
    await tx.done;
  }

  async bury(letters: readonly DeadLetter[]): Promise<void> {
    const tx = this.#db.transaction(['entries', 'dead'], 'readwrite');
    for (const letter of letters) {
      void tx.objectStore('entries').delete(letter.id);
      void tx.objectStore('dead').put(letter);
    }
    await tx.done;
  }

  deadLetters(): Promise<DeadLetter[]> {
    return this.#db.getAll('dead');
  }

  async setAside(
    problem: (record: unknown) => string | undefined,
    failedAt: number,
  ): Promise<DeadLetter[]> {
    const tx = this.#db.transaction(['entries', 'dead'], 'readwrite');
    const letters: DeadLetter[] = [];
    // A cursor, not ids: a malformed record's key may not even be a string.
    let cursor = await tx.objectStore('entries').openCursor();
    while (cursor !== null) {
      const reason = problem(cursor.value);
      if (reason !== undefined) {
        const letter = {
          id: String(cursor.key),
          record: cursor.value,
          status: 0,
          reason,
          failedAt,
        };
        letters.push(letter);
        void tx.objectStore('dead').put(letter);
        void cursor.delete();
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return letters;
  }

  count(): Promise<number> {
    return this.#db.count('entries');
  }

  oldest(limit: number): Promise<OutboxEntry[]> {
    return this.#db.getAllFromIndex('entries', 'queuedAt', undefined, limit);
  }

  close(): void {
    this.#db.close();
  }
}
