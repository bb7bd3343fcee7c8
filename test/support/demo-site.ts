import type { ReferenceServer } from '@hark/collector/node';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error: the demo server is plain JavaScript, run by `npm start` without a build.
import { startDemo } from '../../demo/serve.mjs';
import { launchChromium } from './browser.js';
import { tempDir } from './temp-dir.js';

/**
 * The demo page with its reference collector on a fresh SQLite file, and a Chromium to drive it,
 * for one test file: started before its tests, closed after them.
 */
export function useDemo(name: string): {
  readonly server: ReferenceServer;
  readonly browser: Browser;
  /** The test file's temporary folder (the demo's database is in it). */
  readonly dir: ReturnType<typeof tempDir>;
} {
  const dir = tempDir(name);
  let server: ReferenceServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = (await startDemo({
      port: 0,
      db: dir.file('demo.db'),
      log: () => {},
    })) as ReferenceServer;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    dir,
    get server() {
      if (server === undefined) throw new Error('the demo is started in beforeAll');
      return server;
    },
    get browser() {
      if (browser === undefined) throw new Error('the demo is started in beforeAll');
      return browser;
    },
  };
}
