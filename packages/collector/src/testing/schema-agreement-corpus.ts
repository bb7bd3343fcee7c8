import { npsResponse, submission } from './fixtures.js';

/**
 * Rules the published JSON Schema names in its description but cannot express: on these the
 * schema accepts and the collector refuses, by design.
 */
export type BeyondSchema =
  | 'duplicate ids'
  | 'time window'
  | 'locale letter case'
  | 'punycode label';

export interface CorpusBody {
  readonly name: string;
  /** The request body, exactly as every validator receives it. */
  readonly body: string;
  readonly beyondSchema?: BeyondSchema;
}

const body = (input: unknown) => JSON.stringify(input);
const one = (overrides: Record<string, unknown>) => body(submission([npsResponse(overrides)]));

function minimal(): Record<string, unknown> {
  const { comment, variant, visitorId, metadata, ...required } = npsResponse();
  return required;
}

const valid: Array<[string, string]> = [
  ['a complete answer', body(submission())],
  [
    'all three kinds',
    body(
      submission([
        npsResponse({ kind: 'nps', score: 0 }),
        npsResponse({ kind: 'csat', score: 5 }),
        npsResponse({ kind: 'ces', score: 7 }),
      ]),
    ),
  ],
  ['only the required fields', body(submission([minimal()]))],
  ['100 responses', body(submission(Array.from({ length: 100 }, () => npsResponse())))],
  ['a comment of 1,500 emoji', one({ comment: '😀'.repeat(1500) })],
  ['a comment of 2,000 emoji', one({ comment: '😀'.repeat(2000) })],
  ['a comment of 2,000 ASCII letters', one({ comment: 'c'.repeat(2000) })],
  ['a comment with tab, CR, LF and many scripts', one({ comment: 'Très 👍\r\n\tشكرا 谢谢' })],
  ['a comment with U+00A0 and U+2028', one({ comment: 'a\u00a0b\u2028c' })],
  ['a comment ending in a line feed', one({ comment: 'thanks\n' })],
  ['a metadata value of 500 emoji', one({ metadata: { note: '🎉'.repeat(500) } })],
  [
    '20 metadata entries, a 64-character key',
    one({
      metadata: Object.fromEntries([
        ['k'.repeat(64), 'v'],
        ...Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v']),
      ]),
    }),
  ],
  ['the locale de-DE-1901', one({ locale: 'de-DE-1901' })],
  ['the locale sl-rozaj-biske', one({ locale: 'sl-rozaj-biske' })],
  ['the locale zh-Hant-TW', one({ locale: 'zh-Hant-TW' })],
  ['the locale EN-us', one({ locale: 'EN-us' })],
  ['the locale en-a-aaa-b-bbb', one({ locale: 'en-a-aaa-b-bbb' })],
  ['the locale de-u-co-phonebk', one({ locale: 'de-u-co-phonebk' })],
  ['the locale en-US-x-twain', one({ locale: 'en-US-x-twain' })],
  ['the locale en-x-a-a (private use may repeat)', one({ locale: 'en-x-a-a' })],
  ['the locale de-1901-x-1901', one({ locale: 'de-1901-x-1901' })],
  ['the locale es-419', one({ locale: 'es-419' })],
  ['an IPv6 page URL with port', one({ pageUrl: 'https://[::1]:8443/x' })],
  ['a full IPv6 page URL', one({ pageUrl: 'http://[2001:db8:0:0:0:0:2:1]/' })],
  ['port 65535', one({ pageUrl: 'http://127.0.0.1:65535/' })],
  ['an uppercase scheme and host', one({ pageUrl: 'HTTP://A.EXAMPLE:8080/p?q=1#f' })],
  ['a punycode host', one({ pageUrl: 'https://xn--caf-dma.example/caf%C3%A9?q=a%20b#top' })],
  ['a host with a trailing dot', one({ pageUrl: 'https://a.example./' })],
  ['a host with an underscore', one({ pageUrl: 'https://my_host.example/' })],
  ['a URL without a path', one({ pageUrl: 'https://a.example' })],
  ['user and password', one({ pageUrl: 'https://user:pa$$@a.example/' })],
  ['braces, pipe and a stray % in the query', one({ pageUrl: 'https://a.example/100%?q={a|b}^' })],
  ['localhost', one({ pageUrl: 'http://localhost:5173/#/survey' })],
  ['29 February 2024', one({ answeredAt: '2024-02-29T23:59:59+23:59' })],
  ['29 February 2000', one({ answeredAt: '2000-02-29T12:00:00Z' })],
  ['lowercase t and z', one({ answeredAt: '2026-11-25t14:05:00z' })],
  ['nine fraction digits', one({ answeredAt: '2026-11-25T14:05:00.123456789Z' })],
  ['a negative half-hour offset', one({ answeredAt: '2026-11-25T10:05:00.5-09:30' })],
];

