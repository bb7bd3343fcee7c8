import { parseDateTime } from '@hark/protocol';

/**
 * An RFC 3339 date-time as the UTC instant both back-ends store: milliseconds, `Z`. Normalising
 * here, not in SQL, means PostgreSQL never sees an offset beyond its ±15:59, and both back-ends
 * round sub-millisecond times the same way (down), so days and ranges agree between them.
 */
export function utcInstant(dateTime: string): string {
  const time = parseDateTime(dateTime);
  if (time === undefined)
    throw new RangeError(`not an RFC 3339 date-time: ${JSON.stringify(dateTime)}`);
  return new Date(time).toISOString();
}
