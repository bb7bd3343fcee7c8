import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { npsResponse, submission } from '../testing/fixtures.js';
import { validateSubmission } from '../validation/validate-submission.js';
import { submissionJsonSchema } from './json-schema.js';

const published = JSON.parse(
  readFileSync(new URL('../../schema/submission-v1.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('the published JSON Schema', () => {
  it('is the validator’s schema, regenerated (run `pnpm --filter @hark/collector schema` if not)', () => {
    expect(published).toEqual(submissionJsonSchema());
  });

  // A collector in another language uses a standard JSON Schema validator: Ajv (draft 2020-12,
  // strict mode, standard formats) stands in for it here.
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const ajvValidate = ajv.compile(published);
  const NOW = Date.parse('2026-11-25T12:00:00Z');

  // Each input: the same verdict from Hark and from a standard validator of the published schema.
  // Excluded by design (listed in the schema's description): duplicate ids, future and pre-2000 dates.
  const cases: Array<[string, unknown]> = [
    ['a complete answer', submission()],
    [
      'all three kinds',
      submission([npsResponse({ kind: 'csat', score: 5 }), npsResponse({ kind: 'ces', score: 1 })]),
    ],
    ['an NPS score of 11', submission([npsResponse({ score: 11 })])],
    ['a CSAT score of 6', submission([npsResponse({ kind: 'csat', score: 6 })])],
    ['a CES score of 0', submission([npsResponse({ kind: 'ces', score: 0 })])],
    ['a fractional score', submission([npsResponse({ score: 7.5 })])],
    ['an unknown kind', submission([npsResponse({ kind: 'stars' })])],
    ['an unknown field', submission([{ ...npsResponse(), rating: 1 }])],
    ['an uppercase id', submission([npsResponse({ id: '0193A9B4-5C2E-7D1F-8A3B-4C5D6E7F8091' })])],
    ['a bad locale', submission([npsResponse({ locale: 'en_US' })])],
    ['an ftp URL', submission([npsResponse({ pageUrl: 'ftp://a.example/' })])],
    ['a relative URL', submission([npsResponse({ pageUrl: '/checkout' })])],
    ['a date without offset', submission([npsResponse({ answeredAt: '2026-11-25T10:00:00' })])],
    ['30 February', submission([npsResponse({ answeredAt: '2026-02-30T10:00:00Z' })])],
    ['a long comment', submission([npsResponse({ comment: 'x'.repeat(2001) })])],
    ['a NUL in a comment', submission([npsResponse({ comment: 'a\u0000b' })])],
    [
      '21 metadata entries',
      submission([
        npsResponse({
          metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])),
        }),
      ]),
    ],
    ['a constructor metadata key', submission([npsResponse({ metadata: { constructor: 'x' } })])],
    ['a numeric metadata value', submission([npsResponse({ metadata: { n: 1 } })])],
    ['no responses', submission([])],
    ['101 responses', submission(Array.from({ length: 101 }, () => npsResponse()))],
    ['protocol 2', { protocol: 2, responses: [npsResponse()] }],
    ['a bad SDK version', submission([npsResponse({ sdk: { name: 'x', version: 'v1' } })])],
  ];

  it.each(cases)('agrees with a standard validator on %s', (_, input) => {
    const hark = validateSubmission(input, { now: NOW }).ok;
    expect(ajvValidate(input)).toBe(hark);
  });

  it('has both valid and invalid cases, so the agreement means something', () => {
    const verdicts = cases.map(([, input]) => validateSubmission(input, { now: NOW }).ok);
    expect(cases.filter((_, i) => verdicts[i]).map(([name]) => name)).toEqual([
      'a complete answer',
      'all three kinds',
    ]);
  });
});
