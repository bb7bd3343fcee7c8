import type { Submission } from '../protocol/schema.js';
import type { ValidationResult } from './issue.js';
import { type ValidateOptions, validateSubmission } from './validate-submission.js';

/**
 * Parses and validates a request body. `JSON.parse` keeps a `"__proto__"` key as an own
 * property (it does not set the prototype), and validation then rejects it by name.
 */
export function parseSubmission(
  body: string,
  options: ValidateOptions = {},
): ValidationResult<Submission> {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return {
      ok: false,
      issues: [{ path: '', code: 'invalid_json', message: `is not valid JSON${detail}` }],
    };
  }
  return validateSubmission(input, options);
}
