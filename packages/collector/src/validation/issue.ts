/** Why a value was rejected. Stable: clients and tests match on it. */
export type IssueCode =
  | 'invalid_json'
  | 'invalid_type'
  | 'required'
  | 'unknown_field'
  | 'forbidden_key'
  | 'invalid_value'
  | 'out_of_range'
  | 'invalid_format'
  | 'too_short'
  | 'too_long'
  | 'too_few'
  | 'too_many'
  | 'duplicate_id'
  | 'in_future'
  | 'too_many_issues';

/** One thing wrong with a submission: where (a JSON Pointer into the body) and why. */
export interface ValidationIssue {
  readonly path: string;
  readonly code: IssueCode;
  readonly message: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Appends one reference token to a JSON Pointer (RFC 6901), escaping `~` and `/`. */
export function childPath(path: string, key: string | number): string {
  return `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
