import {
  codePointLength,
  FORBIDDEN_KEYS,
  isWithinLength,
  type SchemaNode,
  STRING_CHECK,
} from '@hark/protocol';
import { childPath, type ValidationIssue } from './issue.js';
import { formatMessage } from './messages.js';

// `explain` reads the same schema objects (`SchemaNode`s of @hark/protocol) the compiled
// validator was built from, so its messages cannot disagree with what it rejects.

export interface ExplainContext {
  readonly issues: ValidationIssue[];
}

const TYPE_NAMES = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'an integer',
};

/** Appends to `ctx.issues` every way `value` fails `schema`, each with its JSON Pointer. */
export function explain(
  schema: SchemaNode,
  value: unknown,
  path: string,
  ctx: ExplainContext,
): void {
  if (schema.anyOf !== undefined) {
    explainUnion(schema.anyOf, value, path, ctx);
  } else if (schema.const !== undefined) {
    if (value !== schema.const) {
      const message = `must be ${JSON.stringify(schema.const)}`;
      ctx.issues.push({ path, code: 'invalid_value', message });
    }
  } else if (schema.type !== undefined && schema.type in EXPLAINERS) {
    EXPLAINERS[schema.type as keyof typeof EXPLAINERS](schema, value, path, ctx);
  } else {
    throw new Error(`explain: unsupported schema at ${path}`);
  }
}

type Explainer = (schema: SchemaNode, value: unknown, path: string, ctx: ExplainContext) => void;

const patterns = new Map<string, RegExp>();

/** The schema's few patterns, compiled once each (a hostile batch explains thousands of strings). */
function compiledPattern(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
}

function typeIssue(path: string, type: keyof typeof TYPE_NAMES, value: unknown): ValidationIssue {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return { path, code: 'invalid_type', message: `must be ${TYPE_NAMES[type]}, not ${got}` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function explainObject(
  schema: SchemaNode,
  value: unknown,
  path: string,
  ctx: ExplainContext,
): void {
  if (!isPlainObject(value)) {
    ctx.issues.push(typeIssue(path, 'object', value));
    return;
  }
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key))
      ctx.issues.push({ path: childPath(path, key), code: 'required', message: 'is required' });
  }
  const keyPatterns = Object.entries(schema.patternProperties ?? {}).map(
    ([pattern, node]) => [compiledPattern(pattern), node] as const,
  );
  const keys = Object.keys(value);
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    const message = `must have at most ${schema.maxProperties} entries, not ${keys.length}`;
    ctx.issues.push({ path, code: 'too_many', message });
  }
  for (const key of keys) {
    const keyPath = childPath(path, key);
    const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (known !== undefined) {
      explain(known, value[key], keyPath, ctx);
      continue;
    }
    if (FORBIDDEN_KEYS.has(key)) {
      ctx.issues.push({ path: keyPath, code: 'forbidden_key', message: 'is a forbidden key' });
      continue;
    }
    if (keyPatterns.length === 0) {
      ctx.issues.push({ path: keyPath, code: 'unknown_field', message: 'is not a known field' });
      continue;
    }
    const match = keyPatterns.find(([pattern]) => pattern.test(key));
    if (match === undefined) {
      const [pattern = ''] = Object.keys(schema.patternProperties ?? {});
      const message = `is not a valid key: it ${formatMessage(pattern, key)}`;
      ctx.issues.push({ path: keyPath, code: 'invalid_format', message });
      continue;
    }
    explain(match[1], value[key], keyPath, ctx);
  }
}

function explainArray(schema: SchemaNode, value: unknown, path: string, ctx: ExplainContext): void {
  if (!Array.isArray(value)) {
    ctx.issues.push(typeIssue(path, 'array', value));
    return;
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    ctx.issues.push({
      path,
      code: 'too_few',
      message: `must contain at least ${schema.minItems} item`,
    });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    const message = `must contain at most ${schema.maxItems} items, not ${value.length}`;
    ctx.issues.push({ path, code: 'too_many', message });
    return; // Explaining every item of an oversized batch would only bury this issue.
  }
  if (schema.items === undefined) return;
  for (let i = 0; i < value.length; i++) explain(schema.items, value[i], childPath(path, i), ctx);
}

