import {
  Kind,
  type Static,
  type TLiteral,
  type TObject,
  type TSchema,
  type TUnsafe,
  Type,
  TypeRegistry,
} from '@sinclair/typebox';
import {
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  isDateTime,
  isHttpUrl,
  LOCALE_PATTERN,
  METADATA_KEY_PATTERN,
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

interface FormattedStringOptions {
  readonly maxLength: number;
  readonly description: string;
  readonly pattern?: string;
}

/**
 * A string with a standard JSON Schema `format`. The check is registered under a Hark-only
 * TypeBox kind rather than in TypeBox's global FormatRegistry, so Hark neither overrides nor
 * depends on formats that the host application registers.
 */
function formattedString(
  format: 'uri' | 'date-time',
  isValid: (value: string) => boolean,
  options: FormattedStringOptions,
): TUnsafe<string> {
  const kind = `Hark:${format}`;
  if (!TypeRegistry.Has(kind)) {
    TypeRegistry.Set<TSchema & FormattedStringOptions>(
      kind,
      (schema, value) =>
        typeof value === 'string' && value.length <= schema.maxLength && isValid(value),
    );
  }
  return Type.Unsafe<string>({ [Kind]: kind, type: 'string', format, ...options });
}

/** Fields every response carries, whatever its kind. */
const commonFields = {
  id: Type.String({
    pattern: UUID_PATTERN,
    description: 'Client-generated lowercase UUID (v7 recommended); the idempotency key.',
  }),
  surveyId: identifier('The survey this answer belongs to.'),
  comment: Type.Optional(
    Type.String({
      maxLength: MAX_COMMENT_LENGTH,
      pattern: TEXT_PATTERN,
      description: 'Free-text follow-up answer.',
    }),
  ),
  locale: Type.String({
    minLength: 2,
    maxLength: 35,
    pattern: LOCALE_PATTERN,
    description: 'BCP 47 tag of the language the survey was shown in.',
  }),
  pageUrl: formattedString('uri', isHttpUrl, {
    maxLength: MAX_URL_LENGTH,
    pattern: HTTP_URL_PATTERN,
    description: 'Absolute http(s) URL of the page the answer was given on.',
  }),
  answeredAt: formattedString('date-time', isDateTime, {
    maxLength: 40,
    description: 'RFC 3339 date-time, with offset, at which the visitor answered.',
  }),
  variant: Type.Optional(identifier('A/B variant of the survey wording that was shown.')),
  visitorId: Type.Optional(
    Type.String({
      pattern: VISITOR_ID_PATTERN,
      description: 'Anonymous, resettable visitor id (for erasure requests).',
    }),
  ),
  metadata: Type.Optional(
    Type.Record(
      Type.String({ pattern: METADATA_KEY_PATTERN }),
      Type.String({ maxLength: MAX_METADATA_VALUE_LENGTH, pattern: TEXT_PATTERN }),
      {
        maxProperties: MAX_METADATA_ENTRIES,
        additionalProperties: false,
        description: 'Site-defined string attributes.',
      },
    ),
  ),
  sdk: Type.Object(
    {
      name: Type.String({
        minLength: 1,
        maxLength: MAX_IDENTIFIER_LENGTH,
        pattern: '^[a-z0-9@/._-]+$',
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
