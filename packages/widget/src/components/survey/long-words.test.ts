import type { HarkScaleSurvey } from '../../internal/scale-survey.js';
import { engine, setViewport } from '../../testing/browser.js';
import { cleanup } from '../../testing/dom.js';
import { expect } from '../../testing/expect.js';
import { afterEach, describe, it } from '../../testing/suite.js';
import type { HarkSurvey, Presentation } from './hark-survey.component.js';
import './hark-survey.js';

// A survey owner's text is not always made of short words: a pasted URL, a product code, a
// language written without spaces. 500 characters without a break opportunity.
const WORD = 'Supercalifragilistic'.repeat(25);
// 320 CSS px (WCAG 1.4.10), or the narrowest the engine's window gets (WebKit's MiniBrowser: 447).
const WIDTH = Math.max(320, engine.narrowestViewport);

afterEach(async () => {
  cleanup();
  await setViewport(1024, 768);
});

async function shown(
  kind: string,
  presentation: Presentation,
  extra: Record<string, unknown> = {},
): Promise<{ survey: HarkSurvey; inner: HarkScaleSurvey }> {
  const survey = document.createElement('hark-survey') as HarkSurvey;
  survey.presentation = presentation;
  survey.definition = {
    id: 'long-words',
    kind,
    question: WORD,
    lowLabel: WORD,
    highLabel: WORD,
    followUp: { detractor: WORD, passive: WORD, promoter: WORD },
    ...extra,
  } as HarkSurvey['definition'];
  document.body.append(survey);
  await survey.updateComplete;
  if (presentation !== 'inline') survey.show();
  await survey.updateComplete;
  const inner = survey.shadowRoot?.querySelector(
    'hark-nps, hark-csat, hark-ces',
  ) as HarkScaleSurvey;
  await inner.updateComplete;
  return { survey, inner };
}

/** Everything the visitor needs is on a 320 px screen, and nothing scrolls sideways. */
function expectFits(inner: HarkScaleSurvey, what: string): void {
  const root = inner.shadowRoot as ShadowRoot;
  const close = (root.querySelector('.dismiss') as HTMLElement).getBoundingClientRect();
  expect(close.left, `${what}: close button's left`).toBeGreaterThanOrEqual(0);
  expect(close.right, `${what}: close button's right`).toBeLessThanOrEqual(WIDTH);
  const card = root.querySelector('.card') as HTMLElement;
  expect(card.scrollWidth, `${what}: card scrollWidth`).toBeLessThanOrEqual(card.clientWidth);
  expect(card.getBoundingClientRect().right, `${what}: card's right`).toBeLessThanOrEqual(WIDTH);
  expect(document.documentElement.scrollWidth, `${what}: page scrollWidth`).toBeLessThanOrEqual(
    WIDTH,
  );
}

describe(`a 500-character word in every text, at ${WIDTH} px`, () => {
  for (const presentation of ['inline', 'corner', 'tab', 'modal'] as const) {
    for (const kind of ['nps', 'csat', 'ces'] as const) {
      it(`${presentation} ${kind}: wraps, the close button stays on screen, nothing scrolls sideways`, async () => {
        await setViewport(WIDTH, 640);
        const { survey, inner } = await shown(kind, presentation);
        expectFits(inner, 'question and end labels');
        const panel = survey.shadowRoot?.querySelector<HTMLElement>('.corner, dialog');
        if (panel) expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth);
        // The follow-up prompt, once a score is chosen.
        inner.shadowRoot?.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
        await inner.updateComplete;
        expect(inner.shadowRoot?.querySelector('.follow-up label')?.textContent).toContain(WORD);
        expectFits(inner, 'follow-up prompt');
      });
    }
  }

  it('tab: a 500-character launcher label wraps within the screen', async () => {
    await setViewport(WIDTH, 640);
    const survey = document.createElement('hark-survey') as HarkSurvey;
    survey.presentation = 'tab';
    survey.launcherLabel = WORD;
    survey.definition = { id: 'long-label', kind: 'nps' };
    document.body.append(survey);
    await survey.updateComplete;
    const launcher = survey.shadowRoot?.querySelector('.launcher') as HTMLElement;
    expect(launcher.getBoundingClientRect().left).toBeGreaterThanOrEqual(0);
    expect(launcher.getBoundingClientRect().right).toBeLessThanOrEqual(WIDTH);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(WIDTH);
  });
});

/** The words of an element's text that the browser broke across two lines. */
function brokenWords(element: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const match of text.matchAll(/[^\s-]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()];
      const lines = new Set(rects.map((rect) => Math.round(rect.top)));
      // A word wider than its whole line has to break; any other must not.
      const width = rects.reduce((sum, rect) => sum + rect.width, 0);
      const parent = node.parentElement as HTMLElement;
      const style = getComputedStyle(parent);
      const line =
        parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (lines.size > 1 && width <= line) broken.push(`${match[0]} (${width} of ${line} px)`);
    }
  }
  return broken;
}

describe('ordinary words still break only between words', () => {
  for (const locale of ['en', 'de', 'fr', 'ru', 'pl']) {
    for (const kind of ['nps', 'csat', 'ces'] as const) {
      it(`${kind} in ${locale}, at 200% text on a ${WIDTH} px screen`, async () => {
        await setViewport(WIDTH, 640);
        document.documentElement.style.fontSize = '200%';
        try {
          const survey = document.createElement('hark-survey') as HarkSurvey;
          survey.locale = locale;
          survey.definition = { id: 'short-words', kind };
          document.body.append(survey);
          await survey.updateComplete;
          const inner = survey.shadowRoot?.querySelector(
            'hark-nps, hark-csat, hark-ces',
          ) as HarkScaleSurvey;
          await inner.updateComplete;
          inner.shadowRoot?.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
          await inner.updateComplete;
          const card = inner.shadowRoot?.querySelector('.card') as HTMLElement;
          expect(card.textContent?.trim()).not.toBe('');
          expect(brokenWords(card)).toEqual([]);
          expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
        } finally {
          document.documentElement.style.fontSize = '';
        }
      });
    }
  }
});

describe('the end labels', () => {
  for (const locale of ['en', 'de', 'fr', 'ru', 'pl']) {
    it(`stay side by side, under the ends they name, on a ${WIDTH} px screen in ${locale}`, async () => {
      await setViewport(WIDTH, 640);
      const survey = document.createElement('hark-survey') as HarkSurvey;
      survey.locale = locale;
      survey.definition = { id: 'ends', kind: 'nps' };
      document.body.append(survey);
      await survey.updateComplete;
      const inner = survey.shadowRoot?.querySelector('hark-nps') as HarkScaleSurvey;
      await inner.updateComplete;
      const [low, high] = [...(inner.shadowRoot?.querySelectorAll('.ends span') ?? [])].map((s) =>
        s.getBoundingClientRect(),
      );
      expect(low?.top).toBe(high?.top);
      expect(low?.right).toBeLessThan(high?.left as number);
    });
  }
});
