import { TypeCompiler } from '@sinclair/typebox/compiler';
import { isDateTime, isHttpUrl } from '../protocol/formats.js';
import { EARLIEST_ANSWERED_AT, MAX_CLOCK_SKEW_MS } from '../protocol/limits.js';
import { type Submission, SubmissionSchema } from '../protocol/schema.js';
import { explain, type FormatCheck, type SchemaNode } from './explain.js';
import { childPath, type ValidationIssue, type ValidationResult } from './issue.js';

export interface ValidateOptions {
  /** The collector's clock, in ms since the epoch; `answeredAt` may not lie far beyond it. */
  readonly now?: number;
  /** How far ahead of `now` an `answeredAt` may be. Defaults to 24 hours. */
  readonly maxClockSkewMs?: number;
}

/** Most issues listed for one submission; a hostile batch must not make a huge error body. */
export const MAX_ISSUES = 100;

// Compiled once: TypeBox turns the schema into straight-line JS, the fast path for good input.
const compiled = TypeCompiler.Compile(SubmissionSchema);

// TypeBox schemas are JSON Schema objects; explain() reads them as such.
const SUBMISSION_NODE = SubmissionSchema as unknown as SchemaNode;

const FORMATS: ReadonlyMap<string, FormatCheck> = new Map([
  ['uri', isHttpUrl],
  ['date-time', isDateTime],
]);

/**
 * Checks that `input` (parsed JSON) is a valid v1 submission. Never throws on bad input: returns
 * either the typed submission or every issue found, each with a JSON Pointer and a message.
 */
export function validateSubmission(
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult<Submission> {
  const issues: ValidationIssue[] = [];
  if (!compiled.Check(input)) {
    explain(SUBMISSION_NODE, input, '', { issues, formats: FORMATS });
    if (issues.length === 0) {
      // The compiled check and `explain` read the same schema; should they ever disagree, still
      // reject, and say what TypeBox saw.
      const first = compiled.Errors(input).First();
      const message = `failed a schema check: ${first?.message ?? 'unknown'}`;
      issues.push({ path: first?.path ?? '', code: 'invalid_value', message });
    }
  }
  checkAcrossResponses(input, options, issues);
  if (issues.length === 0) return { ok: true, value: input as Submission };
  return { ok: false, issues: capped(issues) };
}

const EARLIEST = Date.parse(EARLIEST_ANSWERED_AT);

/** What a JSON Schema cannot say: ids unique within the batch, answers not from the future. */
function checkAcrossResponses(
  input: unknown,
  options: ValidateOptions,
  issues: ValidationIssue[],
): void {
  const responses = (input as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses) || responses.length > MAX_ISSUES * 10) return;
  const latest = (options.now ?? Date.now()) + (options.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS);
  const firstIndexOfId = new Map<string, number>();
  for (let i = 0; i < responses.length; i++) {
    const response: unknown = responses[i];
    if (typeof response !== 'object' || response === null) continue;
    const { id, answeredAt } = response as { id?: unknown; answeredAt?: unknown };
    const path = childPath('/responses', i);
    if (typeof id === 'string') {
      const first = firstIndexOfId.get(id);
      if (first === undefined) firstIndexOfId.set(id, i);
      else {
        const message = `duplicates the id of /responses/${first}`;
        issues.push({ path: childPath(path, 'id'), code: 'duplicate_id', message });
      }
    }
    if (typeof answeredAt === 'string' && isDateTime(answeredAt)) {
      const time = Date.parse(answeredAt);
      if (time > latest) {
        const hours = Math.round((options.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS) / 3_600_000);
        const message = `must not be more than ${hours} hours ahead of the collector's clock`;
        issues.push({ path: childPath(path, 'answeredAt'), code: 'in_future', message });
      } else if (time < EARLIEST) {
        const message = `must not be before ${EARLIEST_ANSWERED_AT}`;
        issues.push({ path: childPath(path, 'answeredAt'), code: 'out_of_range', message });
      }
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
