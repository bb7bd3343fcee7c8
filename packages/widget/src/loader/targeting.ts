import type { AttributeRule, Targeting, Variant } from './survey-config.js';

/**
 * A stable number in [0, 1) for a string (FNV-1a, 32 bits): the same visitor and survey always
 * land in the same place, so sampling and variants are sticky without storing anything.
 */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final mix (murmur3's), so ids that differ in their last character spread evenly.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) / 2 ** 32;
}

/** `mobile`, `tablet` or `desktop`, from the pointer and the screen, not the user agent. */
export function deviceType(): 'mobile' | 'tablet' | 'desktop' {
  if (!matchMedia('(pointer: coarse)').matches) return 'desktop';
  return Math.min(screen.width, screen.height) < 600 ? 'mobile' : 'tablet';
}

function ruleHolds(rule: AttributeRule, value: unknown): boolean {
  if (typeof rule !== 'object') return value === rule;
  if ('in' in rule) return rule.in.includes(value as never);
  if ('not' in rule) return value !== rule.not;
  return (
    typeof value === 'number' &&
    (rule.gte === undefined || value >= rule.gte) &&
    (rule.lte === undefined || value <= rule.lte)
  );
}

/** Whether this visitor is one the survey is for (sampling included). */
export function isTargeted(
  targeting: Targeting | undefined,
  surveyId: string,
  visitor: {
    readonly id: string;
    readonly languages: readonly string[];
    readonly attributes: Readonly<Record<string, unknown>>;
  },
): boolean {
  if (targeting === undefined) return true;
  const { sampleRate = 100, locales, devices, attributes = {} } = targeting;
  const language = (visitor.languages[0] ?? '').toLowerCase();
  return (
    unitHash(`${visitor.id}:${surveyId}`) * 100 < sampleRate &&
    (locales === undefined ||
      locales.some((l) => `${language}-`.startsWith(`${l.toLowerCase()}-`))) &&
    (devices === undefined || devices.includes(deviceType())) &&
    Object.entries(attributes).every(([key, rule]) => ruleHolds(rule, visitor.attributes[key]))
  );
}

/** The visitor's variant of a survey: random across visitors, always the same for one. */
export function pickVariant(
  variants: readonly Variant[] | undefined,
  surveyId: string,
  visitorId: string,
): Variant | undefined {
  if (!variants?.length) return undefined;
  return variants[Math.floor(unitHash(`${visitorId}:${surveyId}:variant`) * variants.length)];
}
