import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { type Stop, tabRound } from '../support/focus-stops.js';
import { type Site, startScriptTagSite } from '../support/script-tag-site.js';
import { tempDir } from '../support/temp-dir.js';
import { measureReflow } from './reflow-problems.js';
import { type Floating, KINDS, type Kind, LOCALES, serveShop, surveyId } from './reflow-site.js';
import { applyTextSpacing } from './text-spacing.js';

// Issue 13 §4, WCAG 1.4.4 / 1.4.10 / 1.4.12 / 2.4.11: at 100%, 200% and 400% zoom and on a
// 320 px phone, with the visitor's text spacing inside every shadow root and long unbroken words
// in the owner's text, no survey text is cut or off screen, the page does not scroll sideways
// because of Hark, no Tab stop is hidden by a floating survey, and every survey control can be
// reached and seen. Zoom is modelled as browsers do it: a 1280×900 window at 200% lays out a
// 640×450 CSS px viewport at 2 device pixels per CSS px (devicePixelRatio 2, as real zoom
// reports; media queries and layout see 640×450).
const VIEWPORTS = [
  { zoom: '100%', width: 1280, height: 900, scale: 1 },
  { zoom: '200%', width: 640, height: 450, scale: 2 },
  { zoom: '400%', width: 320, height: 225, scale: 4 },
  { zoom: 'a phone', width: 320, height: 640, scale: 2 },
] as const;

const dir = tempDir('hark-reflow');
let site: Site;
let browser: Browser;
let shop: ReturnType<typeof serveShop>;

beforeAll(async () => {
  site = await startScriptTagSite(dir.file('site.db'));
  shop = serveShop(site);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  console.log(matrix());
});

const PRESENTATIONS = ['inline', 'corner', 'modal', 'tab, launcher', 'tab, panel'] as const;
/** Each page's problems, by viewport, language and kind. */
const results = new Map<string, readonly string[]>();

/** How many problems each presentation had in each combination: the run's measured matrix. */
function matrix(): string {
  const lines = [['', ...PRESENTATIONS].join(' | ')];
  let failed = 0;
  for (const [key, problems] of results) {
    const counts = PRESENTATIONS.map((p) => {
      const n = problems.filter((line) => line.startsWith(p)).length;
      if (n > 0) failed++;
      return n === 0 ? 'ok' : String(n);
    });
    lines.push([key, ...counts].join(' | '));
  }
  const all = results.size * PRESENTATIONS.length;
  const each = [...results].flatMap(([key, problems]) => problems.map((p) => `${key}, ${p}`));
  return `Reflow matrix (problems per combination): ${all - failed} of ${all} clean\n${[...lines, ...each].join('\n')}`;
}

