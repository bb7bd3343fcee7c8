import type { SchemaNode } from '@hark/protocol';
import { MAX_RESPONSES_PER_SUBMISSION } from '@hark/protocol';
import { describe, expect, it } from 'vitest';
import { SubmissionSchema } from '../protocol/schema.js';
import { npsResponse, submission } from '../testing/fixtures.js';
import { explain } from './explain.js';
import type { ValidationIssue } from './issue.js';
import { parseSubmission } from './parse-submission.js';
import { MAX_ISSUES, validateSubmission } from './validate-submission.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function issuesOf(input: unknown): readonly ValidationIssue[] {
  const result = validateSubmission(input, { now: NOW });
  return result.ok ? [] : result.issues;
}

/** The issues of a one-response submission whose response has `overrides` applied. */
function issuesOfResponse(overrides: Record<string, unknown>): readonly ValidationIssue[] {
  return issuesOf(submission([npsResponse(overrides)]));
}

function without(key: string): Record<string, unknown> {
  const response: Record<string, unknown> = { ...npsResponse() };
  delete response[key];
  return response;
}

describe('validateSubmission: valid input', () => {
  it('accepts a complete answer of each kind and returns it typed', () => {
    const input = submission([
      npsResponse({ kind: 'nps', score: 0 }),
      npsResponse({ kind: 'csat', score: 5 }),
      npsResponse({ kind: 'ces', score: 7 }),
    ]);
    const result = validateSubmission(input, { now: NOW });
    expect(result).toEqual({ ok: true, value: input });
  });

  it('accepts an answer with only the required fields', () => {
    const minimal = {
      id: '0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091',
      surveyId: 's1',
      kind: 'csat',
      score: 1,
      locale: 'zh-Hant-TW',
      pageUrl: 'http://localhost:8080/',
      answeredAt: '2026-11-25T13:00:00+01:00',
      sdk: { name: 'hark', version: '1.0.0-beta.2' },
    };
    expect(issuesOf(submission([minimal]))).toEqual([]);
  });

  it('accepts the edges of every bound', () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'.repeat(500)]),
    );
    const response = npsResponse({
      comment: 'x'.repeat(2000),
      surveyId: 's'.repeat(64),
      metadata,
      answeredAt: '2026-11-26T11:59:59Z', // 23:59:59 ahead: within the 24 h of clock skew
      pageUrl: `https://a.example/${'p'.repeat(2048 - 'https://a.example/'.length)}`,
    });
    const batch = Array.from({ length: MAX_RESPONSES_PER_SUBMISSION }, () => npsResponse());
    expect(issuesOf(submission([response]))).toEqual([]);
    expect(issuesOf(submission(batch))).toEqual([]);
  });
});

