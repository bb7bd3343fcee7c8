import {
  Kind,
  type Static,
  type TLiteral,
  type TObject,
  type TUnsafe,
  Type,
  TypeRegistry,
} from '@sinclair/typebox';
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
import {
  MAX_COMMENT_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_METADATA_ENTRIES,
  MAX_METADATA_VALUE_LENGTH,
  MAX_RESPONSES_PER_SUBMISSION,
  MAX_URL_LENGTH,
  PROTOCOL_VERSION,
  SCORE_RANGES,
  type SurveyKind,
} from './limits.js';

/*
 * Wire protocol v1, written once: these TypeBox schemas are at the same time the TypeScript
 * types (`Static<>`), the JSON Schema published for non-JS collectors, and the input of the
 * compiled validator. See docs/decisions/0001-validator.md.
 */

const identifier = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: MAX_IDENTIFIER_LENGTH,
    pattern: IDENTIFIER_PATTERN,
    description,
  });

interface CheckedStringOptions {
  readonly maxLength: number;
  readonly description?: string;
  readonly pattern: string;
  readonly format?: 'date-time';
}

/**
 * Where a checked string keeps its predicate, for the error reporter. A symbol, so the published
 * JSON Schema (the same objects, serialised) does not show it.
 */
export const STRING_CHECK: unique symbol = Symbol('hark.stringCheck');

/**
 * A string whose compiled check is a hand-written predicate that means the same as its JSON
 * Schema keywords (`maxLength` in code points, `pattern`, `format`), where TypeBox's own would
 * differ (it counts UTF-16 units) or be slower. The check is registered under a Hark-only TypeBox
 * kind rather than in TypeBox's global FormatRegistry, so Hark neither overrides nor depends on
 * formats that the host application registers.
 */
function checkedString(
  name: string,
  isValid: (value: string) => boolean,
  options: CheckedStringOptions,
): TUnsafe<string> {
  const kind = `Hark:${name}`;
  if (!TypeRegistry.Has(kind)) {
    TypeRegistry.Set(kind, (_, value) => typeof value === 'string' && isValid(value));
  }
  return Type.Unsafe<string>({ [Kind]: kind, [STRING_CHECK]: isValid, type: 'string', ...options });
}

/** Free text: at most `maxLength` code points, no control characters (see TEXT_PATTERN). */
const text = (maxLength: number, description?: string) =>
  checkedString(`text${maxLength}`, (value) => isText(value, maxLength), {
    maxLength,
    pattern: TEXT_PATTERN,
    ...(description === undefined ? {} : { description }),
  });

/** Fields every response carries, whatever its kind. */
const commonFields = {
  id: Type.String({
    pattern: UUID_PATTERN,
    description: 'Client-generated lowercase UUID (v7 recommended); the idempotency key.',
  }),
  surveyId: identifier('The survey this answer belongs to.'),
  comment: Type.Optional(
    text(
      MAX_COMMENT_LENGTH,
      `Free-text follow-up answer: at most ${MAX_COMMENT_LENGTH} Unicode code points (what maxLength counts), no control characters but tab, line feed and carriage return, no lone surrogates.`,
    ),
  ),
  locale: Type.String({
    minLength: 2,
    maxLength: 35,
    pattern: LOCALE_PATTERN,
    description: 'BCP 47 tag of the language the survey was shown in.',
  }),
  pageUrl: checkedString('uri', (value) => value.length <= MAX_URL_LENGTH && isHttpUrl(value), {
    // No `format: uri`: RFC 3986 refuses what location.href leaves as typed (`{`, `|`, a stray
    // `%`), so a validator checking formats would refuse real answers.
    maxLength: MAX_URL_LENGTH,
    pattern: HTTP_URL_PATTERN,
    description:
      'Absolute http(s) URL, in printable ASCII, of the page the answer was given on (as location.href gives it).',
  }),
  answeredAt: checkedString('date-time', (value) => value.length <= 40 && isDateTime(value), {
    format: 'date-time',
    maxLength: 40,
    pattern: DATE_TIME_PATTERN,
    description:
      'RFC 3339 date-time, with offset, at which the visitor answered; a real calendar date, no leap second.',
  }),
  variant: Type.Optional(identifier('A/B variant of the survey wording that was shown.')),
  visitorId: Type.Optional(
    Type.String({
      pattern: VISITOR_ID_PATTERN,
      description: 'Anonymous, resettable visitor id (for erasure requests).',
    }),
  ),
  metadata: Type.Optional(
    Type.Record(Type.String({ pattern: METADATA_KEY_PATTERN }), text(MAX_METADATA_VALUE_LENGTH), {
      maxProperties: MAX_METADATA_ENTRIES,
      additionalProperties: false,
      description: 'Site-defined string attributes.',
    }),
  ),
  sdk: Type.Object(
    {
      name: Type.String({
        minLength: 1,
        maxLength: MAX_IDENTIFIER_LENGTH,
        pattern: SDK_NAME_PATTERN,
      }),
      version: Type.String({ maxLength: 64, pattern: SEMVER_PATTERN }),
    },
    { additionalProperties: false, description: 'The SDK that sent the answer.' },
  ),
};

function responseOf<K extends SurveyKind>(kind: K) {
  const { min, max } = SCORE_RANGES[kind];
  return Type.Object(
    {
      kind: Type.Literal(kind),
      score: Type.Integer({
        minimum: min,
        maximum: max,
        description: `${kind} score, ${min} to ${max}.`,
      }),
      ...commonFields,
    },
    { additionalProperties: false, title: `${kind} response` },
  );
}

export const NpsResponseSchema = responseOf('nps');
export const CsatResponseSchema = responseOf('csat');
export const CesResponseSchema = responseOf('ces');

/** One answer. `kind` selects the score range. */
export const ResponseSchema = Type.Union([
  NpsResponseSchema,
  CsatResponseSchema,
  CesResponseSchema,
]);

/** What the widget POSTs: a batch of answers. */
export const SubmissionSchema = Type.Object(
  {
    protocol: Type.Literal(PROTOCOL_VERSION, { description: 'Wire protocol version.' }),
    responses: Type.Array(ResponseSchema, { minItems: 1, maxItems: MAX_RESPONSES_PER_SUBMISSION }),
  },
  { additionalProperties: false },
);

export type NpsResponse = Static<typeof NpsResponseSchema>;
export type CsatResponse = Static<typeof CsatResponseSchema>;
export type CesResponse = Static<typeof CesResponseSchema>;
/** One answer, as sent on the wire. */
export type HarkResponse = Static<typeof ResponseSchema>;
/** A batch of answers, as sent on the wire. */
export type Submission = Static<typeof SubmissionSchema>;

/** The kind-specific schema for each kind, for error reporting. */
export const RESPONSE_SCHEMA_BY_KIND: Readonly<
  Record<SurveyKind, TObject & { properties: { kind: TLiteral } }>
> = {
  nps: NpsResponseSchema,
  csat: CsatResponseSchema,
  ces: CesResponseSchema,
};
