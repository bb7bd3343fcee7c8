import type { DeadLetter, Outbox, OutboxEntry } from './outbox.js';

/** The outbox when IndexedDB cannot be used: lives as long as the page, and says so (`kind`). */
export function createMemoryOutbox(): Outbox {
  const entries = new Map<string, OutboxEntry>();
  const dead = new Map<string, DeadLetter>();
  const sorted = (by: 'nextAttemptAt' | 'queuedAt') =>
    [...entries.values()].sort((a, b) => a[by] - b[by]);
  return {
    kind: 'memory',
    async add(list) {
      for (const entry of list) if (!entries.has(entry.id)) entries.set(entry.id, entry);
    },
    async due(now, limit) {
      return sorted('nextAttemptAt')
        .filter((entry) => entry.nextAttemptAt <= now)
        .slice(0, limit);
    },
    async nextDueAt() {
      return sorted('nextAttemptAt')[0]?.nextAttemptAt;
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
    async count() {
      return entries.size;
    },
    async oldest(limit) {
      return sorted('queuedAt').slice(0, limit);
    },
    close() {},
  };
}
