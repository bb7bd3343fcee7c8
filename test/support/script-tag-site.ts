// A site that installs Hark with the script tag: the built loader and UI chunks, pages the test
// writes, and the real reference collector on the same origin (SQLite in a temp dir).
import { type ReferenceServer, startReferenceServer } from '@hark/collector/node';
import type { HarkResponse } from '@hark/collector/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// @ts-expect-error: the build script is plain JavaScript.
import { buildScriptTag } from '../../packages/widget/scripts/build-script-tag.mjs';

/** A strict policy with the collector on the same origin (FAULTS 14). */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; require-trusted-types-for 'script'";

export interface Site {
  readonly server: ReferenceServer;
  readonly url: string;
  /** Every body POSTed to the collector, in order. */
  readonly posted: HarkResponse[];
  /** Serves `body` at `path` (HTML under `csp`, the strict CSP by default; `.js` / `.json` by extension). */
  page(path: string, body: string, csp?: string): void;
  close(): Promise<void>;
}

interface OutputFile {
  readonly path: string;
  readonly contents: Uint8Array;
}

export async function startScriptTagSite(db: string): Promise<Site> {
  const { loader, ui } = (await buildScriptTag({ outdir: '/out', write: false })) as {
    loader: { outputFiles: OutputFile[] };
    ui: { outputFiles: OutputFile[] };
  };
  const files = new Map<string, Uint8Array>();
  for (const file of [...loader.outputFiles, ...ui.outputFiles]) {
    files.set(file.path.replace(/^.*\/out\//, '/'), file.contents);
  }
  const pages = new Map<string, string>();
  const policies = new Map<string, string>();
  const posted: HarkResponse[] = [];
  const type = (path: string) =>
    path.endsWith('.js')
      ? 'text/javascript'
      : path.endsWith('.json')
        ? 'application/json'
        : 'text/html; charset=utf-8';
  const server = await startReferenceServer({
    port: 0,
    db,
    rateLimit: 0,
    log: () => {},
    wrap: (collector) => async (request: Request, context: unknown) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'POST' && pathname === '/v1/responses') {
        const body = (await request.clone().json()) as { responses?: HarkResponse[] };
        posted.push(...(body.responses ?? []));
      }
      const body =
        request.method === 'GET' ? (files.get(pathname) ?? pages.get(pathname)) : undefined;
      if (body === undefined) return collector(request, context as never);
      return new Response(body as BodyInit, {
        headers: {
          'content-type': type(pathname),
          'content-security-policy': policies.get(pathname) ?? STRICT_CSP,
          'cache-control': 'no-store',
        },
      });
    },
  });
  return {
    server,
    url: server.url,
    posted,
    page: (path, body, csp) => {
      pages.set(path, body);
      if (csp !== undefined) policies.set(path, csp);
    },
    close: () => server.close(),
  };
}

/** An HTML page that installs Hark with `attributes` on the script tag, after `before` scripts. */
export function installPage(
  attributes: Record<string, string | true>,
  { before = [] as string[], body = '' } = {},
): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) =>
      value === true ? ` data-${name}` : ` data-${name}='${value.replaceAll("'", '&#39;')}'`,
    )
    .join('');
  const scripts = before.map((src) => `<script src="${src}"></script>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${scripts}<script src="/hark.js"${attrs} async></script></head><body><h1>Shop</h1><button id="buy">Buy</button>${body}</body></html>`;
}

/** A fresh visitor (own storage), recording CSP violations and requests. */
export async function visitor(browser: Browser) {
  const context: BrowserContext = await browser.newContext();
  const violations: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) =>
    requests.push(`${request.method()} ${new URL(request.url()).pathname}`),
  );
  await context.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  const open = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    await page.goto(url);
    return page;
  };
  return { context, violations, requests, errors, open };
}

/** The survey element on a page, once shown. */
export function survey(page: Page) {
  return page.locator('hark-survey');
}
