import type { ReferenceServer } from '@hark/collector/node';
import type { Browser, Page } from 'playwright-core';
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

async function openDemo(): Promise<{ page: Page; violations: string[] }> {
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
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return { page, violations };
}

describe('the demo page in Chromium', () => {
  it('sends an NPS answer by keyboard through the outbox to the collector, under a strict CSP', async () => {
    const { page, violations } = await openDemo();
    await expect.poll(() => page.textContent('#results')).toBe('No answers yet.');
    const nps = page.locator('#inline-nps');
    await nps.getByRole('button', { name: 'Close survey' }).focus();

    // Keyboard only: into the scale, arrows to 9, the follow-up, then Send.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => nps.getByRole('radio', { name: '9', exact: true }).isChecked())
      .toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Setting it up took one command.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => nps.locator('.thanks').textContent())
      .toBe('Thank you for your feedback!');
    await expect.poll(async () => server.store.count('demo-nps')).toBe(1);
    await expect.poll(() => page.textContent('#results')).toBe('demo-nps (NPS): 100 from 1 answer');
    await expect
      .poll(() => page.textContent('#delivery'))
      .toBe('Outbox (IndexedDB): 0 answers waiting.');
    expect(violations).toEqual([]);
    await page.screenshot({ path: dir.file('demo.png'), fullPage: true });
    await page.close();
  });

  it('opens the modal survey from its button with focus on the scale', async () => {
    const { page, violations } = await openDemo();
    await page.getByRole('button', { name: 'Open the modal survey' }).click();
    const modal = page.locator('#modal-survey');
    await expect
      .poll(() =>
        modal
          .getByRole('radio', { name: '0', exact: true })
          .evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('open-modal');
    expect(violations).toEqual([]);
    // The listener is live: an inline style attribute and an HTML string sink, which the policy
    // forbids, are both reported.
    await page.evaluate(() => {
      document.body.setAttribute('style', 'color: red');
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch {
        // Trusted Types throws, and reports.
      }
    });
    await expect
      .poll(() => violations.map((v) => v.split(' ')[0]).sort())
      .toEqual(['require-trusted-types-for', 'style-src-attr']);
    await page.close();
  });
});
