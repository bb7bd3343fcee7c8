import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo-site.js';

// WCAG 2.4.3 on the demo page, the way a keyboard user meets its three inline surveys one after
// another: answer, send, then Escape closes the survey; focus must go on to where Tab would go
// next, into the following survey, and never back up the page or to <body>.
const demo = useDemo('hark-inline-focus-return');

/** Whether `target` is the element with focus (Playwright's locators reach into shadow roots). */
const hasFocus = (target: Locator) => target.evaluate((el) => el.matches(':focus'));

describe('the demo’s inline surveys, answered one after another by keyboard', () => {
  it('Escape after each thank-you goes on to the next survey, then to the page after them', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${demo.server.url}/`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      const close = (id: string) =>
        page.locator(`#${id} hark-survey`).getByRole('button', { name: 'Close survey' });
      await expect.poll(() => close('inline-nps').count()).toBe(1);
      await close('inline-nps').focus();

      // Where each Escape should send focus: the next survey's first stop, then the page's next.
      const next = {
        'inline-nps': close('inline-csat'),
        'inline-csat': close('inline-ces'),
        'inline-ces': page.getByRole('button', { name: 'Corner NPS', exact: true }),
      };
      for (const [id, after] of Object.entries(next)) {
        expect(await hasFocus(close(id))).toBe(true);
        await page.keyboard.press('Tab'); // the first point
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab'); // the follow-up
        await page.keyboard.type('Keys only');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter'); // Send
        await expect
          .poll(() => page.locator(`#${id} hark-survey`).getByText('Thank you').count())
          .toBeGreaterThan(0);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator(`#${id} hark-survey`).count()).toBe(0);
        expect(await hasFocus(after), `after ${id}`).toBe(true);
      }
    } finally {
      await page.close();
    }
  });
});