describe('validateSubmission: the submission', () => {
  it.each([
    [null, 'must be an object, not null'],
    [[], 'must be an object, not an array'],
    ['{}', 'must be an object, not string'],
    [42, 'must be an object, not number'],
  ])('rejects %j as a whole', (input, message) => {
    expect(issuesOf(input)).toEqual([{ path: '', code: 'invalid_type', message }]);
  });

  it('requires the protocol version and the responses', () => {
    expect(issuesOf({})).toEqual([
      { path: '/protocol', code: 'required', message: 'is required' },
      { path: '/responses', code: 'required', message: 'is required' },
    ]);
  });

  it('rejects another protocol version', () => {
    expect(issuesOf({ ...submission(), protocol: 2 })).toEqual([
      { path: '/protocol', code: 'invalid_value', message: 'must be 1' },
    ]);
  });

  it('rejects unknown top-level fields', () => {
    expect(issuesOf({ ...submission(), extra: true })).toEqual([
      { path: '/extra', code: 'unknown_field', message: 'is not a known field' },
    ]);
  });

  it('rejects an empty batch and an oversized one', () => {
    expect(issuesOf(submission([]))).toEqual([
      { path: '/responses', code: 'too_few', message: 'must contain at least 1 item' },
    ]);
    const batch = Array.from({ length: MAX_RESPONSES_PER_SUBMISSION + 1 }, () => npsResponse());
    expect(issuesOf(submission(batch))).toEqual([
      { path: '/responses', code: 'too_many', message: 'must contain at most 100 items, not 101' },
    ]);
  });

  it('rejects responses that are not an array', () => {
    expect(issuesOf({ protocol: 1, responses: {} })).toEqual([
      { path: '/responses', code: 'invalid_type', message: 'must be an array, not object' },
    ]);
  });

  it('rejects two responses with one id, naming the first', () => {
    const first = npsResponse();
    const again = npsResponse({ id: first.id, score: 3 });
    expect(issuesOf(submission([first, npsResponse(), again]))).toEqual([
      {
        path: '/responses/2/id',
        code: 'duplicate_id',
        message: 'duplicates the id of /responses/0',
      },
    ]);
  });

  it('lists at most MAX_ISSUES issues, the last saying how many were left out', () => {
    // Each of these responses has 9 issues: kind, id, surveyId, locale, pageUrl, answeredAt and
    // sdk missing, score not an integer, and one unknown field.
    const bad = Array.from({ length: 100 }, () => ({ score: 'x', extra: 1 }));
    const issues = issuesOf(submission(bad));
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(issues.at(-1)).toEqual({
      path: '',
      code: 'too_many_issues',
      message: `and ${100 * 9 - (MAX_ISSUES - 1)} more issues, not listed`,
    });
  });
});

describe('validateSubmission: required fields', () => {
  it.each(['id', 'surveyId', 'score', 'locale', 'pageUrl', 'answeredAt', 'sdk'])(
    'requires %s',
    (key) => {
      expect(issuesOf(submission([without(key)]))).toEqual([
        { path: `/responses/0/${key}`, code: 'required', message: 'is required' },
      ]);
    },
  );

  it('requires kind, and still checks the fields every kind shares', () => {
    const response = { ...without('kind'), locale: 'English' };
    expect(issuesOf(submission([response]))).toEqual([
      { path: '/responses/0/kind', code: 'required', message: 'is required' },
      {
        path: '/responses/0/locale',
        code: 'invalid_format',
        message: 'must be a BCP 47 language tag, like "en" or "pt-BR"',
      },
    ]);
  });

  it('requires the SDK name and version', () => {
    expect(issuesOfResponse({ sdk: {} })).toEqual([
      { path: '/responses/0/sdk/name', code: 'required', message: 'is required' },
      { path: '/responses/0/sdk/version', code: 'required', message: 'is required' },
    ]);
  });
});

describe('validateSubmission: kinds and scores', () => {
  it.each([
    ['nps', -1, 'must be from 0 to 10 for kind "nps"'],
    ['nps', 11, 'must be from 0 to 10 for kind "nps"'],
    ['csat', 0, 'must be from 1 to 5 for kind "csat"'],
    ['csat', 6, 'must be from 1 to 5 for kind "csat"'],
    ['ces', 0, 'must be from 1 to 7 for kind "ces"'],
    ['ces', 8, 'must be from 1 to 7 for kind "ces"'],
  ])('rejects a %s score of %i', (kind, score, message) => {
    expect(issuesOfResponse({ kind, score })).toEqual([
      { path: '/responses/0/score', code: 'out_of_range', message },
    ]);
  });

  it.each([
    ['9', 'must be an integer, not string'],
    [9.5, 'must be an integer'],
    [null, 'must be an integer, not null'],
    [true, 'must be an integer, not boolean'],
  ])('rejects a score of %j', (score, message) => {
    expect(issuesOfResponse({ score })).toEqual([
      { path: '/responses/0/score', code: 'invalid_type', message },
    ]);
  });

  it('rejects an unknown kind, naming the known ones', () => {
    expect(issuesOfResponse({ kind: 'star', score: 42 })).toEqual([
      {
        path: '/responses/0/kind',
        code: 'invalid_value',
        message: 'must be one of "nps", "csat", "ces"',
      },
    ]);
  });
});

