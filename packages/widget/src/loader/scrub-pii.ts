// E-mail addresses: something@domain.tld. Phone numbers: 7 to 15 digits in any script (E.164
// allows at most 15), optionally with a leading + and grouped by spaces, dots, dashes, slashes
// or parentheses; never a run of digits that goes on (a card or order number) or follows a
// currency sign, and never a date, a time or an IP address.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const SEPARATOR = '[\\s().\\/\\-]';
const PHONE = new RegExp(
  `(?<![\\p{Sc}\\p{L}\\p{N}.,]|\\p{Nd}${SEPARATOR})\\+?\\(?\\p{Nd}(?:${SEPARATOR}{0,2}\\p{Nd}){6,14}(?![\\p{L}\\p{N}]|${SEPARATOR}{1,2}\\p{Nd})`,
  'gu',
);
/** Shapes of digits that are not phone numbers: dates (with a time), IPv4 addresses. */
const NOT_A_PHONE = [
  /^\d{4}-\d\d-\d\d(?: \d\d)?$/,
  /^\d\d?[./-]\d\d?[./-]\d{4}$/,
  /^\d{1,3}(?:\.\d{1,3}){3}$/,
];

/** Replaces e-mail addresses and phone numbers in a comment with `[email]` and `[phone]`. */
export function scrubPii(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(PHONE, (digits) =>
      NOT_A_PHONE.some((shape) => shape.test(digits)) ? digits : '[phone]',
    );
}
