import type { MsgFn, MsgOptions } from '@lit/localize';
import { allLocales, sourceLocale, type targetLocales } from '../generated/locale-codes.js';
import { directionOf, matchLocale } from './match-locale.js';

/** A built-in locale of the widget (`en`, `fr`, `pt-BR`, `zh-Hant`…). */
export type WidgetLocale = (typeof allLocales)[number];

/** The locales the widget's own strings are translated into. */
export const widgetLocales: readonly string[] = allLocales;

type TargetLocale = (typeof targetLocales)[number];

/** One locale's strings by message id, as `lit-localize build` writes them. */
export type Catalogue = Readonly<Record<string, string>>;

/**
 * One chunk per locale, so a page loads only the strings it shows. Written out, not a template
 * `import()`: every bundler splits these, and the type makes a new target locale fail to compile
 * until it is listed.
 */
const LOADERS: Record<TargetLocale, () => Promise<{ templates: Catalogue }>> = {
  ar: () => import('../generated/locales/ar.js'),
  de: () => import('../generated/locales/de.js'),
  es: () => import('../generated/locales/es.js'),
  fa: () => import('../generated/locales/fa.js'),
  fr: () => import('../generated/locales/fr.js'),
  he: () => import('../generated/locales/he.js'),
  hi: () => import('../generated/locales/hi.js'),
  id: () => import('../generated/locales/id.js'),
  it: () => import('../generated/locales/it.js'),
  ja: () => import('../generated/locales/ja.js'),
  ko: () => import('../generated/locales/ko.js'),
  nl: () => import('../generated/locales/nl.js'),
  pl: () => import('../generated/locales/pl.js'),
  'pt-BR': () => import('../generated/locales/pt-BR.js'),
  ru: () => import('../generated/locales/ru.js'),
  th: () => import('../generated/locales/th.js'),
  tr: () => import('../generated/locales/tr.js'),
  uk: () => import('../generated/locales/uk.js'),
  vi: () => import('../generated/locales/vi.js'),
  'zh-Hans': () => import('../generated/locales/zh-Hans.js'),
  'zh-Hant': () => import('../generated/locales/zh-Hant.js'),
};

/** The catalogue of the survey rendering (or handling an event) right now. */
let current: Catalogue | undefined;

/**
 * Hark's `msg()`: @lit/localize's message function for plain strings, each with an explicit id.
 * `lit-localize extract` finds the calls by this type (`MsgFn`). It reads the catalogue of the
 * survey at hand, not one global locale, so two surveys on a page may speak two languages, and
 * Hark never configures @lit/localize for the page (whose own app may).
 */
export const msg = ((template: string, options?: MsgOptions): string =>
  (options?.id !== undefined && current?.[options.id]) || template) as MsgFn;

/** Runs `fn` with `catalogue`'s strings (English when undefined): a render, an announcement. */
export function inLanguage<T>(catalogue: Catalogue | undefined, fn: () => T): T {
  const before = current;
  current = catalogue;
  try {
    return fn();
  } finally {
    current = before;
  }
}

const catalogues = new Map<string, Promise<Catalogue | undefined>>();
const unavailable = new Set<string>();

/**
 * Loads a widget locale's strings, once per page. English, or a locale whose chunk cannot be
 * loaded (offline, blocked), resolves `undefined`: the English text.
 */
export function loadCatalogue(locale: string): Promise<Catalogue | undefined> {
  const load = LOADERS[locale as TargetLocale];
  if (load === undefined) return Promise.resolve(undefined);
  let catalogue = catalogues.get(locale);
  if (catalogue === undefined) {
    catalogue = load().then(
      (module) => module.templates,
      (error: unknown) => {
        console.warn(`[hark] the "${locale}" strings could not be loaded; showing English.`, error);
        unavailable.add(locale);
        catalogues.delete(locale); // the next page tries again
        return undefined;
      },
    );
    catalogues.set(locale, catalogue);
  }
  return catalogue;
}

/**
 * Loads the strings of the language `strings()` names, and again while it names another once they
 * are in (a new `locale`, the page's `lang`, or a chunk that failed and so fell back to English
 * meanwhile): what resolves is the catalogue of the language the survey will render in.
 */
export async function loadSettled(strings: () => string): Promise<Catalogue | undefined> {
  for (;;) {
    const wanted = strings();
    const catalogue = await loadCatalogue(wanted);
    if (strings() === wanted) return catalogue;
  }
}

/**
 * What a survey's language depends on, as one string: when it is unchanged, so is the choice
 * (the element's `locale`, the page's `lang`, the browser's languages, the chunks that failed).
 */
export function languageKey(explicit: string | undefined): string {
  return `${explicit}|${document.documentElement.lang}|${navigator.languages}|${unavailable.size}`;
}

/**
 * The visitor's languages, most preferred first: an explicit choice, else the page's
 * `<html lang>`, else the browser's.
 */
export function preferredLocales(explicit: string | undefined): readonly string[] {
  if (explicit) return [explicit];
  const page = document.documentElement.lang;
  return page ? [page] : navigator.languages;
}

/** How a survey speaks: its built-in strings' locale, its own text's `lang`, direction, digits. */
export interface SurveyLanguage {
  /** The widget locale its built-in strings come from (English when nothing matches). */
  readonly strings: string;
  /** The BCP 47 tag of what the visitor reads: sent as the answer's `locale`, set as `lang`. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** Formats a point of the scale with the locale's digits (`fa` → ۷). */
  readonly number: (value: number) => string;
}

/**
 * Chooses the language of a survey. `explicit` is an element's `locale`; a survey definition
 * passes the locale of its own text there, which the widget strings then follow as closely as
 * they can (a text in Swedish keeps English buttons: there is no Swedish catalogue).
 */
export function surveyLanguage(explicit: string | undefined): SurveyLanguage {
  const match = matchLocale(
    preferredLocales(explicit),
    widgetLocales.filter((l) => !unavailable.has(l)),
  );
  const strings = match?.locale ?? sourceLocale;
  // An explicit locale outside the catalogues is still the language of the survey's own text.
  const lang = match?.locale ?? (explicit && isLocale(explicit) ? explicit : sourceLocale);
  // The visitor's own tag picks the digits: `ar-EG` writes ٧ where plain `ar` writes 7.
  const format = new Intl.NumberFormat(match?.requested ?? lang);
  return { strings, lang, dir: directionOf(lang), number: (value) => format.format(value) };
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
