import type { ValidationIssue } from '../validation/issue.js';

/** An error that becomes one HTTP response: a status, a stable code, and a message for people. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ValidationIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { issues?: readonly ValidationIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }

  toResponse(headers: Headers = new Headers()): Response {
    for (const [name, value] of Object.entries(this.headers)) headers.set(name, value);
    const body = {
      error: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
    return jsonResponse(this.status, body, headers);
  }
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Headers = new Headers(),
): Response {
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  return new Response(JSON.stringify(body), { status, headers });
}
