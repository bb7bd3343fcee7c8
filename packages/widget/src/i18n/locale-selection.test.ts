import { restoreAllMocks, spyOn } from '@vitest/spy';
import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import { waitFor } from '../testing/wait-for.js';
import '../components/nps/hark-nps.js';
import '../components/survey/hark-survey.js';
import type { SurveyDefinition } from '../definition/survey-definition.js';
import type { HarkSubmitDetail } from '../events/hark-submit.js';
import type { HarkScaleSurvey } from '../internal/scale-survey.js';
import { cleanup, fixture } from '../testing/dom.js';

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
const question = (el: Element) => shadow(el).querySelector('.question')?.textContent;
const lang = (el: Element) => (shadow(el).querySelector('.card') as HTMLElement).lang;

/** Chooses the highest point, sends, and returns what the survey handed over. */
async function answer(el: HarkScaleSurvey): Promise<HarkSubmitDetail> {
  const sent: HarkSubmitDetail[] = [];
  el.submitter = (a) => {
    sent.push(a);
  };
  [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].at(-1)?.click();
  await el.updateComplete;
  shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
  await waitFor(() => expect(sent).toHaveLength(1));
  return sent[0] as HarkSubmitDetail;
}

function prefer(...languages: string[]): void {
  spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

async function nps(attributes = ''): Promise<HarkScaleSurvey> {
  const el = await fixture<HarkScaleSurvey>(`<hark-nps survey-id="s1" ${attributes}></hark-nps>`);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  cleanup();
  restoreAllMocks();
  document.documentElement.removeAttribute('lang');
});

describe('choosing the locale', () => {
  it('takes the locale attribute first', async () => {
    document.documentElement.lang = 'de';
    prefer('ja');
    const el = await nps('locale="fr"');
    expect(lang(el)).toBe('fr');
    expect(question(el)).toBe(
      'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue\u202f?',
    );
    expect((await answer(el)).locale).toBe('fr');
  });

  it('else the page’s <html lang>', async () => {
    document.documentElement.lang = 'de-CH';
    prefer('ja');
    const el = await nps();
    expect(lang(el)).toBe('de');
    expect((await answer(el)).locale).toBe('de');
  });

  it('else the browser’s languages in order: pt-PT finds pt-BR before the next language', async () => {
    prefer('pt-PT', 'en');
    const el = await nps();
    expect(lang(el)).toBe('pt-BR');
    expect((await answer(el)).locale).toBe('pt-BR');
  });

  it('skips languages it has not, and falls back to English, never to a key', async () => {
    prefer('sv-SE', 'fi');
    const el = await nps();
    expect(lang(el)).toBe('en');
    expect(question(el)).toBe('How likely are you to recommend us to a friend or colleague?');
    expect((await answer(el)).locale).toBe('en');
  });

  it('follows a new locale at once, without a flash of the old one', async () => {
    const el = await nps('locale="fr"');
    el.locale = 'zh-TW';
    await el.updateComplete;
    expect(lang(el)).toBe('zh-Hant');
    expect(question(el)).toBe('您向朋友或同事推薦我們的可能性有多高？');
  });

  it('renders nothing before the locale’s strings arrive: the first text a visitor sees is theirs', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<hark-nps survey-id="s1" locale="ko"></hark-nps>';
    document.body.append(holder);
    const el = holder.firstElementChild as HarkScaleSurvey;
    const seen: (string | null | undefined)[] = [];
    const observer = new MutationObserver(() => seen.push(question(el)));
    // Watch the shadow root from its creation: every text it ever showed.
    observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
    await el.updateComplete;
    observer.disconnect();
    // Neither English nor the locale shown before (zh-Hant): only Korean, ever.
    expect(new Set(seen.filter((text) => text != null))).toEqual(
      new Set(['친구나 동료에게 저희를 추천할 가능성은 얼마나 되나요?']),
    );
  });
});

