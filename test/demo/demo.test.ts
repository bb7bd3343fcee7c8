import type { ReferenceServer } from '@hark/collector/node';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the demo server is plain JavaScript, run by `npm start` without a build.
import { startDemo } from '../../demo/serve.mjs';
import { launchChromium } from '../support/browser.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('hark-demo');
let server: ReferenceServer;
let browser: Browser;

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

describe('the demo page in Chromium', () => {
  it('sends an answer by keyboard to the collector, under a strict CSP, and shows the result', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.textContent('#results')).toBe('No answers yet.');

    // Keyboard only: Tab into the radio group, arrows to 9, Tab to the comment, type, submit.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Setting it up took one command.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.textContent('#status')).toBe('Thank you! Your answer was stored.');
    await expect.poll(() => page.textContent('#results')).toBe('NPS 100 ± — from 1 answer');
    expect(await server.store.count('demo-nps')).toBe(1);
    expect(violations).toEqual([]);
    await page.close();
  });
});
