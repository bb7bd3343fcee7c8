/**
 * Why a record read from the outbox cannot be sent as it is, or undefined when it can.
 *
 * IndexedDB holds what any script of the site, an older release or a broken extension wrote
 * there, so its records are data to check, not values to trust (issue 12): one `attempts: "x"`
 * turned a whole batch's next attempt into NaN, a record without `nextAttemptAt` is in no index
 * and waits forever, and one whose id is not its answer's id is never removed by an
 * acknowledgement and is re-sent forever.
 */
export function outboxRecordProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return 'the record is not an object';
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') return 'its id is not a string';
  const response = record.response;
  if (response === null || typeof response !== 'object') return 'it holds no answer';
  if ((response as { id?: unknown }).id !== record.id) return "its id is not its answer's id";
  for (const field of ['queuedAt', 'nextAttemptAt', 'bytes'] as const) {
    const n = record[field];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
      return `its ${field} is not a time or size (${describe(n)})`;
  }
  const attempts = record.attempts;
  if (!Number.isSafeInteger(attempts) || (attempts as number) < 0)
    return `its attempts is not a count (${describe(attempts)})`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  try {
    return JSON.stringify(value)?.slice(0, 40) ?? typeof value;
  } catch {
    return typeof value;
  }
}
