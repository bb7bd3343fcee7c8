import { describe, expect, it } from 'vitest';
import { isHttpUrl, parseDateTime } from './formats.js';

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
