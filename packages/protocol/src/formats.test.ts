import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  DATE_TIME_PATTERN,
  HTTP_URL_PATTERN,
  isDateTime,
  isHttpUrl,
  LOCALE_PATTERN,
  localeRepeat,
  parseDateTime,
} from './formats.js';

describe('parseDateTime', () => {
  it.each([
    '2026-11-25T14:05:00Z',
    '2026-11-25T14:05:00.1Z',
    '2026-11-25T14:05:00.123Z',
    '2026-11-25T14:05:00.123456789Z',
    '2026-11-25t14:05:00z',
    '2026-11-25T14:05:00+01:00',
    '2026-11-25T14:05:00.5-09:30',
    '2024-02-29T23:59:59+23:59',
    '2000-01-01T00:00:00Z',
    '0099-12-31T23:59:59Z',
    '9999-12-31T23:59:59.999Z',
  ])('reads %s as Date.parse does', (value) => {
    expect(parseDateTime(value)).toBe(Date.parse(value.replace('t', 'T').replace(/z$/, 'Z')));
  });

  it.each([
    '2026-11-25T14:05:00',
    '2026-11-25 14:05:00Z',
    '2026-11-25T14:05Z',
    '2026-11-25T14:05:00.Z',
    '2026-11-25T14:05:00.1234567890Z',
    '2026-11-25T14:05:00+0100',
    '2026-11-25T14:05:00+01:00x',
    '2026-11-25T14:05:00Zx',
    '2026-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-11-25T24:00:00Z',
    '2026-11-25T23:60:00Z',
    '2026-11-25T23:59:60Z',
    '2026-11-25T10:00:00+24:00',
    '2026-11-25T10:00:00+10:60',
    '+02026-11-25T10:00:00Z',
    '２０２６-11-25T10:00:00Z',
    '',
  ])('refuses %j', (value) => {
    expect(parseDateTime(value)).toBeUndefined();
  });
});

