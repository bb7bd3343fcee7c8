import {
  OPTIONAL,
  RESPONSE_SCHEMAS,
  type SchemaNode,
  STRING_CHECK,
  SURVEY_KINDS,
  type SurveyKind,
  submissionSchema,
} from '@hark/protocol';
import {
  Kind,
  type TArray,
  type TLiteral,
  type TObject,
  type TSchema,
  Type,
  TypeRegistry,
} from '@sinclair/typebox';

/*
 * Wire protocol v1 is written once, in @hark/protocol, as plain JSON Schema nodes. This is the
 * same schema as TypeBox schemas, for TypeBox's compiled validator: each node becomes the TypeBox
 * builder of its keyword, with the same keywords. See docs/decisions/0006-protocol-package.md.
 */

/** Predicates already registered, by the TypeBox kind they are checked under. */
const checkKinds = new Map<(value: string) => boolean, string>();

/**
 * A checked string's predicate is registered under a Hark-only TypeBox kind rather than in
 * TypeBox's global FormatRegistry, so Hark neither overrides nor depends on formats that the host
 * application registers.
 */
function checkedString(node: SchemaNode, isValid: (value: string) => boolean): TSchema {
  let kind = checkKinds.get(isValid);
  if (kind === undefined) {
    kind = `Hark:check${checkKinds.size}`;
    checkKinds.set(isValid, kind);
    TypeRegistry.Set(kind, (_, value) => typeof value === 'string' && isValid(value));
  }
  return Type.Unsafe<string>({ ...node, [Kind]: kind });
}

/** The TypeBox schema of one @hark/protocol node, keyword for keyword. */
function toTypeBox(node: SchemaNode): TSchema {
  const { type, const: constant, anyOf, items, properties, patternProperties, ...options } = node;
  const check = node[STRING_CHECK];
  if (check !== undefined) return checkedString(node, check);
  if (anyOf !== undefined) return Type.Union(anyOf.map(toTypeBox), options);
  if (typeof constant === 'string' || typeof constant === 'number')
    return Type.Literal(constant, options);
  switch (type) {
    case 'string':
      return Type.String(options);
    case 'integer':
      return Type.Integer(options);
    case 'array':
      if (items !== undefined) return Type.Array(toTypeBox(items), options);
      break;
    case 'object':
      if (properties !== undefined) {
        const converted = Object.fromEntries(
          Object.entries(properties).map(([key, value]) => {
            const schema = toTypeBox(value);
            return [key, value[OPTIONAL] === true ? Type.Optional(schema) : schema];
          }),
        );
        const { required: _required, ...objectOptions } = options;
        return Type.Object(converted, objectOptions);
      }
      if (patternProperties !== undefined) {
        const [[pattern, value]] = Object.entries(patternProperties) as [[string, SchemaNode]];
        return Type.Record(Type.String({ pattern }), toTypeBox(value), options);
      }
      break;
  }
  throw new Error(`@hark/collector: no TypeBox form for ${JSON.stringify(node)}`);
}

/** What the widget POSTs: a batch of answers (the TypeBox form of @hark/protocol's schema). */
export const SubmissionSchema = toTypeBox(submissionSchema) as TObject;

/** The kind-specific schema for each kind, for the compiled validator. */
export const RESPONSE_SCHEMA_BY_KIND = Object.fromEntries(
  SURVEY_KINDS.map((kind) => [kind, toTypeBox(RESPONSE_SCHEMAS[kind])]),
) as Readonly<Record<SurveyKind, TObject & { properties: { kind: TLiteral } }>>;

/** One answer. `kind` selects the score range. */
export const ResponseSchema = (SubmissionSchema.properties.responses as TArray).items;

export {
  type CesResponse,
  type CsatResponse,
  type HarkResponse,
  type NpsResponse,
  STRING_CHECK,
  type Submission,
} from '@hark/protocol';
