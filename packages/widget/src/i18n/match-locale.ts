/** A visitor's language preference matched to a locale the survey has. */
export interface LocaleMatch {
  /** The available locale, spelled as given in `available`. */
  readonly locale: string;
  /** The visitor's tag that matched it (canonical), e.g. `ar-EG` for `ar`: it picks the digits. */
  readonly requested: string;
}

interface Parsed {
  readonly tag: string;
  readonly language: string;
  readonly script: string | undefined;
}

// Parsed once per tag: a page asks the same few tags again on every render.
const parsed = new Map<string, Parsed | undefined>();

function parse(tag: string): Parsed | undefined {
  if (!parsed.has(tag)) parsed.set(tag, parseUncached(tag));
  return parsed.get(tag);
}

function parseUncached(tag: string): Parsed | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical === undefined) return undefined;
    const locale = new Intl.Locale(canonical);
    return { tag: canonical, language: locale.language, script: locale.maximize().script };
  } catch {
    return undefined; // not BCP 47 ("*", "", "en_US"): no preference
  }
}

/**
 * BCP 47 lookup with the fallbacks a visitor would expect: for each requested tag in order of
 * preference, the exact locale, else one of the same language and script (`pt-PT` → `pt-BR`,
 * `zh-TW` → `zh-Hant` but never `zh-Hans`, `iw` → `he`); only then the next requested tag.
 * Returns `undefined` when nothing matches (the caller falls back to English).
 */
export function matchLocale(
  requested: readonly string[],
  available: readonly string[],
): LocaleMatch | undefined {
  const candidates = available.flatMap((locale) => {
    const known = parse(locale);
    return known === undefined ? [] : [{ locale, ...known }];
  });
  for (const tag of requested) {
    const want = parse(tag);
    if (want === undefined) continue;
    const exact = candidates.find((c) => c.tag === want.tag);
    const near = candidates.find((c) => c.language === want.language && c.script === want.script);
    const found = exact ?? near;
    if (found !== undefined) return { locale: found.locale, requested: want.tag };
  }
  return undefined;
}

/** Scripts written right to left (Unicode's, for the languages a survey may be written in). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand']);

/** `rtl` for a locale written right to left (`ar`, `he`, `fa`, `ur`…), else `ltr`. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  const script = parse(locale)?.script;
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
