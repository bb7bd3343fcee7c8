import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { answerBefore } from '../http/answer-before.js';
import type { CollectorHandler } from '../http/create-collector.js';
import type { Outgoing } from '../http/exchange.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The policy the dashboard lives under: its own scripts and styles, its own API. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves a built folder (the dashboard) under `prefix`, read once at start: only the files that
 * were there are ever served, so no path in a request can reach outside it. Anything else falls
 * through to `next`.
 */
export function withStaticFiles(
  dir: string,
  prefix: string,
  next: CollectorHandler,
): CollectorHandler {
  const files = new Map<string, { body: string; type: string }>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const type = TYPES[extname(name)];
        if (type)
          files.set(`${prefix}/${relative(dir, path).split(sep).join('/')}`, {
            body: readFileSync(path, 'utf8'),
            type,
          });
      }
    }
  };
  walk(dir);
  const index = files.get(`${prefix}/index.html`);
  if (index !== undefined) files.set(`${prefix}/`, index);
  /** The file at `pathname` as an answer, or undefined for anything else. */
  const serve = (method: string, pathname: string, search: string): Outgoing | undefined => {
    if (pathname === prefix) {
      return { status: 308, headers: { location: `${prefix}/${search}` }, body: null };
    }
    const file = method === 'GET' || method === 'HEAD' ? files.get(pathname) : undefined;
    if (file === undefined) return undefined;
    return {
      status: 200,
      headers: {
        'content-type': file.type,
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': pathname.includes('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      },
      body: method === 'HEAD' ? null : file.body,
    };
  };
  return answerBefore(next, (method, url) => serve(method, url.pathname, url.search));
}
