import { randomBytes } from 'node:crypto';

/** The cookie that carries a dashboard session. */
export const SESSION_COOKIE = 'hark_session';
const LIFETIME_MS = 12 * 3_600_000;
const MOST_SESSIONS = 1_000;

/**
 * Dashboard sessions, in memory: a random id in an `HttpOnly`, `SameSite=Strict` cookie stands
 * for the admin token, so the token never sits in the page's script. A restart signs everyone out.
 */
export class AdminSessions {
  readonly #expiries = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Starts a session; returns its id. The oldest goes when there are too many. */
  open(): string {
    const id = randomBytes(32).toString('base64url');
    if (this.#expiries.size >= MOST_SESSIONS) {
      const oldest = this.#expiries.keys().next().value;
      if (oldest !== undefined) this.#expiries.delete(oldest);
    }
    this.#expiries.set(id, this.#now() + LIFETIME_MS);
    return id;
  }

  /** Whether the request's cookie header names a live session. */
  valid(cookieHeader: string | null): boolean {
    const id = sessionId(cookieHeader);
    if (id === undefined) return false;
    const expiry = this.#expiries.get(id);
    if (expiry === undefined) return false;
    if (expiry <= this.#now()) {
      this.#expiries.delete(id);
      return false;
    }
    return true;
  }

  close(cookieHeader: string | null): void {
    const id = sessionId(cookieHeader);
    if (id !== undefined) this.#expiries.delete(id);
  }

  /** The `Set-Cookie` value for a session (or, without one, the one that clears it). */
  static cookie(id: string | undefined, secure: boolean): string {
    const attributes = `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
    return id === undefined
      ? `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`
      : `${SESSION_COOKIE}=${id}; Max-Age=${LIFETIME_MS / 1000}; ${attributes}`;
  }
}

function sessionId(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === SESSION_COOKIE && value) return value;
  }
  return undefined;
}