describe('validateSubmission: strings and formats', () => {
  const format = (path: string, message: string) => [
    { path: `/responses/0/${path}`, code: 'invalid_format', message },
  ];
  const UUID = 'must be a lowercase UUID, like "0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091"';
  const IDENT =
    'must start with a letter or digit and contain only letters, digits, "_", ".", ":" or "-"';
  const URL_MESSAGE =
    'must be an absolute http or https URL in printable ASCII, as location.href gives it';
  const DATE = 'must be an RFC 3339 date-time with an offset, like "2026-11-25T14:05:00Z"';

  it.each([
    '0193A9B4-5C2E-7D1F-8A3B-4C5D6E7F8091',
    '0193a9b45c2e7d1f8a3b4c5d6e7f8091',
    '0193a9b4-5c2e-0d1f-8a3b-4c5d6e7f8091',
    '0193a9b4-5c2e-7d1f-ca3b-4c5d6e7f8091',
    'not-a-uuid',
  ])('rejects the id %s', (id) => {
    expect(issuesOfResponse({ id })).toEqual(format('id', UUID));
  });

  it.each(['en_US', 'english', 'e', '123', 'en-', 'en--US'])('rejects the locale %s', (locale) => {
    const message = locale.length < 2 ? 'must be at least 2 characters long' : undefined;
    const expected = message
      ? [{ path: '/responses/0/locale', code: 'too_short', message }]
      : format('locale', 'must be a BCP 47 language tag, like "en" or "pt-BR"');
    expect(issuesOfResponse({ locale })).toEqual(expected);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.com/',
    '/checkout',
    'https://',
    'https://exa mple.com/',
    'example.com',
    'https://a.example:99999/',
    'http://[zz]/',
    'https://%%%',
    'http://1.2.3.999/',
    'http://a.1/',
  ])('rejects the page URL %s', (pageUrl) => {
    expect(issuesOfResponse({ pageUrl })).toEqual(format('pageUrl', URL_MESSAGE));
  });

  it.each([
    'https://a.example/a\u0000b',
    'https://a.example/caf\u00e9',
    'https://a.example/a b',
    'https://a.example/\u001b',
  ])('rejects the page URL %j with a control, space or non-ASCII character', (pageUrl) => {
    expect(issuesOfResponse({ pageUrl })).toEqual(format('pageUrl', URL_MESSAGE));
  });

  // The URL parser takes these (and normalises them); location.href never gives them, and the
  // JSON Schema's pattern, which must stand alone, refuses them.
  it.each([
    'http://\u00e9.example/',
    'https://a*b.example/',
    'http://1.2.3/',
    'http://0x7f.1/',
    'http://a..b/',
    'http://a.example:00080/',
    'http://[::ffff:1.2.3.4]/',
    'http://user@name@a.example/',
    'http://a.example\\path',
  ])('rejects the page URL %s, whose host or port location.href never gives', (pageUrl) => {
    expect(URL.canParse(pageUrl)).toBe(true);
    expect(issuesOfResponse({ pageUrl })).toEqual(format('pageUrl', URL_MESSAGE));
  });

  it('rejects a page URL with a punycode label the URL parser refuses', () => {
    expect(issuesOfResponse({ pageUrl: 'https://xn--zz.example/' })).toEqual(
      format('pageUrl', URL_MESSAGE),
    );
  });

  it.each([
    'https://[::1]:8443/x',
    'http://127.0.0.1:65535/',
    'https://a.example./',
    'https://my_host.example/',
    'https://user:pa$$@a.example/',
    'https://a.example/100%?q={a|b}^',
    'https://a.0x1g/',
  ])('accepts the page URL %s', (pageUrl) => {
    expect(issuesOfResponse({ pageUrl })).toEqual([]);
  });

  it('accepts a percent-encoded page URL with query and fragment', () => {
    expect(
      issuesOfResponse({ pageUrl: 'https://xn--caf-dma.example/caf%C3%A9?q=a%20b#top' }),
    ).toEqual([]);
  });

  it('rejects a page URL over 2048 characters', () => {
    const pageUrl = `https://a.example/${'p'.repeat(2048)}`;
    expect(issuesOfResponse({ pageUrl })).toEqual([
      {
        path: '/responses/0/pageUrl',
        code: 'too_long',
        message: `must be at most 2048 characters long, not ${pageUrl.length}`,
      },
    ]);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-11-25T24:00:00Z',
    '2026-11-25T10:00:00',
    '2026-11-25 10:00:00Z',
    '2026-11-25',
    '2026-12-31T23:59:60Z',
    '2026-11-25T10:00:00Z\n',
    'yesterday',
    '2026-11-25T10:00:00+25:00',
  ])('rejects the date-time %s', (answeredAt) => {
    expect(issuesOfResponse({ answeredAt })).toEqual(format('answeredAt', DATE));
  });

  it('accepts 29 February in a leap year only', () => {
    expect(issuesOfResponse({ answeredAt: '2024-02-29T00:00:00Z' })).toEqual([]);
    expect(issuesOfResponse({ answeredAt: '2025-02-29T00:00:00Z' })).toEqual(
      format('answeredAt', DATE),
    );
  });

  it('rejects an answer dated before 2000', () => {
    for (const answeredAt of ['0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z']) {
      expect(issuesOfResponse({ answeredAt })).toEqual([
        {
          path: '/responses/0/answeredAt',
          code: 'out_of_range',
          message: 'must not be before 2000-01-01T00:00:00Z',
        },
      ]);
    }
  });

  it('rejects an answer dated more than 24 hours ahead of the collector', () => {
    expect(issuesOfResponse({ answeredAt: '2026-11-26T12:00:01Z' })).toEqual([
      {
        path: '/responses/0/answeredAt',
        code: 'in_future',
        message: "must not be more than 24 hours ahead of the collector's clock",
      },
    ]);
  });

  it.each([
    ['surveyId', '', 'too_short', 'must not be empty'],
    ['surveyId', 's'.repeat(65), 'too_long', 'must be at most 64 characters long, not 65'],
    ['variant', '', 'too_short', 'must not be empty'],
    ['comment', 'c'.repeat(2001), 'too_long', 'must be at most 2000 characters long, not 2001'],
  ])('bounds %s', (key, value, code, message) => {
    expect(issuesOfResponse({ [key]: value })).toEqual([
      { path: `/responses/0/${key}`, code, message },
    ]);
  });

  it.each([
    ['surveyId', 'checkout nps'],
    ['surveyId', '-leading'],
    ['variant', 'b/c'],
  ])('rejects the identifier %s = %j', (key, value) => {
    expect(issuesOfResponse({ [key]: value })).toEqual(format(key, IDENT));
  });

  it.each([
    'nul \u0000 byte',
    'escape \u001b[31m red',
    'bell \u0007',
    'delete \u007f',
    'C1 \u0080 first',
    'next line \u0085',
    'C1 \u009f last',
    'lone \ud800 surrogate',
    'lone \udc00 low',
  ])('rejects the comment %j with a control character or lone surrogate', (comment) => {
    const message =
      'must not contain control characters (other than tab, line feed and carriage return) or lone surrogates';
    expect(issuesOfResponse({ comment })).toEqual(format('comment', message));
    expect(issuesOfResponse({ metadata: { note: comment } })).toEqual(
      format('metadata/note', message),
    );
  });

  it('accepts comments in any script, with emoji, tabs and line breaks', () => {
    const comment = 'Très bien 👍\r\n\tشكرا — 谢谢 — ขอบคุณ\u00a0\u2028';
    expect(issuesOfResponse({ comment, metadata: { note: comment } })).toEqual([]);
  });

  it('counts comments and metadata values in code points, as JSON Schema does', () => {
    // 2,000 emoji are 4,000 UTF-16 units: what a textarea's maxlength counts, not the protocol.
    const emoji = (n: number) => '😀'.repeat(n);
    expect(issuesOfResponse({ comment: emoji(2000), metadata: { note: emoji(500) } })).toEqual([]);
    expect(issuesOfResponse({ comment: emoji(2001), metadata: { note: emoji(501) } })).toEqual([
      {
        path: '/responses/0/comment',
        code: 'too_long',
        message: 'must be at most 2000 characters long, not 2001',
      },
      {
        path: '/responses/0/metadata/note',
        code: 'too_long',
        message: 'must be at most 500 characters long, not 501',
      },
    ]);
  });

  it.each([
    ['de-DE-1901-1901', 'must not repeat the variant "1901"'],
    ['sl-rozaj-biske-rozaj', 'must not repeat the variant "rozaj"'],
    ['en-a-aaa-a-bbb', 'must not repeat the extension singleton "a"'],
    ['en-a-aaa-b-bbb-a-ccc', 'must not repeat the extension singleton "a"'],
    ['sl-rozaj-ROZAJ', 'must not repeat the variant "rozaj" (again as "ROZAJ")'],
    ['en-a-aaa-A-bbb', 'must not repeat the extension singleton "a" (again as "A")'],
  ])('rejects the locale %s, which repeats a subtag', (locale, message) => {
    expect(issuesOfResponse({ locale })).toEqual(format('locale', message));
  });

  it.each(['de-DE-1901', 'en-x-a-a', 'de-1901-x-1901', 'en-a-abcde-abcde', 'en-a-aaa-b-bbb'])(
    'accepts the locale %s, which repeats no variant or singleton',
    (locale) => {
      expect(issuesOfResponse({ locale })).toEqual([]);
    },
  );

  it('names no repeat in a locale that is malformed anyway', () => {
    expect(issuesOfResponse({ locale: 'en_US-1901-1901' })).toEqual(
      format('locale', 'must be a BCP 47 language tag, like "en" or "pt-BR"'),
    );
  });

  it('rejects a comment that is not a string', () => {
    expect(issuesOfResponse({ comment: ['a'] })).toEqual([
      {
        path: '/responses/0/comment',
        code: 'invalid_type',
        message: 'must be a string, not an array',
      },
    ]);
  });

  it('rejects a malformed SDK name and version', () => {
    expect(issuesOfResponse({ sdk: { name: 'Hark Widget', version: 'v1' } })).toEqual([
      ...format(
        'sdk/name',
        'must contain only lowercase letters, digits, "@", "/", ".", "_" or "-"',
      ),
      ...format('sdk/version', 'must be a semantic version, like "1.4.0"'),
    ]);
  });

  it('rejects a malformed visitor id', () => {
    expect(issuesOfResponse({ visitorId: 'short' })).toEqual(
      format('visitorId', 'must be 8 to 64 letters, digits, "_" or "-"'),
    );
  });
});

