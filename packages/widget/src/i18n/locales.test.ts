import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import '../components/ces/hark-ces.js';
import '../components/csat/hark-csat.js';
import '../components/nps/hark-nps.js';
import '../components/survey/hark-survey.js';
import type { HarkSubmitDetail } from '../events/hark-submit.js';
import { targetLocales } from '../generated/locale-codes.js';
import type { HarkScaleSurvey } from '../internal/scale-survey.js';
import { axeViolations } from '../testing/axe.js';
import { cleanup, fixture, settle } from '../testing/dom.js';
import { loadCatalogue, widgetLocales } from './localization.js';

/** Every catalogue as lit-localize built it from the XLIFF files: locale → its strings. */
const catalogues = new Map<string, Set<string>>(
  await Promise.all(
    targetLocales.map(
      async (locale) =>
        [locale, new Set(Object.values((await loadCatalogue(locale)) ?? {}))] as const,
    ),
  ),
);

const RTL = new Set(['ar', 'he', 'fa']);
const KINDS = [
  { tag: 'hark-nps', min: 0, max: 10 },
  { tag: 'hark-csat', min: 1, max: 5 },
  { tag: 'hark-ces', min: 1, max: 7 },
] as const;

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;

/**
 * Every string a visitor reads or hears from the element: text, accessible names, and the live
 * region; the faces of the points are checked apart (they are digits, emoji or stars).
 */
function spoken(el: Element): string[] {
  const root = shadow(el);
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const hidden = node.parentElement?.closest('[aria-hidden="true"]') !== null;
    if (text !== '' && !hidden) texts.push(text);
  }
  for (const labelled of root.querySelectorAll('[aria-label]')) {
    const label = labelled.getAttribute('aria-label') as string;
    // A point's name is its digits, then its words ("0, Not at all likely"): each part checked.
    const point = labelled.matches('input[type="radio"]') ? label.indexOf(', ') : -1;
    if (point < 0) texts.push(label);
    else texts.push(label.slice(0, point), label.slice(point + 2));
  }
  return texts;
}

/** The strings that are not the locale's digits and not from its catalogue: missing ones. */
function untranslated(el: Element, locale: string): string[] {
  const catalogue = catalogues.get(locale) as Set<string>;
  const digits = new Intl.NumberFormat(locale);
  const numbers = new Set(Array.from({ length: 11 }, (_, i) => digits.format(i)));
  return spoken(el).filter((text) => !catalogue.has(text) && !numbers.has(text));
}

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('lang');
});

describe('the shipped locales', () => {
  it('are the 22 the project promises, each with a complete catalogue', () => {
    expect([...widgetLocales].sort()).toEqual(
      [
        'en',
        'es',
        'pt-BR',
        'fr',
        'de',
        'it',
        'nl',
        'pl',
        'tr',
        'ru',
        'uk',
        'ar',
        'he',
        'fa',
        'hi',
        'ja',
        'ko',
        'zh-Hans',
        'zh-Hant',
        'id',
        'vi',
        'th',
      ].sort(),
    );
    const sizes = [...catalogues.values()].map((c) => c.size);
    expect(catalogues.size).toBe(21);
    // 24 messages; a catalogue may say two of them alike (e.g. "Feedback" twice in de).
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(22);
  });
});

for (const locale of widgetLocales.filter((l) => l !== 'en')) {
  describe(`locale ${locale}`, () => {
    for (const { tag, min, max } of KINDS) {
      it(`<${tag}>: every string translated, lang and dir set, digits of the locale, axe clean in each state`, async () => {
        const el = await fixture<HarkScaleSurvey>(
          `<${tag} survey-id="s1" locale="${locale}"></${tag}>`,
        );
        const sent: HarkSubmitDetail[] = [];
        el.submitter = (answer) => {
          sent.push(answer);
        };
        await settle(el);
        const card = shadow(el).querySelector('.card') as HTMLElement;
        expect(card.lang).toBe(locale);
        expect(card.dir).toBe(RTL.has(locale) ? 'rtl' : 'ltr');
        expect(getComputedStyle(card).direction).toBe(RTL.has(locale) ? 'rtl' : 'ltr');
        const faces = [...shadow(el).querySelectorAll('.face')].map((f) => f.textContent);
        if (tag !== 'hark-csat') {
          const digits = new Intl.NumberFormat(locale);
          expect(faces).toEqual(
            Array.from({ length: max - min + 1 }, (_, i) => digits.format(min + i)),
          );
        }
        expect(untranslated(el, locale)).toEqual([]);
        expect(await axeViolations(el)).toEqual([]);

        // Sent without a score: the error, translated.
        shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
        await settle(el);
        expect(untranslated(el, locale)).toEqual([]);
        // The lowest point: the follow-up question for low scores.
        shadow(el).querySelector<HTMLInputElement>('input[type="radio"]')?.click();
        await settle(el);
        expect(shadow(el).querySelector('textarea')).not.toBeNull();
        expect(untranslated(el, locale)).toEqual([]);
        expect(await axeViolations(el)).toEqual([]);

        shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
        await settle(el);
        expect(el.state).toBe('thanks');
        expect(untranslated(el, locale)).toEqual([]);
        expect(await axeViolations(el)).toEqual([]);
        // The score stays a plain integer, whatever digits the visitor saw.
        expect(sent).toEqual([{ surveyId: 's1', kind: tag.slice(5), score: min, locale }]);
      });
    }

    it('<hark-survey> tab: launcher and region labels translated, lang and dir on each', async () => {
      const el = await fixture<HTMLElement & { show(o?: { focus?: boolean }): void }>(
        `<hark-survey presentation="tab" locale="${locale}" definition='{"id":"s1","kind":"nps"}'></hark-survey>`,
      );
      el.show({ focus: true });
      await (el as unknown as HarkScaleSurvey).updateComplete;
      const launcher = shadow(el).querySelector('.launcher') as HTMLElement;
      const panel = shadow(el).querySelector('.corner') as HTMLElement;
      for (const part of [launcher, panel]) {
        expect(part.lang).toBe(locale);
        expect(part.dir).toBe(RTL.has(locale) ? 'rtl' : 'ltr');
      }
      expect(untranslated(el, locale)).toEqual([]);
      const inner = shadow(el).querySelector('hark-nps') as HarkScaleSurvey;
      await settle(inner);
      expect(untranslated(inner, locale)).toEqual([]);
      expect(await axeViolations(el)).toEqual([]);
    });
  });
}
