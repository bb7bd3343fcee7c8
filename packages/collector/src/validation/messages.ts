import {
  DATE_TIME_PATTERN,
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  LOCALE_PATTERN,
  localeRepeat,
  METADATA_KEY_PATTERN,
  SDK_NAME_PATTERN,
  SEMVER_PATTERN,
  TEXT_PATTERN,
  UUID_PATTERN,
  VISITOR_ID_PATTERN,
} from '@hark/protocol';

const LOCALE_MESSAGE = 'must be a BCP 47 language tag, like "en" or "pt-BR"';

/** What a string that fails a pattern should have looked like, by pattern. */
const FORMAT_MESSAGES: ReadonlyMap<string, string | ((value: string) => string)> = new Map<
  string,
  string | ((value: string) => string)
>([
  [UUID_PATTERN, 'must be a lowercase UUID, like "0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091"'],
  // A tag of the right shape fails only by repeating a subtag: name it.
  [LOCALE_PATTERN, (value) => localeRepeat(value) ?? LOCALE_MESSAGE],
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
    'must not contain control characters (other than tab, line feed and carriage return) or lone surrogates',
  ],
  [SEMVER_PATTERN, 'must be a semantic version, like "1.4.0"'],
  [VISITOR_ID_PATTERN, 'must be 8 to 64 letters, digits, "_" or "-"'],
  [SDK_NAME_PATTERN, 'must contain only lowercase letters, digits, "@", "/", ".", "_" or "-"'],
  [
    HTTP_URL_PATTERN,
    'must be an absolute http or https URL in printable ASCII, as location.href gives it',
  ],
  [DATE_TIME_PATTERN, 'must be an RFC 3339 date-time with an offset, like "2026-11-25T14:05:00Z"'],
]);

/** Why `value` fails `pattern` (or the check that goes with it). */
export function formatMessage(pattern: string, value = ''): string {
  const message = FORMAT_MESSAGES.get(pattern);
  if (message === undefined) return `must match ${pattern}`;
  return typeof message === 'string' ? message : message(value);
}