describe('validateSubmission: unknown and hostile keys', () => {
  it('rejects unknown fields, escaping their names in the path', () => {
    expect(issuesOfResponse({ 'a/b~c': 1, rating: 5 })).toEqual([
      { path: '/responses/0/a~1b~0c', code: 'unknown_field', message: 'is not a known field' },
      { path: '/responses/0/rating', code: 'unknown_field', message: 'is not a known field' },
    ]);
  });

  it('rejects "__proto__" and "constructor" keys from parsed JSON without touching any prototype', () => {
    const body = JSON.stringify(submission()).replace(
      '"metadata":{',
      '"__proto__":{"polluted":true},"metadata":{"constructor":"x","__proto__":"y",',
    );
    const result = parseSubmission(body, { now: NOW });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: '/responses/0/__proto__', code: 'forbidden_key', message: 'is a forbidden key' },
        {
          path: '/responses/0/metadata/constructor',
          code: 'forbidden_key',
          message: 'is a forbidden key',
        },
        {
          path: '/responses/0/metadata/__proto__',
          code: 'forbidden_key',
          message: 'is a forbidden key',
        },
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['constructor', 'forbidden_key', 'is a forbidden key'],
    ['prototype', 'forbidden_key', 'is a forbidden key'],
    [
      'a b',
      'invalid_format',
      'is not a valid key: it must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter, digit or "_"',
    ],
  ])('rejects the metadata key %j on its own', (key, code, message) => {
    expect(issuesOfResponse({ metadata: { [key]: 'x' } })).toEqual([
      { path: `/responses/0/metadata/${key}`, code, message },
    ]);
  });

  it('bounds metadata: entries, key shape, value type and length', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    expect(issuesOfResponse({ metadata: tooMany })).toEqual([
      {
        path: '/responses/0/metadata',
        code: 'too_many',
        message: 'must have at most 20 entries, not 21',
      },
    ]);
    expect(
      issuesOfResponse({
        metadata: { 'a b': 'x', ['k'.repeat(65)]: 'x', n: 1, long: 'v'.repeat(501) },
      }),
    ).toEqual([
      {
        path: '/responses/0/metadata/a b',
        code: 'invalid_format',
        message:
          'is not a valid key: it must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter, digit or "_"',
      },
      {
        path: `/responses/0/metadata/${'k'.repeat(65)}`,
        code: 'invalid_format',
        message:
          'is not a valid key: it must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter, digit or "_"',
      },
      {
        path: '/responses/0/metadata/n',
        code: 'invalid_type',
        message: 'must be a string, not number',
      },
      {
        path: '/responses/0/metadata/long',
        code: 'too_long',
        message: 'must be at most 500 characters long, not 501',
      },
    ]);
  });
});

