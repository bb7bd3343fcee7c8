import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo-site.js';

// WCAG 2.4.3 on the demo page, the way a keyboard user meets its three inline surveys one after
// another: answer, send, then Escape closes the survey; focus must go on to where Tab would go
// next, into the following survey, and never back up the page or to <body>.
const demo = useDemo('hark-inline-focus-return');

/** What has focus, looking through shadow roots: its tag and accessible-ish name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const label = active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '';
    let host: Node = active;
    while (host.getRootNode() instanceof ShadowRoot) host = (host.getRootNode() as ShadowRoot).host;
    const slot = (host as Element).closest('[id]')?.id ?? '';
    return `${slot} ${active.localName} "${label.slice(0, 40)}"`;
  });
}

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

      const where: string[] = [];
      for (const id of ['inline-nps', 'inline-csat', 'inline-ces']) {
        expect(await focused(page)).toBe(`${id} button "Close survey"`);
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
        where.push(await focused(page));
      }
      expect(where).toEqual([
        'inline-csat button "Close survey"',
        'inline-ces button "Close survey"',
        expect.stringMatching(/ button "Corner NPS"$/),
      ]);
    } finally {
      await page.close();
    }
  });
});
