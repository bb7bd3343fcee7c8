/**
 * The canonical spelling of a BCP 47 tag (`EN-us` → `en-US`, `zh-hant-tw` → `zh-Hant-TW`), so
 * results group one language once however a page spelled it. A tag `Intl` cannot canonicalise
 * (well-formed but unknown to it) is kept as sent.
 */
export function canonicalLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}
