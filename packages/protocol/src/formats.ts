/**
 * String formats of wire protocol v1. Each is a plain predicate so the compiled validator,
 * the error reporter and tests share one definition.
 *
 * The patterns are published in the JSON Schema, where they must mean the same to every JSON
 * Schema validator, with or without format checks: ECMAScript with and without the `u` flag
 * (Ajv, TypeBox) and Python's `re` (jsonschema). So they use no `\d`, `\s` or `\w` (Unicode in
 * Python) and end with END: Python's `$` also matches before a final line feed.
 */

/** The end of the string, in ECMAScript and in Python alike. */
const END = '$(?!\\n)';

/** A lowercase RFC 9562 UUID of any version (Hark's widget sends v7). Lowercase only, so one
 * answer cannot be stored twice under two spellings of its id. */
export const UUID_PATTERN = `^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}${END}`;

/** The shape of a BCP 47 language tag: language, extlangs, script, region, variants, extensions, private use. */
const LOCALE_SHAPE =
  '[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?' +
  '(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*' +
  '(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?';
const VARIANT = '[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}';
/** Before the first singleton, every subtag of 5 to 8 characters, or of 4 starting with a digit, is a variant. */
const NO_REPEATED_VARIANT = `(?!(?:[A-Za-z0-9]{2,8}-)*(${VARIANT})-(?:[A-Za-z0-9]{2,8}-)*\\1(?:-|$))`;
/** Singletons (one character) before the private-use `x`; private-use subtags may repeat. */
const NO_REPEATED_SINGLETON =
  '(?!(?:(?![Xx]-)[A-Za-z0-9]+-)*([0-9A-WY-Za-wy-z])-(?:(?![Xx]-)[A-Za-z0-9]+-)*\\2-)';

/**
 * A well-formed BCP 47 language tag (RFC 5646 §2.2.9): the shape, and no variant or extension
 * singleton twice (`de-DE-1901-1901`, `en-a-aaa-a-bbb`, which `Intl` refuses too). Repeats in
 * another letter case (`sl-rozaj-ROZAJ`) need a case-insensitive comparison no regular
 * expression shared by ECMAScript and Python can make: `localeRepeat` finds those.
 */
export const LOCALE_PATTERN = `^${NO_REPEATED_VARIANT}${NO_REPEATED_SINGLETON}${LOCALE_SHAPE}${END}`;
const LOCALE_SHAPE_REGEX = new RegExp(`^${LOCALE_SHAPE}$`);

/**
 * Why a tag of the right shape is still not well-formed: the variant or extension singleton it
 * repeats, compared without regard to letter case. Undefined when it repeats none, or when it
 * is not of the right shape at all (the pattern's own message says that).
 */
export function localeRepeat(tag: string): string | undefined {
  // "de-1901-1901" and "en-a-aa-a-bb" are the shortest tags with a repeat.
  if (tag.length < 12 || !LOCALE_SHAPE_REGEX.test(tag)) return undefined;
  const variants = new Map<string, string>();
  const singletons = new Map<string, string>();
  let inExtensions = false;
  for (const subtag of tag.split('-').slice(1)) {
    const singleton = subtag.length === 1;
    if (singleton && (subtag === 'x' || subtag === 'X')) break; // private use may repeat
    // Variants come before the first singleton; the subtags of an extension may repeat.
    if (!singleton && (inExtensions || !isVariant(subtag))) continue;
    inExtensions ||= singleton;
    const seen = singleton ? singletons : variants;
    const first = seen.get(subtag.toLowerCase());
    if (first !== undefined) {
      const what = singleton ? 'extension singleton' : 'variant';
      const again = first === subtag ? '' : ` (again as ${JSON.stringify(subtag)})`;
      return `must not repeat the ${what} ${JSON.stringify(first)}${again}`;
    }
    seen.set(subtag.toLowerCase(), subtag);
  }
  return undefined;
}

function isVariant(subtag: string): boolean {
  return subtag.length >= 5 || (subtag.length === 4 && isDigit(subtag.charCodeAt(0)));
}

/** Survey ids, variants and metadata keys: letters, digits and a few separators. */
export const IDENTIFIER_PATTERN = `^[A-Za-z0-9][A-Za-z0-9_.:-]*${END}`;

/**
 * Metadata keys: 1 to 64 letters, digits and separators, and none of the keys that reach an
 * object's prototype. The length is in the pattern because JSON Schema has no other way to bound
 * the keys of a record that every JSON Schema validator honours.
 */
export const METADATA_KEY_PATTERN = `^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}${END}`;

/** Keys that, copied naively into an object, change its prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Free text (comments, metadata values): any Unicode except control characters (Unicode's Cc:
 * C0, DEL and C1, so U+0085 too) other than tab, line feed and carriage return, and except lone
 * surrogates. NUL and lone surrogates are refused by PostgreSQL or silently replaced by it, and
 * escape codes have no business in an answer; the widget strips the same set from what visitors
 * paste. Written to mean the same with or without the regular expression `u` flag, and in Python.
 */
