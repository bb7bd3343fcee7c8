import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { widgetLocales } from './localization.js';
import { directionOf, matchLocale } from './match-locale.js';

const match = (requested: string[], available: readonly string[] = widgetLocales) =>
  matchLocale(requested, available);

describe('matchLocale', () => {
  it.each([
    [['fr'], 'fr', 'fr'],
    [['fr-CA'], 'fr', 'fr-CA'],
    [['EN-gb'], 'en', 'en-GB'],
    [['pt-PT'], 'pt-BR', 'pt-PT'],
    [['pt'], 'pt-BR', 'pt'],
    [['zh-TW'], 'zh-Hant', 'zh-TW'],
    [['zh-HK'], 'zh-Hant', 'zh-HK'],
    [['zh'], 'zh-Hans', 'zh'],
    [['zh-CN'], 'zh-Hans', 'zh-CN'],
    [['zh-SG'], 'zh-Hans', 'zh-SG'],
    [['iw'], 'he', 'he'],
    [['in-ID'], 'id', 'id-ID'],
    [['ar-EG'], 'ar', 'ar-EG'],
    [['sv', 'de-AT', 'en'], 'de', 'de-AT'],
    [['not a tag', '*', '', 'ja-JP'], 'ja', 'ja-JP'],
  ])('%j → %s', (requested, locale, from) => {
    expect(match(requested)).toEqual({ locale, requested: from });
  });

  it('prefers an exact locale over a near one, and the visitor’s order over nearness', () => {
    expect(match(['pt-PT'], ['pt-BR', 'pt-PT'])?.locale).toBe('pt-PT');
    expect(match(['pt-PT', 'en'], ['en', 'pt-BR'])?.locale).toBe('pt-BR');
    expect(match(['en', 'pt-PT'], ['pt-BR', 'en'])?.locale).toBe('en');
  });

  it('never crosses scripts: Traditional Chinese does not get Simplified', () => {
    expect(match(['zh-TW'], ['zh-Hans', 'en'])).toBeUndefined();
    expect(match(['sr-Latn'], ['sr'])).toBeUndefined(); // sr is Cyrillic
  });

  it('returns undefined when nothing matches, so the caller falls back to English', () => {
    expect(match(['sv', 'fi'])).toBeUndefined();
    expect(match([])).toBeUndefined();
  });

  it('spells the result as the available list does', () => {
    expect(match(['PT-br'], ['pt-BR'])?.locale).toBe('pt-BR');
    expect(match(['fr'], ['FR'])?.locale).toBe('FR');
  });
});

describe('directionOf', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['az-Arab', 'rtl'],
    ['en', 'ltr'],
    ['hi', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['az', 'ltr'],
    ['not a tag', 'ltr'],
  ])('%s is %s', (locale, dir) => {
    expect(directionOf(locale)).toBe(dir);
  });
});
