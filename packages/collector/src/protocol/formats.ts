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

/**
 * Milliseconds since the epoch of an RFC 3339 date-time with an explicit offset
 * (`2026-11-25T14:05:00.123+01:00`), or undefined when the string is not one or names no real
 * calendar instant (30 February, hour 24, offset beyond ±23:59). Hand-written: every answer goes
 * through it twice, and it is several times faster than a regular expression plus `Date.parse`.
 */
export function parseDateTime(value: string): number | undefined {
  return scanDateTime(value, true);
}

/** RFC 3339 date-time with an explicit offset, and a real calendar date (no 30 February). */
export function isDateTime(value: string): boolean {
  return scanDateTime(value, false) !== undefined;
}

/** Checks `value`; when `wantTime`, also computes its instant (the check alone skips that). */
function scanDateTime(value: string, wantTime: boolean): number | undefined {
  const length = value.length;
  if (length < 20 || length > 40) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    (value.charCodeAt(10) | 32) !== 116 || // T or t
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58 ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return undefined;
  }
  let i = 19;
  let millis = 0;
  if (value.charCodeAt(i) === 46) {
    // Fraction: 1 to 9 digits, of which milliseconds are kept.
    const start = ++i;
    while (i < length && i - start < 9 && isDigit(value.charCodeAt(i))) {
      if (i - start < 3) millis += (value.charCodeAt(i) - 48) * 10 ** (2 - (i - start));
      i++;
    }
    if (i === start) return undefined;
  }
  let offset = 0;
  const sign = value.charCodeAt(i);
  if ((sign | 32) === 122) {
    if (i + 1 !== length) return undefined; // Z or z ends the string
  } else if (sign === 43 || sign === 45) {
    const offsetHour = digits(value, i + 1, 2);
    const offsetMinute = digits(value, i + 4, 2);
    if (i + 6 !== length || value.charCodeAt(i + 3) !== 58) return undefined;
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59)
      return undefined;
    offset = (sign === 43 ? 1 : -1) * (offsetHour * 60 + offsetMinute) * 60_000;
  } else {
    return undefined;
  }
  if (!wantTime) return 0;
  const utc =
    year >= 100
      ? Date.UTC(year, month - 1, day, hour, minute, second, millis)
      : smallYearUtc(year, month, day, hour, minute, second, millis);
  return utc - offset;
}

/** `Date.UTC` reads years 0 to 99 as 1900 to 1999; `setUTCFullYear` does not. */
function smallYearUtc(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  ms: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(h, m, s, ms);
  return date.getTime();
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The decimal number in `value[start, start + count)`, or -1 if any of it is not a digit. */
function digits(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const code = value.charCodeAt(i);
    if (!(code >= 48 && code <= 57)) return -1;
    n = n * 10 + (code - 48);
  }
  return n;
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
  // The answers of one batch mostly come from one page: remember the last URL that passed.
  if (value === lastValidUrl) return true;
  if (!HTTP_URL.test(value) || !URL.canParse(value)) return false;
  lastValidUrl = value;
  return true;
}

let lastValidUrl = '';