export const TEXT_PATTERN = `^(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*${END}`;
const TEXT = new RegExp(TEXT_PATTERN);

/**
 * The length of `value` in Unicode code points, as JSON Schema's `maxLength` counts (a surrogate
 * pair is one; a lone surrogate is one too).
 */
export function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/** `codePointLength(value) <= max`, without counting in the common case. */
export function isWithinLength(value: string, max: number): boolean {
  return value.length <= max || (value.length <= 2 * max && codePointLength(value) <= max);
}

/** Free text of at most `maxLength` code points (see TEXT_PATTERN). */
export function isText(value: string, maxLength: number): boolean {
  return isWithinLength(value, maxLength) && TEXT.test(value);
}

/** An SDK version: semantic versioning 2.0. */
export const SEMVER_PATTERN = `^(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?${END}`;

/** An anonymous visitor id: opaque, URL-safe. */
export const VISITOR_ID_PATTERN = `^[A-Za-z0-9_-]{8,64}${END}`;

/** An SDK's package name. */
export const SDK_NAME_PATTERN = `^[a-z0-9@/._-]+${END}`;

const YEAR_DAY =
  '(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31';
const LEAP_YEAR = '[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00';

/**
 * RFC 3339 date-time with an explicit offset and a real calendar date (29 February in leap years
 * only), no leap second, at most nine fraction digits: exactly what `isDateTime` accepts, so a
 * JSON Schema validator without format checks agrees with it.
 */
export const DATE_TIME_PATTERN =
  `^(?:[0-9]{4}-(?:${YEAR_DAY})|(?:${LEAP_YEAR})-02-29)[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]` +
  `(?:\\.[0-9]{1,9})?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])${END}`;

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

const USERINFO_CHAR = "[A-Za-z0-9!$%&'()*+,._~-]";
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const H16 = '[0-9A-Fa-f]{1,4}';
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:`,
  `(?:${H16}:){1,6}:${H16}`,
  `(?:${H16}:){1,5}(?::${H16}){1,2}`,
  `(?:${H16}:){1,4}(?::${H16}){1,3}`,
  `(?:${H16}:){1,3}(?::${H16}){1,4}`,
  `(?:${H16}:){1,2}(?::${H16}){1,5}`,
  `${H16}:(?::${H16}){1,6}`,
  `:(?:(?::${H16}){1,7}|:)`,
].join('|');
const LABEL = '[A-Za-z0-9_-]+';
/** A host whose last label is a number is an IPv4 address to the URL parser, or an error. */
const NUMERIC_LAST_LABEL = '(?:[0-9]+|0[Xx][0-9A-Fa-f]*)\\.?(?:[:/?#]|$)';
const HOST =
  `(?:${OCTET}\\.){3}${OCTET}\\.?` +
  `|(?:${LABEL}\\.)*(?!${NUMERIC_LAST_LABEL})${LABEL}\\.?` +
  `|\\[(?:${IPV6})\\]`;
const PORT = '[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]';

/**
 * An absolute http(s) URL in printable ASCII, as `location.href` gives it: the URL parser would
 * percent-encode spaces, controls and non-ASCII, but the raw string is what gets stored. The
 * authority is checked as the WHATWG URL parser would (a port up to 65535; a dotted IPv4, an
 * IPv6 in brackets, or a name of letters, digits, `_` and `-` not ending in a number), so a JSON
 * Schema validator without format checks refuses what the parser refuses. Path, query and
 * fragment may hold any printable ASCII: `location.href` leaves `{`, `|` or a stray `%` as typed.
 * Only punycode labels (`xn--…`) are beyond a pattern: `isHttpUrl` also asks the URL parser.
 */
export const HTTP_URL_PATTERN =
  // The lookahead spares a host name being scanned as user info first.
  `^[Hh][Tt][Tt][Pp][Ss]?://(?:(?=[^@/?#]*@)${USERINFO_CHAR}*(?::${USERINFO_CHAR}*)?@)?(?:${HOST})` +
  `(?::(?:${PORT})?)?(?:[/?#][\\u0021-\\u007E]*)?${END}`;
const HTTP_URL = new RegExp(HTTP_URL_PATTERN);

/**
 * The WHATWG URL parser, global in every runtime Hark runs in (browsers, Node, workers); declared
 * here so the package compiles against ECMAScript alone, with no DOM or Node types.
 */
declare const URL: { canParse(url: string): boolean };

/** An absolute http(s) URL, in printable ASCII, that the WHATWG URL parser accepts. */
export function isHttpUrl(value: string): boolean {
  // The answers of one batch mostly come from one page: remember the last URL that passed.
  if (value === lastValidUrl) return true;
  if (!HTTP_URL.test(value)) return false;
  // What the pattern accepts the URL parser accepts too (formats.test.ts sweeps hosts and ports),
  // except a punycode label it cannot decode: only a URL with "--" needs the parser's word.
  if (value.includes('--') && !URL.canParse(value)) return false;
  lastValidUrl = value;
  return true;
}

let lastValidUrl = '';
