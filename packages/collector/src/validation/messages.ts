import {
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  LOCALE_PATTERN,
  METADATA_KEY_PATTERN,
  SEMVER_PATTERN,
  TEXT_PATTERN,
  UUID_PATTERN,
  VISITOR_ID_PATTERN,
} from '../protocol/formats.js';

const URL_MESSAGE =
  'must be an absolute http or https URL in printable ASCII, as location.href gives it';

/** What a string that fails a pattern or format should have looked like, by pattern or format. */
const FORMAT_MESSAGES: ReadonlyMap<string, string> = new Map([
  [UUID_PATTERN, 'must be a lowercase UUID, like "0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091"'],
  [LOCALE_PATTERN, 'must be a BCP 47 language tag, like "en" or "pt-BR"'],
  [
    IDENTIFIER_PATTERN,
    'must start with a letter or digit and contain only letters, digits, "_", ".", ":" or "-"',
  ],
  [
    METADATA_KEY_PATTERN,
    'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter, digit or "_"',
  ],
  [
    TEXT_PATTERN,
    'must not contain control characters (other than tab and line breaks) or lone surrogates',
  ],
  [SEMVER_PATTERN, 'must be a semantic version, like "1.4.0"'],
  [VISITOR_ID_PATTERN, 'must be 8 to 64 letters, digits, "_" or "-"'],
  ['^[a-z0-9@/._-]+$', 'must contain only lowercase letters, digits, "@", "/", ".", "_" or "-"'],
  [HTTP_URL_PATTERN, URL_MESSAGE],
  ['uri', URL_MESSAGE],
  ['date-time', 'must be an RFC 3339 date-time with an offset, like "2026-11-25T14:05:00Z"'],
]);

export function formatMessage(patternOrFormat: string): string {
  return FORMAT_MESSAGES.get(patternOrFormat) ?? `must match ${patternOrFormat}`;
}
