import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo-site.js';
import { tabRound } from '../support/focus-stops.js';

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
      const stops = await tabRound(page);
      const page_ = stops.filter((s) => !s.inSurvey);
      expect(page_.length).toBeGreaterThan(15);
      expect(stops.some((s) => s.inSurvey)).toBe(true);
      expect(page_.filter((s) => s.hidden).map((s) => s.name)).toEqual([]);
      // Where the card takes most of the screen it waits as a bar while the page has focus.
      const folds = height < 700;
      expect(page_.every((s) => s.compact === folds)).toBe(true);
      // …and opens in full (more than the 3.5rem bar) while focus is in it.
      for (const s of stops.filter((s) => s.inSurvey)) expect(s.cardHeight).toBeGreaterThan(100);
      await page.close();
    });
  }
});
