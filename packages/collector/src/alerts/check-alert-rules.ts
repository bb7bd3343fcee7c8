import type { ValidationIssue } from '../validation/issue.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks alert rules (from `--alerts <file>`): every issue with its JSON Pointer. */
export function checkAlertRules(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, code: ValidationIssue['code'], message: string) =>
    issues.push({ path, code, message });
  if (!Array.isArray(value))
    return [{ path: '', code: 'invalid_type', message: 'must be an array of rules' }];
  const ids = new Set<string>();
  value.forEach((rule: unknown, i) => {
    const at = `/${i}`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      issue(at, 'invalid_type', 'must be an object');
      return;
    }
    const r = rule as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!['id', 'surveyId', 'when', 'url', 'secret'].includes(key))
        issue(`${at}/${key}`, 'unknown_field', 'is not a known field');
    }
    if (typeof r.id !== 'string' || !ID.test(r.id))
      issue(`${at}/id`, 'invalid_format', 'must be 1 to 64 letters, digits, "_", ".", ":" or "-"');
    else if (ids.has(r.id)) issue(`${at}/id`, 'invalid_value', `repeats "${r.id}"`);
    else ids.add(r.id);
    if (typeof r.surveyId !== 'string' || (r.surveyId !== '*' && !ID.test(r.surveyId)))
      issue(`${at}/surveyId`, 'invalid_format', 'must be a survey id, or "*" for every survey');
    const when = r.when;
    if (typeof when !== 'object' || when === null || Array.isArray(when)) {
      issue(`${at}/when`, 'invalid_type', 'must be an object of conditions');
    } else {
      const w = when as Record<string, unknown>;
      if (Object.keys(w).length === 0)
        issue(
          `${at}/when`,
          'invalid_value',
          'must have a condition: scoreAtMost, scoreAtLeast or comment',
        );
      for (const [key, v] of Object.entries(w)) {
        if (key === 'scoreAtMost' || key === 'scoreAtLeast') {
          if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 10)
            issue(`${at}/when/${key}`, 'out_of_range', 'must be a whole number from 0 to 10');
        } else if (key === 'comment') {
          if (v !== true) issue(`${at}/when/comment`, 'invalid_value', 'must be true');
        } else issue(`${at}/when/${key}`, 'unknown_field', 'is not a known condition');
      }
    }
    let url: URL | undefined;
    try {
      url = typeof r.url === 'string' ? new URL(r.url) : undefined;
    } catch {
      url = undefined;
    }
    if (
      url === undefined ||
      !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    )
      issue(`${at}/url`, 'invalid_format', 'must be an https URL (http only on loopback)');
    if (typeof r.secret !== 'string' || r.secret.length < 16)
      issue(`${at}/secret`, 'too_short', 'must be at least 16 characters long');
  });
  return issues;
}
