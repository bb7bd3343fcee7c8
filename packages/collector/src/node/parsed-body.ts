import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/http-error.js';

/** A request as body parsers leave it: Express's `express.json()`, `express.text()`, `express.raw()`… */
type ParsedRequest = IncomingMessage & { body?: unknown; _body?: unknown };

/**
 * Whether something before the collector already read the request body (a framework's body
 * parser): the stream then yields nothing more, and reading it would see an empty body.
 */
export function bodyWasRead(req: IncomingMessage): boolean {
  return (
    req.readableEnded ||
    req.readableDidRead ||
    (req.complete && !req.readable) ||
    (req as ParsedRequest)._body === true
  );
}

/**
 * The body a parser already read, as bytes to validate like the raw body: a Buffer or string as
 * it is, anything else (express.json()'s object) serialised again with `JSON.stringify`, so the
 * size limit applies to that form. The body is the answer's, so a bad one is still a 400 — but
 * a body consumed with nothing usable left is the server's misconfiguration, never the answer's
 * fault: 500 (a 4xx would make the widget drop the answer for good).
 */
export function parsedBodyBytes(req: IncomingMessage): Uint8Array {
  const { body } = req as ParsedRequest;
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  const untouched =
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && isEmpty(body));
  // No body was sent: nothing was lost, whatever a parser left behind (body-parser 1 leaves `{}`).
  if (!hasBody(req) && untouched) return new Uint8Array(0);
  if (body !== undefined) {
    let text: string | undefined;
    try {
      text = JSON.stringify(body);
    } catch {
      text = undefined;
    }
    if (text !== undefined) return Buffer.from(text, 'utf8');
  }
  throw new HttpError(
    500,
    'body_already_read',
    'A body parser read the request body before the collector and left nothing usable in ' +
      'req.body (a parsed JSON value, a string or a Buffer). Mount the collector before that ' +
      'parser, or let the parser keep what it read in req.body.',
  );
}

function isEmpty(value: object): boolean {
  for (const _ in value) return false;
  return true;
}

/** RFC 9112 §6.3: a request has a body when it declares a length or a transfer coding. */
function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}
