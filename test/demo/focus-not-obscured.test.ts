import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo-site.js';

// WCAG 2.4.11 (focus not obscured): with the corner card open, no Tab stop of the page may be
// hidden by it entirely, whatever the zoom. A 1280×900 window at 200% is 640×450 CSS px, at 400%
// 320×225; 320×640 is a phone.
const VIEWPORTS = [
  { zoom: '100%', width: 1280, height: 900 },
  { zoom: '200%', width: 640, height: 450 },
  { zoom: '400%', width: 320, height: 225 },
  { zoom: 'a phone', width: 320, height: 640 },
] as const;

const demo = useDemo('hark-focus-obscured');

interface Stop {
  /** What has focus: tag, and its name or text. */
  readonly name: string;
  /** In the corner card itself (which is then open, and not what could hide it). */
  readonly inCard: boolean;
  /** Inside the card's rectangle entirely. */
  readonly hidden: boolean;
  readonly compact: boolean;
  /** The card's height on screen, px. */
  readonly cardHeight: number;
}

/** Where focus is after a Tab, once the card has had a frame to move or fold. */
function stop(page: Page): Promise<Stop> {
  return page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const host = document.querySelector('body > hark-survey');
    const card = host?.shadowRoot?.querySelector('.corner');
    if (!active || !host || !card) throw new Error('no focus, or no corner card');
    let node: Node | null = active;
    let inCard = false;
    while (node) {
      if (node === host) inCard = true;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    const a = active.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    const hidden =
      a.width * a.height > 0 &&
      a.left >= c.left &&
      a.right <= c.right &&
      a.top >= c.top &&
      a.bottom <= c.bottom;
    const label = active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40);
    return {
      name: `${active.tagName.toLowerCase()} "${label ?? ''}" at ${Math.round(a.top)}`,
      inCard,
      hidden,
      compact: host.hasAttribute('compact'),
      cardHeight: c.height,
    };
  });
}

describe('the corner card and the demo page’s Tab stops (WCAG 2.4.11)', () => {
  for (const { zoom, width, height } of VIEWPORTS) {
    it(`hides no Tab stop entirely at ${zoom} (${width}×${height})`, async () => {
      const page = await demo.browser.newPage({ viewport: { width, height } });
      await page.goto(`${demo.server.url}/`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      await page.getByRole('button', { name: 'Corner NPS', exact: true }).click();
      const survey = page.locator('body > hark-survey');
      await expect.poll(() => survey.getByRole('radio').count()).toBe(11);

      // From the top of the page, every stop once round (the card's own stops included).
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('body').focus();
      const seen = new Set<string>();
      const stops: Stop[] = [];
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const at = await stop(page);
        if (seen.has(at.name)) break;
        seen.add(at.name);
        stops.push(at);
      }
      const page_ = stops.filter((s) => !s.inCard);
      expect(page_.length).toBeGreaterThan(15);
      expect(stops.some((s) => s.inCard)).toBe(true);
      expect(page_.filter((s) => s.hidden).map((s) => s.name)).toEqual([]);
      // Where the card takes most of the screen it waits as a bar while the page has focus.
      const folds = height < 700;
      expect(page_.every((s) => s.compact === folds)).toBe(true);
      // …and opens in full (more than the 3.5rem bar) while focus is in it.
      for (const s of stops.filter((s) => s.inCard)) expect(s.cardHeight).toBeGreaterThan(100);
      await page.close();
    });
  }
});
