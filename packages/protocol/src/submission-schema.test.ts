import { describe, expect, expectTypeOf, it } from 'vitest';
import { SUBMISSION_SCHEMA_ID, submissionJsonSchema } from './json-schema.js';
import { SURVEY_KIND_TABLE, SURVEY_KINDS } from './kinds.js';
import { OPTIONAL, STRING_CHECK } from './schema-node.js';
import {
  type HarkResponse,
  RESPONSE_SCHEMAS,
  responseSchema,
  type Submission,
  submissionSchema,
} from './submission-schema.js';

const answer: HarkResponse = {
  id: '01936b2e-6f3a-7c4d-8e5f-0123456789ab',
  surveyId: 'checkout',
  kind: 'csat',
  score: 4,
  locale: 'en',
  pageUrl: 'https://shop.example/',
  answeredAt: '2026-11-25T12:00:00Z',
  sdk: { name: '@hark/widget', version: '0.1.0' },
};

describe('the wire schema', () => {
  it('has one response variant per kind of the table, in its order, with its score range', () => {
    expect(responseSchema.anyOf).toEqual(SURVEY_KINDS.map((kind) => RESPONSE_SCHEMAS[kind]));
    for (const kind of SURVEY_KINDS) {
      const { kind: literal, score } = RESPONSE_SCHEMAS[kind].properties;
      expect(literal).toEqual({ const: kind, type: 'string' });
      expect([score.minimum, score.maximum]).toEqual([
        SURVEY_KIND_TABLE[kind].score.min,
        SURVEY_KIND_TABLE[kind].score.max,
      ]);
    }
  });

  it('requires what is not optional, and says so in `required`', () => {
    expect(RESPONSE_SCHEMAS.nps.required).toEqual([
      'kind',
      'score',
      'id',
      'surveyId',
      'locale',
      'pageUrl',
      'answeredAt',
      'sdk',
    ]);
    const { properties } = RESPONSE_SCHEMAS.nps;
    expect(properties.comment[OPTIONAL]).toBe(true);
    expect(properties.id[OPTIONAL]).toBeUndefined();
  });

  it('keeps the checks JSON Schema cannot say out of the JSON it serialises to', () => {
    const pageUrl = RESPONSE_SCHEMAS.nps.properties.pageUrl;
    const check = pageUrl[STRING_CHECK];
    expect(check?.('https://shop.example/')).toBe(true);
    expect(check?.('https://xn--a.example/')).toBe(false); // a punycode label the URL parser refuses
    const json = JSON.stringify(submissionJsonSchema());
    expect(json).not.toContain('hark.');
    expect(JSON.parse(json)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: SUBMISSION_SCHEMA_ID,
      type: 'object',
      additionalProperties: false,
      required: ['protocol', 'responses'],
    });
  });

  it('types a response as a union TypeScript narrows by kind', () => {
    expectTypeOf<HarkResponse['kind']>().toEqualTypeOf<'nps' | 'csat' | 'ces'>();
    expectTypeOf<Extract<HarkResponse, { kind: 'ces' }>['comment']>().toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf<Submission['responses']>().toEqualTypeOf<HarkResponse[]>();
    expectTypeOf<Submission['protocol']>().toEqualTypeOf<1>();
    // @ts-expect-error: a kind is one of the table's ids
    const wrong: HarkResponse = { ...answer, kind: 'stars' };
    expect(wrong.kind).toBe('stars');
    expect(submissionSchema.properties.responses.items).toBe(responseSchema);
  });
});