const invalid: Array<[string, string]> = [
  // Comments and free text.
  ['a comment of 2,001 ASCII letters', one({ comment: 'c'.repeat(2001) })],
  ['a comment of 2,001 emoji', one({ comment: '😀'.repeat(2001) })],
  ['a metadata value of 501 emoji', one({ metadata: { note: '🎉'.repeat(501) } })],
  ['U+007F in a comment', one({ comment: 'a\u007fb' })],
  ['U+0085 in a comment', one({ comment: 'a\u0085b' })],
  ['U+0080 in a comment', one({ comment: 'a\u0080b' })],
  ['U+009F in a comment', one({ comment: 'a\u009fb' })],
  ['U+0085 in a metadata value', one({ metadata: { note: 'a\u0085b' } })],
  ['a NUL in a comment', one({ comment: 'a\u0000b' })],
  ['an escape sequence in a comment', one({ comment: '\u001b[31m red' })],
  ['a lone high surrogate in a comment', one({ comment: 'a\ud800b' })],
  ['a lone low surrogate in a comment', one({ comment: 'a\udc00' })],
  ['a comment that is not a string', one({ comment: ['a'] })],
  // Dates.
  ['a date-time without offset', one({ answeredAt: '2026-11-25T10:00:00' })],
  ['month 13', one({ answeredAt: '2026-13-01T10:00:00Z' })],
  ['month 00', one({ answeredAt: '2026-00-10T10:00:00Z' })],
  ['a date alone', one({ answeredAt: '2026-11-25' })],
  ['a leap second 23:59:60Z', one({ answeredAt: '2026-12-31T23:59:60Z' })],
  ['hour 24', one({ answeredAt: '2026-11-25T24:00:00Z' })],
  ['minute 60', one({ answeredAt: '2026-11-25T23:60:00Z' })],
  ['30 February', one({ answeredAt: '2026-02-30T10:00:00Z' })],
  ['29 February 2026', one({ answeredAt: '2026-02-29T10:00:00Z' })],
  ['29 February 2100', one({ answeredAt: '2100-02-29T10:00:00Z' })],
  ['31 April', one({ answeredAt: '2026-04-31T10:00:00Z' })],
  ['ten fraction digits', one({ answeredAt: '2026-11-25T14:05:00.1234567890Z' })],
  ['an empty fraction', one({ answeredAt: '2026-11-25T14:05:00.Z' })],
  ['no seconds', one({ answeredAt: '2026-11-25T14:05Z' })],
  ['a space for T', one({ answeredAt: '2026-11-25 10:00:00Z' })],
  ['an offset without colon', one({ answeredAt: '2026-11-25T10:00:00+0100' })],
  ['offset +24:00', one({ answeredAt: '2026-11-25T10:00:00+24:00' })],
  ['a date-time with a trailing line feed', one({ answeredAt: '2026-11-25T10:00:00Z\n' })],
  ['a date-time that is a number', one({ answeredAt: 1764064800000 })],
  // Page URLs.
  ['port 99999', one({ pageUrl: 'https://a.example:99999/' })],
  ['port 65536', one({ pageUrl: 'https://a.example:65536/' })],
  ['the host [zz]', one({ pageUrl: 'http://[zz]/' })],
  ['the host %%%', one({ pageUrl: 'https://%%%' })],
  ['the IPv4 host 1.2.3.999', one({ pageUrl: 'http://1.2.3.999/' })],
  ['a host ending in a number', one({ pageUrl: 'http://a.1/' })],
  ['a non-ASCII host', one({ pageUrl: 'http://\u00e9.example/' })],
  ['a non-ASCII path', one({ pageUrl: 'https://a.example/caf\u00e9' })],
  ['a space in the host', one({ pageUrl: 'https://exa mple.com/' })],
  ['a bad percent-escape in the host', one({ pageUrl: 'https://exa%zzmple.com/' })],
  ['an empty host', one({ pageUrl: 'https:///path' })],
  ['a port without host', one({ pageUrl: 'http://:80/' })],
  ['an ftp URL', one({ pageUrl: 'ftp://a.example/' })],
  ['a relative URL', one({ pageUrl: '/checkout' })],
  ['a javascript: URL', one({ pageUrl: 'javascript:alert(1)' })],
  ['a URL with a trailing line feed', one({ pageUrl: 'https://a.example/\n' })],
  ['a URL over 2,048 characters', one({ pageUrl: `https://a.example/${'p'.repeat(2048)}` })],
  // Locales.
  ['the locale de-DE-1901-1901 (a repeated variant)', one({ locale: 'de-DE-1901-1901' })],
  ['the locale en-a-aaa-a-bbb (a repeated singleton)', one({ locale: 'en-a-aaa-a-bbb' })],
  ['the locale sl-rozaj-biske-rozaj', one({ locale: 'sl-rozaj-biske-rozaj' })],
  ['the locale en-a-aaa-b-bbb-a-ccc', one({ locale: 'en-a-aaa-b-bbb-a-ccc' })],
  ['the locale en_US', one({ locale: 'en_US' })],
  ['the locale en-', one({ locale: 'en-' })],
  ['the locale en--US', one({ locale: 'en--US' })],
  ['the locale e', one({ locale: 'e' })],
  ['a locale with a trailing line feed', one({ locale: 'en\n' })],
  // Identifiers, ids, SDK.
  ['an uppercase id', one({ id: '0193A9B4-5C2E-7D1F-8A3B-4C5D6E7F8091' })],
  ['an id with a trailing line feed', one({ id: '0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091\n' })],
  ['an empty survey id', one({ surveyId: '' })],
  ['a 65-character survey id', one({ surveyId: 's'.repeat(65) })],
  ['a survey id with a space', one({ surveyId: 'checkout nps' })],
  ['a survey id with a trailing line feed', one({ surveyId: 'checkout\n' })],
  ['a variant with a slash', one({ variant: 'b/c' })],
  ['a 7-character visitor id', one({ visitorId: 'v_12345' })],
  ['a visitor id with a trailing line feed', one({ visitorId: 'v_4f9a2c7d1e\n' })],
  ['a bad SDK version', one({ sdk: { name: 'x', version: 'v1' } })],
  ['an SDK version with a trailing line feed', one({ sdk: { name: 'x', version: '1.0.0\n' } })],
  ['an SDK name with a trailing line feed', one({ sdk: { name: 'x\n', version: '1.0.0' } })],
  // Kinds and scores.
  ['an NPS score of 11', one({ score: 11 })],
  ['a CSAT score of 6', one({ kind: 'csat', score: 6 })],
  ['a CES score of 0', one({ kind: 'ces', score: 0 })],
  ['a fractional score', one({ score: 7.5 })],
  ['a score that is a string', one({ score: '9' })],
  ['an unknown kind', one({ kind: 'stars' })],
  // Structure and keys.
  ['an unknown field', body(submission([{ ...npsResponse(), rating: 1 }]))],
  ['a missing pageUrl', body(submission([{ ...npsResponse(), pageUrl: undefined }]))],
  [
    '21 metadata entries',
    one({ metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }),
  ],
  ['a 65-character metadata key', one({ metadata: { ['k'.repeat(65)]: 'v' } })],
  ['a constructor metadata key', one({ metadata: { constructor: 'x' } })],
  ['a metadata key with a trailing line feed', one({ metadata: { 'plan\n': 'x' } })],
  [
    'a __proto__ metadata key',
    one({ metadata: 'PLACEHOLDER' }).replace('"PLACEHOLDER"', '{"__proto__":"x"}'),
  ],
  ['a numeric metadata value', one({ metadata: { n: 1 } })],
  ['no responses', body(submission([]))],
  ['101 responses', body(submission(Array.from({ length: 101 }, () => npsResponse())))],
  ['protocol 2', body({ protocol: 2, responses: [npsResponse()] })],
  ['protocol "1"', body({ protocol: '1', responses: [npsResponse()] })],
  ['an unknown top-level field', body({ ...submission(), extra: true })],
  ['responses that are an object', body({ protocol: 1, responses: {} })],
  ['a body that is an array', body([submission()])],
];