/** A survey's Tab stops by what they are: the point radio, comment, send and close, launcher. */
function controls(stops: readonly Stop[]): string[] {
  return stops.map((s) => s.name.replace(/ ".*$/s, '')).sort();
}

/** One visitor's look at one kind of survey in every presentation; each problem as a line. */
async function problemsOf(page: Page, kind: Kind, baseline: number): Promise<string[]> {
  const problems: string[] = [];
  const check = async (where: string) => {
    const { scrollWidth, problems: found } = await measureReflow(page);
    if (scrollWidth > baseline)
      problems.push(`${where}: page scrolls sideways (${scrollWidth} > ${baseline})`);
    problems.push(...found.map((p) => `${where}: ${p}`));
  };
  /** The stops of a Tab round: the page's not hidden, the survey's on screen and complete. */
  const walk = async (where: string, expected: string[], floating = true) => {
    const stops = await tabRound(page);
    for (const s of stops) {
      // Focus on <body>: the round has left the page for the browser's own controls.
      if (s.name.startsWith('body ')) continue;
      if (!s.inSurvey && s.hidden)
        problems.push(`${where}: page stop hidden by the survey: ${s.name}`);
      if (s.shown === 0) problems.push(`${where}: stop entirely off screen or cut off: ${s.name}`);
    }
    const own = stops.filter((s) => (floating ? s.inSurvey : s.presentation === 'inline'));
    // A dialog that scrolls may be a stop of its own (Chromium makes scroll boxes keyboard-
    // focusable unless they say otherwise): that is a way to scroll it, not a missing control.
    const reached = controls(own).filter((stop) => stop !== 'dialog');
    if (reached.join() !== expected.join())
      problems.push(`${where}: survey stops ${reached.join(', ')}, not ${expected.join(', ')}`);
    return stops;
  };
  const floating = page.locator('body > hark-survey');
  const choose = async (survey: typeof floating) => {
    await survey.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await expect.poll(() => survey.locator('textarea').count()).toBe(1);
  };
  const show = async (presentation: Floating) => {
    await page.evaluate(
      (id) => (window as unknown as { Hark: { show(id: string): Promise<boolean> } }).Hark.show(id),
      surveyId(kind, presentation),
    );
    await floating.waitFor({ state: 'attached' });
  };
  const close = async () => {
    await floating.locator('.dismiss').focus();
    await page.keyboard.press('Enter');
    await floating.waitFor({ state: 'detached' });
  };
  const full = ['button', 'button', 'input', 'textarea'];

  const inline = page.locator('#feedback hark-survey');
  await expect.poll(() => inline.getByRole('radio').count()).toBeGreaterThan(0);
  await check('inline');
  await choose(inline);
  await check('inline, follow-up');

  await show('corner');
  await expect.poll(() => floating.getByRole('radio').count()).toBeGreaterThan(0);
  await check('corner');
  await choose(floating);
  await check('corner, follow-up, focus in it');
  const pageStops = await walk('corner', full);
  // The inline survey, on the same page, answered: its stops are the page's.
  const inlineStops = controls(pageStops.filter((s) => s.presentation === 'inline'));
  if (inlineStops.join() !== full.join())
    problems.push(`inline: survey stops ${inlineStops.join(', ')}, not ${full.join(', ')}`);
  await check('corner, follow-up, after a Tab round');
  await close();

  await show('modal');
  await expect.poll(() => floating.getByRole('radio').count()).toBeGreaterThan(0);
  await choose(floating);
  await check('modal, follow-up');
  await walk('modal', full);
  await close();

  await show('tab');
  await floating.locator('.launcher').waitFor();
  await check('tab, launcher');
  await walk('tab, launcher', ['button']);
  await floating.locator('.launcher').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => floating.getByRole('radio').count()).toBeGreaterThan(0);
  await choose(floating);
  await check('tab, panel, follow-up');
  await walk('tab, panel', full);
  await close();
  return problems;
}

for (const { zoom, width, height, scale } of VIEWPORTS) {
  for (const locale of LOCALES) {
    describe(`at ${zoom} (${width}×${height}), ${locale.lang}, with text spacing`, () => {
      let context: BrowserContext;
      let baseline = 0;
      beforeAll(async () => {
        context = await browser.newContext({
          viewport: { width, height },
          deviceScaleFactor: scale,
          locale: locale.lang,
        });
        await applyTextSpacing(context);
        // What the page itself scrolls sideways, without Hark (nothing, as it is written).
        const bare = await context.newPage();
        await bare.goto(shop.bare(locale));
        baseline = await bare.evaluate(() => document.documentElement.scrollWidth);
        await bare.close();
      });
      afterAll(() => context?.close());

      for (const kind of KINDS) {
        it(`${kind}: inline, corner, modal, feedback tab and its panel`, async () => {
          const page = await context.newPage();
          await page.goto(shop.withHark(locale, kind));
          const problems = await problemsOf(page, kind, baseline);
          results.set(`${zoom} ${locale.lang} ${kind}`, problems);
          expect(problems).toEqual([]);
          await page.close();
        }, 300_000);
      }
    });
  }
}