describe('a definition’s own text in several languages', () => {
  const definition: SurveyDefinition = {
    id: 'checkout',
    kind: 'nps',
    question: 'How likely are you to recommend our checkout?',
    followUp: { detractor: 'What went wrong?' },
    translations: {
      fr: { question: 'Recommanderiez-vous notre paiement ?', followUp: { detractor: 'Quoi ?' } },
      'pt-BR': { question: 'Você recomendaria nosso checkout?', followUp: { detractor: 'O quê?' } },
    },
  };

  async function survey(locale: string, d: SurveyDefinition = definition) {
    const el = await fixture<HTMLElement & { definition: SurveyDefinition; locale?: string }>(
      `<hark-survey locale="${locale}"></hark-survey>`,
    );
    el.definition = d;
    await (el as unknown as HarkScaleSurvey).updateComplete;
    const inner = shadow(el).querySelector('hark-nps') as HarkScaleSurvey;
    await inner.updateComplete;
    return inner;
  }

  it('shows the visitor’s language, with the built-in strings in it (fr-CA → fr)', async () => {
    const inner = await survey('fr-CA');
    expect(question(inner)).toBe('Recommanderiez-vous notre paiement ?');
    expect(shadow(inner).querySelector('.submit')?.textContent?.trim()).toBe('Envoyer');
    expect(lang(inner)).toBe('fr');
    const sent = await answer(inner);
    expect(sent.locale).toBe('fr');
  });

  it('matches translations with the same fallbacks (pt-PT → pt-BR)', async () => {
    const inner = await survey('pt-PT');
    expect(question(inner)).toBe('Você recomendaria nosso checkout?');
    expect(lang(inner)).toBe('pt-BR');
  });

  it('keeps a language it has no text in whole: German visitor, English survey', async () => {
    const inner = await survey('de');
    expect(question(inner)).toBe('How likely are you to recommend our checkout?');
    expect(shadow(inner).querySelector('.submit')?.textContent?.trim()).toBe('Send');
    expect(lang(inner)).toBe('en');
    expect((await answer(inner)).locale).toBe('en');
  });

  it('without text of its own, offers every built-in locale and its translations', async () => {
    const inner = await survey('de', {
      id: 'plain',
      kind: 'nps',
      translations: { fr: { question: 'Une question ?' } },
    });
    expect(lang(inner)).toBe('de');
    expect(shadow(inner).querySelector('.submit')?.textContent?.trim()).toBe('Senden');
  });

  it('a text in a language without a catalogue keeps its lang; the built-ins fall back to English', async () => {
    const inner = await survey('sv', {
      id: 'sv',
      kind: 'nps',
      locale: 'sv',
      question: 'Hur troligt är det att du rekommenderar oss?',
    });
    expect(question(inner)).toBe('Hur troligt är det att du rekommenderar oss?');
    expect(lang(inner)).toBe('sv');
    expect(shadow(inner).querySelector('.submit')?.textContent?.trim()).toBe('Send');
    expect((await answer(inner)).locale).toBe('sv');
  });
});

describe('a page that changes language', () => {
  it('follows <html lang> when a single-page app switches it', async () => {
    document.documentElement.lang = 'en';
    const el = await nps();
    expect(lang(el)).toBe('en');
    document.documentElement.lang = 'es';
    await waitFor(() => expect(lang(el)).toBe('es'));
    expect(question(el)).toBe('¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?');
  });

  it('follows the browser’s languages when they change', async () => {
    prefer('en-US');
    const el = await nps();
    expect(lang(el)).toBe('en');
    prefer('nl-BE', 'en');
    dispatchEvent(new Event('languagechange'));
    await waitFor(() => expect(lang(el)).toBe('nl'));
  });

  it('keeps an explicit locale whatever the page says', async () => {
    const el = await nps('locale="it"');
    document.documentElement.lang = 'de';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lang(el)).toBe('it');
  });
});

describe('several surveys, several languages', () => {
  it('two surveys on one page speak two languages at once, each labelled with its own', async () => {
    const holder = await fixture<HTMLElement>(
      '<div><hark-nps survey-id="a" locale="ja"></hark-nps><hark-nps survey-id="b" locale="he"></hark-nps></div>',
    );
    const [ja, he] = [...holder.querySelectorAll('hark-nps')] as HarkScaleSurvey[];
    await Promise.all([ja?.updateComplete, he?.updateComplete]);
    expect(lang(ja as HarkScaleSurvey)).toBe('ja');
    expect(question(ja as HarkScaleSurvey)).toBe(
      '友人や同僚に当社をおすすめする可能性はどのくらいありますか？',
    );
    expect(lang(he as HarkScaleSurvey)).toBe('he');
    expect(question(he as HarkScaleSurvey)).toBe('מה הסבירות שתמליצו עלינו לחבר או לעמית?');
    // And each sends its own.
    expect((await answer(ja as HarkScaleSurvey)).locale).toBe('ja');
    expect((await answer(he as HarkScaleSurvey)).locale).toBe('he');
  });

  it('leaves @lit/localize unconfigured, free for the page’s own app', async () => {
    await nps('locale="fr"');
    const { configureLocalization } = await import('@lit/localize');
    expect(() =>
      configureLocalization({
        sourceLocale: 'en',
        targetLocales: ['fr'],
        loadLocale: async () => ({ templates: {} }),
      }),
    ).not.toThrow();
  });
});