describe('isHttpUrl', () => {
  it.each([
    'https://a.example/',
    'HTTP://A.EXAMPLE:8080/p?q=1#f',
    'http://127.0.0.1/',
    'https://[::1]:8443/x',
  ])('accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    'http://:80/',
    'https://exa%zzmple.com/',
    'https://a.example/\u00e9',
    'mailto:a@b.example',
    'https:///path',
  ])('refuses %j', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

describe('DATE_TIME_PATTERN', () => {
  const pattern = new RegExp(DATE_TIME_PATTERN);
  const unicode = new RegExp(DATE_TIME_PATTERN, 'u');

  it('accepts exactly what isDateTime accepts, field by field', () => {
    const years = ['0000', '1900', '1999', '2000', '2024', '2026', '2100', '2400'];
    const monthDays = ['00-10', '01-00', '01-31', '01-32', '02-28', '02-29', '02-30', '04-30'];
    const times = ['00:00:00', '23:59:59', '23:59:60', '24:00:00', '12:60:00', '9:00:00'];
    const fractions = ['', '.1', '.123456789', '.1234567890', '.'];
    const offsets = ['Z', 'z', '+23:59', '-00:00', '+24:00', '+10:60', '+0100', '', 'Z\n'];
    let accepted = 0;
    for (const y of years)
      for (const md of monthDays)
        for (const t of times)
          for (const f of fractions)
            for (const o of offsets)
              for (const sep of ['T', 't', ' ']) {
                const value = `${y}-${md}${sep}${t}${f}${o}`;
                const expected = isDateTime(value);
                if (pattern.test(value) !== expected || unicode.test(value) !== expected)
                  expect.fail(`${JSON.stringify(value)}: isDateTime says ${expected}`);
                if (expected) accepted++;
              }
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe('HTTP_URL_PATTERN', () => {
  const pattern = new RegExp(HTTP_URL_PATTERN);
  const unicode = new RegExp(HTTP_URL_PATTERN, 'u');
  const hosts = [
    'a.example',
    'A.EXAMPLE.',
    'my_host',
    'localhost',
    '-a-.example',
    'xn--caf-dma.example',
    'xn--zz.example',
    'xn--a',
    '1.2.3.4',
    '255.255.255.255',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    'a.1',
    'a.1.',
    'a.0x1f',
    'a.0x1g',
    '0x',
    'a..b',
    '',
    '%41',
    'a%2eb',
    'é',
    'a b',
    'a*b',
    '[::1]',
    '[::]',
    '[1::2::3]',
    '[zz]',
    '[1:2:3:4:5:6:7:8]',
    '[1:2:3:4:5:6:7::]',
    '[::ffff:1.2.3.4]',
    '[1:2:3:4:5:6:7:8:9]',
    'user@a.example',
    'u:p@a.example',
    'u:p:q@a.example',
    'a@b@c',
  ];
  const ports = ['', ':', ':0', ':80', ':65535', ':65536', ':99999', ':00080', ':8a'];
  const tails = ['', '/', '/p?q=1#f', '?q={a|b}^', '#x', '/100%', '\\p', 'x'];

  // isHttpUrl asks the URL parser only about URLs with "--" (punycode): this proves it need not
  // ask about the others.
  it('accepts only what the URL parser accepts, with or without the u flag', () => {
    let accepted = 0;
    for (const scheme of ['http://', 'HTTPS://'])
      for (const host of hosts)
        for (const port of ports)
          for (const tail of tails) {
            const url = `${scheme}${host}${port}${tail}`;
            const matches = pattern.test(url);
            expect(unicode.test(url), url).toBe(matches);
            if (matches && host.startsWith('xn--')) {
              expect(isHttpUrl(url), url).toBe(URL.canParse(url));
            } else if (matches) {
              accepted++;
              expect(URL.canParse(url), url).toBe(true);
              expect(isHttpUrl(url), url).toBe(true);
            } else {
              expect(isHttpUrl(url), url).toBe(false);
            }
          }
    expect(accepted).toBeGreaterThan(300);
  });

  it('accepts what location.href gives for the hosts it accepts', () => {
    for (const url of [
      'https://a.example/',
      'http://[2001:db8::1]:8080/x?y#z',
      'http://127.0.0.1/',
    ]) {
      expect(new URL(url).href).toBe(url);
      expect(pattern.test(url)).toBe(true);
    }
  });
});

describe('LOCALE_PATTERN and localeRepeat', () => {
  const pattern = new RegExp(LOCALE_PATTERN);
  const unicode = new RegExp(LOCALE_PATTERN, 'u');

  it.each([
    ['en', true],
    ['de-DE-1901', true],
    ['de-DE-1901-1901', false],
    ['de-1901-1996-1901', false],
    ['sl-rozaj-biske-rozaj', false],
    ['en-a-aaa-a-bbb', false],
    ['en-a-aaa-b-bbb-a-ccc', false],
    ['0-a-aaa', false],
    ['en-a-abcde-abcde', true],
    ['en-x-a-a', true],
    ['en-a-aa-x-a-bb', true],
    ['de-1901-x-1901', true],
    ['sl-rozaj-ROZAJ', true], // the pattern compares letters as spelled; localeRepeat does not
  ])('%s: %s', (tag, expected) => {
    expect(pattern.test(tag)).toBe(expected);
    expect(unicode.test(tag)).toBe(expected);
  });

  it('names a repeat where Intl refuses the tag for one', () => {
    for (const tag of ['de-DE-1901-1901', 'en-a-aaa-a-bbb', 'sl-rozaj-ROZAJ', 'en-a-aaa-A-bbb']) {
      expect(() => Intl.getCanonicalLocales(tag), tag).toThrow(RangeError);
      expect(localeRepeat(tag), tag).toMatch(/^must not repeat the /);
    }
    for (const tag of ['de-DE-1901', 'en-a-aaa-b-bbb', 'en-x-a-a', 'en-GB']) {
      expect(() => Intl.getCanonicalLocales(tag), tag).not.toThrow();
      expect(localeRepeat(tag), tag).toBeUndefined();
    }
  });
});

describe('codePointLength', () => {
  it('counts a surrogate pair once and a lone surrogate once', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('a\ud800')).toBe(2);
    expect(codePointLength('\udc00\ud800')).toBe(2);
    expect(codePointLength('\ud800😀')).toBe(2);
  });
});
