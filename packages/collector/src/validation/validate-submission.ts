import type { SchemaNode } from '@hark/protocol';
import {
  EARLIEST_ANSWERED_AT,
  LOCALE_PATTERN,
  localeRepeat,
  MAX_CLOCK_SKEW_MS,
  MAX_RESPONSES_PER_SUBMISSION,
  parseDateTime,
} from '@hark/protocol';
import { type TSchema, Type } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { RESPONSE_SCHEMA_BY_KIND, type Submission, SubmissionSchema } from '../protocol/schema.js';
import { explain } from './explain.js';
import type { ValidationIssue, ValidationResult } from './issue.js';

export interface ValidateOptions {
  /** The collector's clock, in ms since the epoch; `answeredAt` may not lie far beyond it. */
  readonly now?: number;
  /** How far ahead of `now` an `answeredAt` may be. Defaults to 24 hours. */
  readonly maxClockSkewMs?: number;
}

/** Most issues listed for one submission; a hostile batch must not make a huge error body. */
export const MAX_ISSUES = 100;

// Compiled once: TypeBox turns the schema into straight-line JS, the fast path for good input.
// The envelope and each kind's response are compiled apart and a response is checked against the
// variant its `kind` names: a compiled union would re-check every field once per variant tried.
const { responses: _responses, ...envelopeProperties } = SubmissionSchema.properties;
const envelope = TypeCompiler.Compile(
  Type.Object(
    {
      ...envelopeProperties,
      responses: Type.Array(Type.Unknown(), {
        minItems: 1,
        maxItems: MAX_RESPONSES_PER_SUBMISSION,
      }),
    },
    { additionalProperties: false },
  ),
);
const responseChecks = new Map<unknown, TypeCheck<TSchema>>(
  Object.entries(RESPONSE_SCHEMA_BY_KIND).map(([kind, schema]) => [
    kind,
    TypeCompiler.Compile(schema),
  ]),
);

/** The compiled verdict on the whole submission: exactly the SubmissionSchema, faster. */
function isValidSubmission(input: unknown): input is Submission {
  if (!envelope.Check(input)) return false;
  for (const response of (input as { responses: unknown[] }).responses) {
    if (typeof response !== 'object' || response === null) return false;
    const check = responseChecks.get((response as { kind?: unknown }).kind);
    if (check === undefined || !check.Check(response)) return false;
  }
  return true;
}

// TypeBox schemas are JSON Schema objects; explain() reads them as such.
const SUBMISSION_NODE = SubmissionSchema as unknown as SchemaNode;

/**
 * Checks that `input` (parsed JSON) is a valid v1 submission. Never throws on bad input: returns
 * either the typed submission or every issue found, each with a JSON Pointer and a message.
 */
export function validateSubmission(
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult<Submission> {
  const issues: ValidationIssue[] = [];
  if (!isValidSubmission(input)) {
    explain(SUBMISSION_NODE, input, '', { issues });
    if (issues.length === 0) {
      // The compiled check and `explain` read the same schema; should they ever disagree, still
      // reject, and say what TypeBox saw.
      const first = TypeCompiler.Compile(SubmissionSchema).Errors(input).First();
      const message = `failed a schema check: ${first?.message ?? 'unknown'}`;
      issues.push({ path: first?.path ?? '', code: 'invalid_value', message });
    }
  }
  checkAcrossResponses(input, options, issues);
  if (issues.length === 0) return { ok: true, value: input as Submission };
  return { ok: false, issues: capped(issues) };
}

const EARLIEST = Date.parse(EARLIEST_ANSWERED_AT);
const LOCALE = new RegExp(LOCALE_PATTERN);

/**
 * What a JSON Schema cannot say (its description lists these): ids unique within the batch,
 * answers neither from the future nor from before 2000, and locales that repeat a variant or
 * singleton in another letter case (the pattern catches repeats spelled alike).
 */
function checkAcrossResponses(
  input: unknown,
  options: ValidateOptions,
  issues: ValidationIssue[],
): void {
  const responses = (input as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses) || responses.length > MAX_ISSUES * 10) return;
  const skew = options.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS;
  const latest = (options.now ?? Date.now()) + skew;
  const firstIndexOfId = new Map<string, number>();
  for (let i = 0; i < responses.length; i++) {
    const response: unknown = responses[i];
    if (typeof response !== 'object' || response === null) continue;
    const { id, answeredAt, locale } = response as Record<string, unknown>;
    // Only a tag the pattern passed: one it refused has its issue already.
    if (typeof locale === 'string' && locale.length >= 12 && locale.length <= 35) {
      const repeat = LOCALE.test(locale) ? localeRepeat(locale) : undefined;
      if (repeat !== undefined)
        issues.push({ path: `/responses/${i}/locale`, code: 'invalid_format', message: repeat });
    }
    if (typeof id === 'string') {
      const first = firstIndexOfId.get(id);
      if (first === undefined) firstIndexOfId.set(id, i);
      else {
        const message = `duplicates the id of /responses/${first}`;
        issues.push({ path: `/responses/${i}/id`, code: 'duplicate_id', message });
      }
    }
    const time = typeof answeredAt === 'string' ? parseDateTime(answeredAt) : undefined;
    if (time === undefined) continue;
    if (time > latest) {
      const message = `must not be more than ${Math.round(skew / 3_600_000)} hours ahead of the collector's clock`;
      issues.push({ path: `/responses/${i}/answeredAt`, code: 'in_future', message });
    } else if (time < EARLIEST) {
      const message = `must not be before ${EARLIEST_ANSWERED_AT}`;
      issues.push({ path: `/responses/${i}/answeredAt`, code: 'out_of_range', message });
    }
  }
}

function capped(issues: ValidationIssue[]): readonly ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - (MAX_ISSUES - 1);
  return [
    ...issues.slice(0, MAX_ISSUES - 1),
    { path: '', code: 'too_many_issues', message: `and ${rest} more issues, not listed` },
  ];
}
