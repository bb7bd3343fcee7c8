/**
 * Plain JSON Schema nodes that also carry, for TypeScript alone, the type of the values they
 * accept: the wire schema is written once with these, and is at the same time the types
 * (`Infer<>`), the published JSON Schema (serialised) and the input of the collector's compiled
 * validator. A few dozen lines instead of a schema library, so this package has no dependency.
 * Keys come out in the order TypeBox writes them, so the published file did not change when the
 * schema moved here from the collector.
 */

/** The JSON Schema keywords wire protocol v1 uses. */
export interface SchemaNode {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number';
  readonly const?: unknown;
  readonly anyOf?: readonly SchemaNode[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly patternProperties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean;
  readonly maxProperties?: number;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly title?: string;
  readonly description?: string;
  /** What a string must also pass beyond these keywords (a URL the URL parser accepts). */
  readonly [STRING_CHECK]?: (value: string) => boolean;
  /** A property its object may leave out. */
  readonly [OPTIONAL]?: true;
}

/**
 * Where a checked string keeps its predicate, for the collector's validator and error reporter.
 * A symbol, so the published JSON Schema (the same objects, serialised) does not show it.
 */
export const STRING_CHECK: unique symbol = Symbol.for('hark.stringCheck');

/** Marks a property as optional; a symbol for the same reason. */
export const OPTIONAL: unique symbol = Symbol.for('hark.optional');

declare const VALUE: unique symbol;

/** For TypeScript only: the type of the values a node accepts (never set at run time). */
export interface Typed<T> {
  readonly [VALUE]?: T;
}

/** A property its object may leave out. */
export interface Optional {
  readonly [OPTIONAL]: true;
}

/** A schema node and, for TypeScript, the type of the values it accepts. */
export type Schema<T> = SchemaNode & Typed<T>;

/** The type of the values `S` accepts. */
export type Infer<S> = S extends Typed<infer T> ? T : never;

type Options = Omit<SchemaNode, 'type' | 'const' | 'anyOf' | 'items' | 'properties'>;
type StringOptions = Pick<
  SchemaNode,
  'minLength' | 'maxLength' | 'pattern' | 'format' | 'description'
>;

export function string(options: StringOptions = {}): Schema<string> {
  return { ...options, type: 'string' };
}

/**
 * A string whose validator is a hand-written predicate meaning the same as its JSON Schema
 * keywords, where a generic check would differ (counting UTF-16 units) or be slower.
 */
export function checkedString(
  isValid: (value: string) => boolean,
  options: StringOptions,
): Schema<string> {
  return { [STRING_CHECK]: isValid, type: 'string', ...options };
}

export function integer(
  options: Pick<SchemaNode, 'minimum' | 'maximum' | 'description'>,
): Schema<number> {
  return { ...options, type: 'integer' };
}

export function literal<const V extends string | number>(
  value: V,
  options: Pick<SchemaNode, 'description'> = {},
): Schema<V> {
  return { ...options, const: value, type: typeof value === 'string' ? 'string' : 'number' };
}

export function optional<S extends SchemaNode>(schema: S): S & Optional {
  return { ...schema, [OPTIONAL]: true };
}

type Properties = Readonly<Record<string, SchemaNode>>;
type OptionalKeys<P extends Properties> = {
  [K in keyof P]: P[K] extends Optional ? K : never;
}[keyof P];
type Flat<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<P extends Properties> = Flat<
  { -readonly [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & {
    -readonly [K in OptionalKeys<P>]?: Infer<P[K]>;
  }
>;

/** An object of exactly these properties (`optional()` marks those it may leave out). */
export function object<const P extends Properties>(
  properties: P,
  options: Options = {},
): Schema<ObjectOf<P>> & { readonly properties: P } {
  const required = Object.keys(properties).filter((key) => properties[key]?.[OPTIONAL] !== true);
  return {
    additionalProperties: false,
    ...options,
    type: 'object',
    ...(required.length > 0 ? { required } : {}),
    properties,
  };
}

/** An object whose keys match `keyPattern` and whose values all match `value`. */
export function record<V extends SchemaNode>(
  keyPattern: string,
  value: V,
  options: Options = {},
): Schema<Record<string, Infer<V>>> {
  return { ...options, type: 'object', patternProperties: { [keyPattern]: value } };
}

export function array<I extends SchemaNode>(
  items: I,
  options: Pick<SchemaNode, 'minItems' | 'maxItems' | 'description'> = {},
): Schema<Infer<I>[]> & { readonly items: I } {
  return { ...options, type: 'array', items };
}

export function union<const V extends readonly SchemaNode[]>(
  variants: V,
): Schema<Infer<V[number]>> & { readonly anyOf: V } {
  return { anyOf: variants };
}
