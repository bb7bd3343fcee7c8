/**
 * String formats of wire protocol v1. Each is a plain predicate so the compiled validator,
 * the error reporter and tests share one definition.
 */

/** A lowercase RFC 9562 UUID of any version (Hark's widget sends v7). Lowercase only, so one
 * answer cannot be stored twice under two spellings of its id. */
export const UUID_PATTERN =
  '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

/** A well-formed BCP 47 language tag (language, script, region, variants, extensions, private use). */
export const LOCALE_PATTERN =
  '^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$';

/** Survey ids, variants and metadata keys: letters, digits and a few separators. */
export const IDENTIFIER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]*$';

/**
 * Metadata keys: 1 to 64 letters, digits and separators, and none of the keys that reach an
 * object's prototype. The length is in the pattern because JSON Schema has no other way to bound
 * the keys of a record that every JSON Schema validator honours.
 */
export const METADATA_KEY_PATTERN =
  '^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$';

/** Keys that, copied naively into an object, change its prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Free text (comments, metadata values): any Unicode except C0 control characters other than
 * tab, line feed and carriage return, and except lone surrogates. NUL and lone surrogates are
 * refused by PostgreSQL or silently replaced by it, and escape codes have no business in an
 * answer. Written to mean the same with or without the regular expression `u` flag.
 */
export const TEXT_PATTERN =
  '^(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';

/** An SDK version: semantic versioning 2.0. */
export const SEMVER_PATTERN =
  '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';

/** An anonymous visitor id: opaque, URL-safe. */
export const VISITOR_ID_PATTERN = '^[A-Za-z0-9_-]{8,64}$';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|z|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 date-time with an explicit offset, and a real calendar date (no 30 February). */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * http(s) and printable ASCII only, as `location.href` gives it: the URL parser would
 * percent-encode spaces, controls and non-ASCII, but the raw string is what gets stored.
 * Published in the JSON Schema beside `format: uri`, whose usual checkers accept any scheme.
 */
export const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#][\\u0021-\\u007E]*$';
const HTTP_URL = new RegExp(HTTP_URL_PATTERN);

/** An absolute http(s) URL, in printable ASCII, that the WHATWG URL parser accepts. */
export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value) && URL.canParse(value);
}
