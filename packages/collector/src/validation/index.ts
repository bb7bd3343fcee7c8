export type { IssueCode, ValidationIssue, ValidationResult } from './issue.js';
export { parseSubmission } from './parse-submission.js';
export { MAX_ISSUES, type ValidateOptions, validateSubmission } from './validate-submission.js';
