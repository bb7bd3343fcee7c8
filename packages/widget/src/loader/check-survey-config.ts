import type { DefinitionIssue } from '../definition/survey-definition.js';

const WHEN = ['pageLoad', 'delay', 'url', 'event', 'scroll', 'timeOnPage', 'exitIntent', 'manual'];
const PRESENTATIONS = ['inline', 'corner', 'tab', 'modal'];
const DEVICES = ['mobile', 'tablet', 'desktop'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && v >= min && v <= max;
const isScalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);

/**
 * Checks what the loader reads of a survey config: presentation, triggers, targeting and
 * variants (the words are checked by `<hark-survey>` when it shows). Returns every issue with
 * its JSON Pointer; never throws.
 */
export function checkSurveyConfig(config: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(config)) return [{ path: '', message: 'must be an object' }];
  const { presentation, target, trigger, targeting, variants } = config;
  if (presentation !== undefined && !PRESENTATIONS.includes(presentation as string)) {
    issue('/presentation', 'must be one of "inline", "corner", "tab", "modal"');
  }
  if (presentation === 'inline' && typeof target !== 'string') {
    issue('/target', 'must be a CSS selector: an inline survey needs a place on the page');
  }
  const triggers = Array.isArray(trigger) ? trigger : trigger === undefined ? [] : [trigger];
  triggers.forEach((t: unknown, i) => {
    const at = Array.isArray(trigger) ? `/trigger/${i}` : '/trigger';
    if (!isObject(t) || !WHEN.includes(t.on as string)) {
      issue(`${at}/on`, `must be one of ${WHEN.map((w) => `"${w}"`).join(', ')}`);
      return;
    }
    if ((t.on === 'delay' || t.on === 'timeOnPage') && !isNumber(t.seconds, 0, 86_400))
      issue(`${at}/seconds`, 'must be a number of seconds from 0 to 86400');
    if (t.on === 'scroll' && !isNumber(t.percent, 0, 100))
      issue(`${at}/percent`, 'must be a number from 0 to 100');
    if (t.on === 'event' && (typeof t.name !== 'string' || t.name === ''))
      issue(`${at}/name`, 'must be a non-empty string');
    if (t.on === 'url') {
      if (typeof t.match !== 'string' && typeof t.regex !== 'string')
        issue(at, 'must have "match" (a glob) or "regex"');
      try {
        if (typeof t.regex === 'string') new RegExp(t.regex);
      } catch {
        issue(`${at}/regex`, 'is not a valid regular expression');
      }
    }
  });
  if (targeting !== undefined) {
    if (!isObject(targeting)) issue('/targeting', 'must be an object');
    else {
      const { sampleRate, locales, devices, attributes, ...rest } = targeting;
      for (const key of Object.keys(rest)) issue(`/targeting/${key}`, 'is not a known field');
      if (sampleRate !== undefined && !isNumber(sampleRate, 0, 100))
        issue('/targeting/sampleRate', 'must be a number from 0 to 100');
      if (
        locales !== undefined &&
        !(Array.isArray(locales) && locales.every((l) => typeof l === 'string'))
      )
        issue('/targeting/locales', 'must be an array of language tags');
      if (
        devices !== undefined &&
        !(Array.isArray(devices) && devices.every((d) => DEVICES.includes(d)))
      )
        issue('/targeting/devices', 'must be an array of "mobile", "tablet", "desktop"');
      if (attributes !== undefined && !isObject(attributes))
        issue('/targeting/attributes', 'must be an object of rules by attribute');
      for (const [key, rule] of Object.entries(isObject(attributes) ? attributes : {})) {
        const ok =
          isScalar(rule) ||
          (isObject(rule) &&
            (Array.isArray(rule.in) ||
              isScalar(rule.not) ||
              ((rule.gte !== undefined || rule.lte !== undefined) &&
                [rule.gte, rule.lte].every((n) => n === undefined || typeof n === 'number'))));
        if (!ok)
          issue(
            `/targeting/attributes/${key}`,
            'must be a value, or { "in": [...] }, { "not": value }, { "gte": n, "lte": n }',
          );
      }
    }
  }
  if (variants !== undefined) {
    if (!Array.isArray(variants) || variants.length === 0)
      issue('/variants', 'must be a non-empty array');
    else {
      const seen = new Set<unknown>();
      variants.forEach((v: unknown, i) => {
        const id = isObject(v) ? v.id : undefined;
        if (typeof id !== 'string' || !ID.test(id))
          issue(
            `/variants/${i}/id`,
            'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
          );
        else if (seen.has(id)) issue(`/variants/${i}/id`, `repeats "${id}"`);
        seen.add(id);
      });
    }
  }
  return issues;
}
