import { UUID_PATTERN, VISITOR_ID_PATTERN } from '@hark/protocol';
import type { ResponseStore } from '../storage/response-store.js';
import { jsonOutgoing, type Outgoing } from './exchange.js';
import { HttpError } from './http-error.js';

const UUID = new RegExp(UUID_PATTERN);
const VISITOR_ID = new RegExp(VISITOR_ID_PATTERN);

/** `/responses/{id}` and `/visitors/{visitorId}`: what a DELETE may erase. */
export const ERASURE_PATH = /^\/(responses|visitors)\/([^/]+)$/;

/**
 * `DELETE /responses/{id}` or `DELETE /visitors/{visitorId}`: erases the answer, or every answer
 * of the visitor, leaving a tombstone so a late re-send is not stored again. 200 `{ erased }`,
 * the number of stored answers deleted (0 for an id not received yet: it is refused when it comes).
 */
export async function erasureOutgoing(
  store: ResponseStore,
  match: RegExpExecArray,
  now: Date,
): Promise<Outgoing> {
  const [, what, raw] = match as unknown as [string, 'responses' | 'visitors', string];
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    value = raw; // malformed %-escapes: refused below as an invalid id
  }
  if (what === 'responses') {
    if (!UUID.test(value)) {
      throw new HttpError(
        400,
        'invalid_id',
        `Not a response id (a UUID): ${JSON.stringify(value)}`,
      );
    }
    return jsonOutgoing(200, {
      erased: await store.erase({ responseId: value.toLowerCase() }, now),
    });
  }
  if (!VISITOR_ID.test(value)) {
    throw new HttpError(400, 'invalid_id', `Not a visitor id: ${JSON.stringify(value)}`);
  }
  return jsonOutgoing(200, { erased: await store.erase({ visitorId: value }, now) });
}