const twice = npsResponse();
const beyond: Array<[string, string, BeyondSchema]> = [
  ['two responses with one id', body(submission([twice, { ...twice }])), 'duplicate ids'],
  ['an answer dated 2099', one({ answeredAt: '2099-01-01T00:00:00Z' }), 'time window'],
  ['an answer dated 1999', one({ answeredAt: '1999-12-31T23:59:59Z' }), 'time window'],
  [
    '2000-01-01 at 00:30 in UTC+01:00, i.e. 1999 in UTC',
    one({ answeredAt: '2000-01-01T00:30:00+01:00' }),
    'time window',
  ],
  ['the locale sl-rozaj-ROZAJ', one({ locale: 'sl-rozaj-ROZAJ' }), 'locale letter case'],
  ['the locale en-a-aaa-A-bbb', one({ locale: 'en-a-aaa-A-bbb' }), 'locale letter case'],
  [
    'the invalid punycode host xn--zz',
    one({ pageUrl: 'https://xn--zz.example/' }),
    'punycode label',
  ],
];

/** Valid bodies first, then invalid ones, then those only the collector refuses. */
export const VALID_BODIES: readonly CorpusBody[] = valid.map(([name, text]) => ({
  name,
  body: text,
}));
export const INVALID_BODIES: readonly CorpusBody[] = invalid.map(([name, text]) => ({
  name,
  body: text,
}));
export const BEYOND_SCHEMA_BODIES: readonly CorpusBody[] = beyond.map(
  ([name, text, beyondSchema]) => ({ name, body: text, beyondSchema }),
);
export const CORPUS: readonly CorpusBody[] = [
  ...VALID_BODIES,
  ...INVALID_BODIES,
  ...BEYOND_SCHEMA_BODIES,
];
