import {
  DATE_TIME_PATTERN,
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  isDateTime,
  isHttpUrl,
  isText,
  LOCALE_PATTERN,
  METADATA_KEY_PATTERN,
  SDK_NAME_PATTERN,
  SEMVER_PATTERN,
  TEXT_PATTERN,
  UUID_PATTERN,
  VISITOR_ID_PATTERN,
} from './formats.js';
import { SURVEY_KIND_TABLE, SURVEY_KINDS, type SurveyKind } from './kinds.js';
import {
  MAX_COMMENT_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_METADATA_ENTRIES,
  MAX_METADATA_VALUE_LENGTH,
  MAX_RESPONSES_PER_SUBMISSION,
  MAX_URL_LENGTH,
  PROTOCOL_VERSION,
} from './limits.js';
import {
  array,
  checkedString,
  type Infer,
  integer,
  literal,
  object,
  optional,
  record,
  string,
  union,
} from './schema-node.js';

/*
 * Wire protocol v1, written once: these schema nodes are at the same time the TypeScript types
 * (`Infer<>`), the JSON Schema published for non-JS collectors, and the input of the collector's
 * compiled validator. See docs/decisions/0001-validator.md and 0006-protocol-package.md.
 */

const identifier = (description: string) =>
  string({
    minLength: 1,
    maxLength: MAX_IDENTIFIER_LENGTH,
    pattern: IDENTIFIER_PATTERN,
    description,
  });

/** Free text: at most `maxLength` code points, no control characters (see TEXT_PATTERN). */
const text = (maxLength: number, description?: string) =>
  checkedString((value) => isText(value, maxLength), {
    maxLength,
    pattern: TEXT_PATTERN,
    ...(description === undefined ? {} : { description }),
  });

/** Fields every response carries, whatever its kind. */
const commonFields = {
  id: string({
    pattern: UUID_PATTERN,
    description: 'Client-generated lowercase UUID (v7 recommended); the idempotency key.',
  }),
  surveyId: identifier('The survey this answer belongs to.'),
  comment: optional(
    text(
      MAX_COMMENT_LENGTH,
      `Free-text follow-up answer: at most ${MAX_COMMENT_LENGTH} Unicode code points (what maxLength counts), no control characters but tab, line feed and carriage return, no lone surrogates.`,
    ),
  ),
  locale: string({
    minLength: 2,
    maxLength: 35,
    pattern: LOCALE_PATTERN,
    description: 'BCP 47 tag of the language the survey was shown in.',
  }),
  pageUrl: checkedString((value) => value.length <= MAX_URL_LENGTH && isHttpUrl(value), {
    // No `format: uri`: RFC 3986 refuses what location.href leaves as typed (`{`, `|`, a stray
    // `%`), so a validator checking formats would refuse real answers.
    maxLength: MAX_URL_LENGTH,
    pattern: HTTP_URL_PATTERN,
    description:
      'Absolute http(s) URL, in printable ASCII, of the page the answer was given on (as location.href gives it).',
  }),
  answeredAt: checkedString((value) => value.length <= 40 && isDateTime(value), {
    format: 'date-time',
    maxLength: 40,
    pattern: DATE_TIME_PATTERN,
    description:
      'RFC 3339 date-time, with offset, at which the visitor answered; a real calendar date, no leap second.',
  }),
  variant: optional(identifier('A/B variant of the survey wording that was shown.')),
  visitorId: optional(
    string({
      pattern: VISITOR_ID_PATTERN,
      description: 'Anonymous, resettable visitor id (for erasure requests).',
    }),
  ),
  metadata: optional(
    record(METADATA_KEY_PATTERN, text(MAX_METADATA_VALUE_LENGTH), {
      maxProperties: MAX_METADATA_ENTRIES,
      additionalProperties: false,
      description: 'Site-defined string attributes.',
    }),
  ),
  sdk: object(
    {
      name: string({ minLength: 1, maxLength: MAX_IDENTIFIER_LENGTH, pattern: SDK_NAME_PATTERN }),
      version: string({ maxLength: 64, pattern: SEMVER_PATTERN }),
    },
    { description: 'The SDK that sent the answer.' },
  ),
};

function responseOf<K extends SurveyKind>(kind: K) {
  const { min, max } = SURVEY_KIND_TABLE[kind].score;
  return object(
    {
      kind: literal(kind),
      score: integer({
        minimum: min,
        maximum: max,
        description: `${kind} score, ${min} to ${max}.`,
      }),
      ...commonFields,
    },
    { title: `${kind} response` },
  );
}

type ResponseSchemaOf<K extends SurveyKind> = ReturnType<typeof responseOf<K>>;
/** Any kind's response schema, as a union TypeScript can narrow by `kind`. */
type AnyResponseSchema = { [K in SurveyKind]: ResponseSchemaOf<K> }[SurveyKind];

/** Each kind's response schema: the kind literal and its score range, then the common fields. */
export const RESPONSE_SCHEMAS: { readonly [K in SurveyKind]: ResponseSchemaOf<K> } =
  Object.fromEntries(SURVEY_KINDS.map((kind) => [kind, responseOf(kind)])) as never;

/** One answer. `kind` selects the score range. */
export const responseSchema = union(
  SURVEY_KINDS.map((kind) => RESPONSE_SCHEMAS[kind]) as AnyResponseSchema[],
);

/** What the widget POSTs: a batch of answers. */
export const submissionSchema = object({
  protocol: literal(PROTOCOL_VERSION, { description: 'Wire protocol version.' }),
  responses: array(responseSchema, { minItems: 1, maxItems: MAX_RESPONSES_PER_SUBMISSION }),
});

/** One answer of kind `K`, as sent on the wire. */
export type ResponseOf<K extends SurveyKind> = Infer<ResponseSchemaOf<K>>;
export type NpsResponse = ResponseOf<'nps'>;
export type CsatResponse = ResponseOf<'csat'>;
export type CesResponse = ResponseOf<'ces'>;
/** One answer, as sent on the wire. */
export type HarkResponse = { [K in SurveyKind]: ResponseOf<K> }[SurveyKind];
/** A batch of answers, as sent on the wire. */
export type Submission = Infer<typeof submissionSchema>;
