/**
 * Runs `task` in one tab at a time, across the tabs of the site: Web Locks where available,
 * else a lease in localStorage that lapses if its tab dies. When another tab holds it, `task`
 * does not run (that tab is already sending the shared outbox) and `false` is returned.
 */
export async function withFlushLock(
  name: string,
  task: () => Promise<void>,
  leaseMs = 30_000,
): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks !== undefined) {
    return locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock === null) return false;
      await task();
      return true;
    });
  }
  return withLease(name, task, leaseMs);
}

const TAB = Math.random().toString(36).slice(2);

async function withLease(
  name: string,
  task: () => Promise<void>,
  leaseMs: number,
): Promise<boolean> {
  let storage: Storage;
  try {
    storage = localStorage;
  } catch {
    await task(); // no storage to share a lease in: no other tab can share the outbox either
    return true;
  }
  const key = `${name}:lease`;
  const read = () => {
    try {
      return JSON.parse(storage.getItem(key) ?? 'null') as { owner: string; until: number } | null;
    } catch {
      return null;
    }
  };
  const current = read();
  if (current !== null && current.owner !== TAB && current.until > Date.now()) return false;
  storage.setItem(key, JSON.stringify({ owner: TAB, until: Date.now() + leaseMs }));
  // Two tabs may write at once: the last writer owns it; the other backs off.
  if (read()?.owner !== TAB) return false;
  const renew = setInterval(
    () => storage.setItem(key, JSON.stringify({ owner: TAB, until: Date.now() + leaseMs })),
    leaseMs / 3,
  );
  try {
    await task();
    return true;
  } finally {
    clearInterval(renew);
    if (read()?.owner === TAB) storage.removeItem(key);
  }
}
