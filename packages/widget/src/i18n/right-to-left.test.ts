import { keyboard } from '../testing/browser.js';
import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import '../components/nps/hark-nps.js';
import '../components/survey/hark-survey.js';
import type { HarkSubmitDetail } from '../events/hark-submit.js';
import type { HarkScaleSurvey } from '../internal/scale-survey.js';
import { cleanup, deepActiveElement, fixture } from '../testing/dom.js';

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
const radios = (el: Element) => [
  ...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const left = (el: Element) => el.getBoundingClientRect().left;

async function nps(locale: string): Promise<HarkScaleSurvey> {
  const el = await fixture<HarkScaleSurvey>(
    `<hark-nps survey-id="s1" locale="${locale}"></hark-nps>`,
  );
  await el.updateComplete;
  return el;
}

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
});

describe('right to left', () => {
  for (const locale of ['ar', 'he', 'fa']) {
    it(`${locale}: the scale runs from the right; the close button sits on the left`, async () => {
      const el = await nps(locale);
      const points = radios(el);
      // 0 at the right edge; on each row (a narrow card wraps), each point left of the one before.
      let pairs = 0;
      for (let i = 1; i < points.length; i++) {
        const [before, here] = [points[i - 1], points[i]].map((p) => p?.getBoundingClientRect());
        if (before?.top !== here?.top) continue;
        pairs++;
        expect(here?.left).toBeLessThan(before?.left as number);
      }
      expect(pairs).toBeGreaterThanOrEqual(5);
      const dismiss = shadow(el).querySelector('.dismiss') as HTMLElement;
      const card = (shadow(el).querySelector('.card') as HTMLElement).getBoundingClientRect();
      const box = dismiss.getBoundingClientRect();
      expect(box.left + box.width / 2).toBeLessThan(card.left + card.width / 2);
      // The low end's label under the low end: on the right.
      const [low, high] = [...shadow(el).querySelectorAll('.ends span')] as HTMLElement[];
      expect(left(low as HTMLElement)).toBeGreaterThan(left(high as HTMLElement));
    });

    it(`${locale}: arrow keys follow what the visitor sees; Home and End stay first and last`, async () => {
      const el = await nps(locale);
      const points = radios(el);
      (points[0] as HTMLInputElement).focus();
      const focused = () => deepActiveElement() as HTMLInputElement;
      await keyboard('{ArrowLeft}');
      expect(focused().value).toBe('1');
      expect(left(focused())).toBeLessThan(left(points[0] as HTMLElement));
      await keyboard('{ArrowLeft}{ArrowLeft}');
      expect(focused().value).toBe('3');
      await keyboard('{ArrowRight}');
      expect(focused().value).toBe('2');
      expect(el.score).toBe(2);
      await keyboard('{End}');
      expect(focused().value).toBe('10');
      await keyboard('{Home}');
      expect(focused().value).toBe('0');
      // Wrapping: right of the first point (visually) is the last one.
      await keyboard('{ArrowRight}');
      expect(focused().value).toBe('10');
    });
  }

  it('en inside an Arabic page stays left to right, with its own lang', async () => {
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
    const el = await nps('en');
    const card = shadow(el).querySelector('.card') as HTMLElement;
    expect([card.lang, card.dir]).toEqual(['en', 'ltr']);
    const points = radios(el);
    expect(left(points[1] as HTMLElement)).toBeGreaterThan(left(points[0] as HTMLElement));
    (points[0] as HTMLInputElement).focus();
    await keyboard('{ArrowRight}');
    expect((deepActiveElement() as HTMLInputElement).value).toBe('1');
  });

  it('a corner survey sits in the bottom left corner in Arabic, bottom right in English', async () => {
    const corner = async (locale: string) => {
      const el = await fixture<HTMLElement & { show(): void; updateComplete: Promise<unknown> }>(
        `<hark-survey presentation="corner" locale="${locale}" definition='{"id":"c1","kind":"ces"}'></hark-survey>`,
      );
      el.show();
      await el.updateComplete;
      const box = (shadow(el).querySelector('.corner') as HTMLElement).getBoundingClientRect();
      cleanup();
      return box;
    };
    const ar = await corner('ar');
    const en = await corner('en');
    expect(ar.left).toBeLessThan(innerWidth / 2);
    expect(en.right).toBeGreaterThan(innerWidth / 2);
  });
});

describe('the locale’s digits', () => {
  it('fa: Persian digits on the points and in their names; the score sent is a plain integer', async () => {
    const el = await nps('fa');
    const sent: HarkSubmitDetail[] = [];
    el.submitter = (answer) => {
      sent.push(answer);
    };
    const faces = [...shadow(el).querySelectorAll('.face')].map((f) => f.textContent);
    expect(faces).toEqual(['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹', '۱۰']);
    // Each name starts with the digits shown; the ends add their labels ("۰, …").
    expect(radios(el).map((r) => r.getAttribute('aria-label')?.split(', ')[0])).toEqual(faces);
    (radios(el)[7] as HTMLInputElement).click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
    await el.updateComplete;
    expect(sent).toEqual([{ surveyId: 's1', kind: 'nps', score: 7, locale: 'fa' }]);
    expect(typeof sent[0]?.score).toBe('number');
  });

  it('ar-EG on the page: Arabic strings, Arabic-Indic digits, and lang "ar"', async () => {
    document.documentElement.lang = 'ar-EG';
    const el = await fixture<HarkScaleSurvey>('<hark-nps survey-id="s1"></hark-nps>');
    await el.updateComplete;
    const faces = [...shadow(el).querySelectorAll('.face')].map((f) => f.textContent);
    expect(faces.slice(0, 3)).toEqual(['٠', '١', '٢']);
    expect(faces.at(-1)).toBe('١٠');
    expect((shadow(el).querySelector('.card') as HTMLElement).lang).toBe('ar');
  });

  it('en, hi and th keep Western digits, as they normally do', async () => {
    for (const locale of ['en', 'hi', 'th']) {
      const el = await nps(locale);
      expect(shadow(el).querySelector('.face')?.textContent).toBe('0');
      cleanup();
    }
  });
});