describe('parseSubmission', () => {
  it('reports a body that is not JSON', () => {
    const result = parseSubmission('{"protocol":1,', { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '', code: 'invalid_json' },
    ]);
  });
});

describe('validateSubmission never throws and always explains', () => {
  // A cheap deterministic fuzzer: mutate one field of a valid submission to a hostile value and
  // check that every rejection carries issues from the explainer, not the fallback.
  const hostile: unknown[] = [
    null,
    true,
    0,
    -1,
    1e308,
    0.5,
    '',
    ' ',
    'x'.repeat(70_000),
    [],
    {},
    [[]],
    { a: { b: {} } },
    { constructor: 'x' },
    { 'a b': 'x' },
    JSON.parse('{"__proto__": "x"}'),
    { version: '1.0.0', name: 'x', extra: 'y' },
  ];
  const keys = [
    'id',
    'surveyId',
    'kind',
    'score',
    'comment',
    'locale',
    'pageUrl',
    'answeredAt',
    'variant',
    'visitorId',
    'metadata',
    'sdk',
    'protocol',
    'responses',
  ];

  it('explains every mutation', () => {
    for (const key of keys) {
      for (const value of hostile) {
        const input =
          key === 'protocol' || key === 'responses'
            ? { ...submission(), [key]: value }
            : submission([npsResponse({ [key]: value })]);
        const result = validateSubmission(input, { now: NOW });
        // The compiled check and the explainer read one schema: they must reach one verdict.
        const explained: ValidationIssue[] = [];
        explain(SubmissionSchema as unknown as SchemaNode, input, '', { issues: explained });
        expect(result.ok, `${key} = ${JSON.stringify(value)?.slice(0, 40)}`).toBe(
          explained.length === 0,
        );
        if (result.ok) continue;
        for (const issue of result.issues)
          expect(issue.message).not.toMatch(/^failed a schema check/);
      }
    }
  });
});
