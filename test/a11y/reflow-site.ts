// A shop page that installs Hark with the script tag, in a left-to-right and a right-to-left
// language, with surveys whose owner wrote long unbroken words (a pasted product code, a word of
// a language that runs words together): every kind in every presentation.
import { type Site, STRICT_CSP } from '../support/script-tag-site.js';

export const KINDS = ['nps', 'csat', 'ces'] as const;
export type Kind = (typeof KINDS)[number];

export const LOCALES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const;
export type Locale = (typeof LOCALES)[number];

export const FLOATING = ['corner', 'modal', 'tab'] as const;
export type Floating = (typeof FLOATING)[number];

/** 100 characters without a break opportunity, in each script. */
const LONG_WORD = { en: 'SKU-HX9000'.repeat(10), ar: 'والمستشفيات'.repeat(9) } as const;

function ownerText(lang: Locale['lang']) {
  const word = LONG_WORD[lang];
  const sentence =
    lang === 'en'
      ? (s: string) => `How was ${s} for you today, all things considered?`
      : (s: string) => `كيف كان ${s} بالنسبة لك اليوم؟`;
  return {
    question: sentence(word),
    lowLabel: word,
    highLabel: word,
    followUp: { detractor: sentence(word), passive: sentence(word), promoter: sentence(word) },
  };
}

export function surveyId(kind: Kind, presentation: 'inline' | Floating): string {
  return `reflow-${kind}-${presentation}`;
}

/** The surveys of one kind: inline in the page's slot, and each floating one shown by script. */
function surveys(kind: Kind): unknown[] {
  const text = { ...ownerText('en'), translations: { ar: ownerText('ar') } };
  const look = kind === 'csat' ? { look: 'emoji' } : {};
  return [
    {
      id: surveyId(kind, 'inline'),
      kind,
      ...look,
      ...text,
      presentation: 'inline',
      target: '#feedback',
    },
    ...FLOATING.map((presentation) => ({
      id: surveyId(kind, presentation),
      kind,
      ...look,
      ...text,
      presentation,
      trigger: { on: 'manual' },
    })),
  ];
}

// The shop's own layout reflows to 320 px: it is Hark that is under test, not the page.
const STYLE = `
  body { margin: 0; font: 1rem/1.4 system-ui, sans-serif; }
  header, main, footer { padding: 0.75rem 1rem; }
  nav ul, footer ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0; padding: 0; list-style: none; }
  footer ul { justify-content: flex-end; }
  form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  input { max-width: 100%; }
`;

const WORDS = {
  en: {
    shop: 'Shop',
    nav: ['Home', 'Products', 'Support', 'Account'],
    intro: 'Free delivery on orders over 50 €.',
    offers: 'See this week’s offers',
    email: 'Your e-mail address',
    subscribe: 'Subscribe',
    footer: ['Contact', 'Terms', 'Privacy'],
  },
  ar: {
    shop: 'المتجر',
    nav: ['الرئيسية', 'المنتجات', 'الدعم', 'الحساب'],
    intro: 'توصيل مجاني للطلبات التي تزيد عن 50 يورو.',
    offers: 'عروض هذا الأسبوع',
    email: 'بريدك الإلكتروني',
    subscribe: 'اشترك',
    footer: ['اتصل بنا', 'الشروط', 'الخصوصية'],
  },
} as const;

/** The shop page in `locale`, with the survey slot; without `kind`, the page without Hark. */
function shopPage({ lang, dir }: Locale, kind?: Kind): string {
  const w = WORDS[lang];
  const links = (names: readonly string[]) =>
    names.map((name) => `<li><a href="#${encodeURIComponent(name)}">${name}</a></li>`).join('');
  const body = `
    <header><nav aria-label="${w.shop}"><ul>${links(w.nav)}</ul></nav></header>
    <main>
      <p>${w.intro} <a href="#offers">${w.offers}</a></p>
      <form action="#"><label>${w.email}<br><input type="email" name="email"></label><button type="button">${w.subscribe}</button></form>
      <div id="feedback"></div>
    </main>
    <footer><ul>${links(w.footer)}</ul></footer>`;
  // The whole install: one tag, as the README gives it.
  const hark =
    kind === undefined
      ? ''
      : `<script src="/hark.js" data-collector="/v1/responses" data-recontact-days="0" data-survey-url="/reflow-${kind}.json" async></script>`;
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${w.shop}</title><style>${STYLE}</style>${hark}</head><body>${body}</body></html>`;
}

/** The strict policy of the other script-tag tests, but for the shop's own inline styles. */
const PAGE_CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** Serves the shop pages and surveys on `site`; returns the path of each page. */
export function serveShop(site: Site): {
  bare(locale: Locale): string;
  withHark(locale: Locale, kind: Kind): string;
} {
  for (const kind of KINDS) {
    site.page(`/reflow-${kind}.json`, JSON.stringify({ surveys: surveys(kind) }));
    for (const locale of LOCALES) {
      site.page(`/shop-${locale.lang}-${kind}`, shopPage(locale, kind), PAGE_CSP);
    }
  }
  for (const locale of LOCALES) site.page(`/shop-${locale.lang}`, shopPage(locale), PAGE_CSP);
  return {
    bare: (locale) => `${site.url}/shop-${locale.lang}`,
    withHark: (locale, kind) => `${site.url}/shop-${locale.lang}-${kind}`,
  };
}