function explainString(
  schema: SchemaNode,
  value: unknown,
  path: string,
  ctx: ExplainContext,
): void {
  if (typeof value !== 'string') {
    ctx.issues.push(typeIssue(path, 'string', value));
    return;
  }
  // Lengths in code points, as JSON Schema counts them (and the compiled checks); a string has
  // at least half as many code points as UTF-16 units, so most need no counting.
  const { minLength, maxLength } = schema;
  if (
    minLength !== undefined &&
    value.length < 2 * minLength &&
    (value.length < minLength || codePointLength(value) < minLength)
  ) {
    const message =
      minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters long`;
    ctx.issues.push({ path, code: 'too_short', message });
    return;
  }
  if (maxLength !== undefined && !isWithinLength(value, maxLength)) {
    const message = `must be at most ${maxLength} characters long, not ${codePointLength(value)}`;
    ctx.issues.push({ path, code: 'too_long', message });
    return;
  }
  if (schema.pattern !== undefined && !compiledPattern(schema.pattern).test(value)) {
    const message = formatMessage(schema.pattern, value);
    ctx.issues.push({ path, code: 'invalid_format', message });
    return;
  }
  const check = schema[STRING_CHECK];
  if (check !== undefined && !check(value)) {
    const message = formatMessage(schema.pattern ?? '', value);
    ctx.issues.push({ path, code: 'invalid_format', message });
  }
}

function explainInteger(
  schema: SchemaNode,
  value: unknown,
  path: string,
  ctx: ExplainContext,
): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    ctx.issues.push(
      typeof value === 'number'
        ? { path, code: 'invalid_type', message: 'must be an integer' }
        : typeIssue(path, 'integer', value),
    );
    return;
  }
  const { minimum = -Infinity, maximum = Infinity } = schema;
  if (value < minimum || value > maximum) {
    ctx.issues.push({
      path,
      code: 'out_of_range',
      message: `must be from ${minimum} to ${maximum}`,
    });
  }
}

/**
 * A union of object variants told apart by a `const` property (`kind`): report against the
 * variant the value names, so the visitor of a CSAT survey reads "must be from 1 to 5" and not
 * three variants' worth of noise.
 */
function explainUnion(
  variants: readonly SchemaNode[],
  value: unknown,
  path: string,
  ctx: ExplainContext,
): void {
  const first = variants[0];
  if (first === undefined) throw new Error(`explain: empty union at ${path}`);
  const tag = Object.entries(first.properties ?? {}).find(
    ([, node]) => node.const !== undefined,
  )?.[0];
  if (tag === undefined)
    throw new Error(`explain: union without a discriminating property at ${path}`);
  if (!isPlainObject(value)) {
    ctx.issues.push(typeIssue(path, 'object', value));
    return;
  }
  const allowed = variants.map((variant) => variant.properties?.[tag]?.const);
  const chosen = variants.find((variant) => variant.properties?.[tag]?.const === value[tag]);
  if (chosen !== undefined) {
    const before = ctx.issues.length;
    explain(chosen, value, path, ctx);
    const scoreName = Object.keys(chosen.properties ?? {}).find((key) => key === 'score');
    // Name the kind in range errors: "must be from 1 to 5 for kind "csat"".
    if (scoreName !== undefined) {
      const scorePath = childPath(path, scoreName);
      for (let i = before; i < ctx.issues.length; i++) {
        const issue = ctx.issues[i];
        if (issue?.path === scorePath && issue.code === 'out_of_range') {
          ctx.issues[i] = {
            ...issue,
            message: `${issue.message} for ${tag} ${JSON.stringify(value[tag])}`,
          };
        }
      }
    }
    return;
  }
  const tagPath = childPath(path, tag);
  if (!Object.hasOwn(value, tag)) {
    ctx.issues.push({ path: tagPath, code: 'required', message: 'is required' });
  } else {
    const message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    ctx.issues.push({ path: tagPath, code: 'invalid_value', message });
  }
  // Still report the fields every variant shares, against the first variant, minus what depends
  // on the unknown tag.
  const shared: ValidationIssue[] = [];
  explain(first, value, path, { ...ctx, issues: shared });
  for (const issue of shared) {
    if (issue.path === tagPath) continue;
    if (issue.path === childPath(path, 'score') && issue.code === 'out_of_range') continue;
    ctx.issues.push(issue);
  }
}

// The types submissions use; a node of another (`number`) is refused as unsupported.
const EXPLAINERS: Readonly<Record<keyof typeof TYPE_NAMES, Explainer>> = {
  object: explainObject,
  array: explainArray,
  string: explainString,
  integer: explainInteger,
};
