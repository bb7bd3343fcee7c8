import type { DeadLetter, Outbox, OutboxEntry } from './outbox.js';

/**
 * The outbox when IndexedDB cannot be used: lives as long as the page, and says so (`kind`).
 * A Map keeps insertion order, which is queue order, so nothing here sorts: each call is one
 * pass at most, and the oldest entries come first.
 */
export function createMemoryOutbox(): Outbox {
  const entries = new Map<string, OutboxEntry>();
  const dead = new Map<string, DeadLetter>();
  const take = (limit: number, keep: (entry: OutboxEntry) => boolean) => {
    const out: OutboxEntry[] = [];
    for (const entry of entries.values()) {
      if (out.length >= limit) break;
      if (keep(entry)) out.push(entry);
    }
    return out;
  };
  return {
    kind: 'memory',
    async add(list) {
      for (const entry of list) if (!entries.has(entry.id)) entries.set(entry.id, entry);
    },
    async due(now, limit) {
      return take(limit, (entry) => entry.nextAttemptAt <= now);
    },
    async nextDueAt() {
      let next: number | undefined;
      for (const entry of entries.values()) {
        if (next === undefined || entry.nextAttemptAt < next) next = entry.nextAttemptAt;
      }
      return next;
    },
    async remove(ids) {
      for (const id of ids) entries.delete(id);
    },
    async update(list) {
      for (const entry of list) if (entries.has(entry.id)) entries.set(entry.id, entry);
    },
    async bury(letters) {
      for (const letter of letters) {
        entries.delete(letter.id);
        dead.set(letter.id, letter);
      }
    },
    async deadLetters() {
      return [...dead.values()];
    },
    async setAside(problem, failedAt) {
      const letters: DeadLetter[] = [];
      for (const [id, record] of entries) {
        const reason = problem(record);
        if (reason === undefined) continue;
        entries.delete(id);
        const letter = { id, record, status: 0, reason, failedAt };
        dead.set(id, letter);
        letters.push(letter);
      }
      return letters;
    },
    async count() {
      return entries.size;
    },
    async oldest(limit) {
      return take(limit, () => true);
    },
    close() {},
  };
}
