// E-mail addresses: something@domain.tld. Phone numbers: 7 to 15 digits, optionally with a
// leading +, grouped by spaces, dots, dashes or parentheses (E.164 allows at most 15 digits).
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A date (2026-11-25) has as many digits as a short phone number: it is kept.
const DATE = /^\d{4}-\d\d-\d\d$/;
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d(?:[\s().-]{0,2}\d){6,14}(?![\p{L}\p{N}])/gu;

/** Replaces e-mail addresses and phone numbers in a comment with `[email]` and `[phone]`. */
export function scrubPii(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(PHONE, (digits) => (DATE.test(digits) ? digits : '[phone]'));
}
