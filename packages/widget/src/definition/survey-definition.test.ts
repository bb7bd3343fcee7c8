import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { checkDefinition } from './survey-definition.js';

describe('checkDefinition', () => {
  it('accepts a minimal and a full definition', () => {
    expect(checkDefinition({ id: 'nps-1', kind: 'nps' })).toEqual([]);
    expect(
      checkDefinition({
        id: 'csat-1',
        kind: 'csat',
        question: 'How was checkout?',
        lowLabel: 'Awful',
        highLabel: 'Great',
        followUp: { detractor: 'What went wrong?', promoter: 'What went well?' },
        variant: 'b',
        look: 'emoji',
      }),
    ).toEqual([]);
    expect(checkDefinition({ id: 'ces-1', kind: 'ces', followUp: false })).toEqual([]);
  });

  it('reports every problem with its path', () => {
    expect(
      checkDefinition({
        id: 'bad id',
        kind: 'stars',
        question: '',
        look: 'emoji',
        followUp: { neutral: 'x' },
        extra: 1,
      }),
    ).toEqual([
      { path: '/extra', message: 'is not a known field' },
      {
        path: '/id',
        message:
          'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
      },
      { path: '/kind', message: 'must be one of "nps", "csat", "ces"' },
      { path: '/question', message: 'must be a non-empty string' },
      { path: '/followUp/neutral', message: 'is not a score band (detractor, passive, promoter)' },
      { path: '/look', message: 'applies to csat surveys only' },
    ]);
  });

  it('takes a heading level from 1 to 6, and reports any other', () => {
    for (const headingLevel of [1, 3, 6])
      expect(checkDefinition({ id: 'h', kind: 'nps', headingLevel })).toEqual([]);
    for (const headingLevel of [0, 7, 2.5, '2', null]) {
      expect(checkDefinition({ id: 'h', kind: 'nps', headingLevel })).toEqual([
        { path: '/headingLevel', message: 'must be an integer from 1 to 6' },
      ]);
    }
  });

  it('accepts text in several languages', () => {
    expect(
      checkDefinition({
        id: 'n',
        kind: 'nps',
        locale: 'en-GB',
        question: 'Q',
        followUp: { detractor: 'D', promoter: 'P' },
        translations: {
          fr: { question: 'Q fr', followUp: { detractor: 'D fr', promoter: 'P fr' } },
          'pt-BR': {
            question: 'Q pt',
            lowLabel: 'L pt',
            followUp: { detractor: 'D pt', promoter: 'P pt' },
          },
        },
      }),
    ).toEqual([]);
    // No text of its own: a translation may give any field.
    expect(
      checkDefinition({ id: 'n', kind: 'ces', translations: { de: { highLabel: 'Sehr leicht' } } }),
    ).toEqual([]);
  });

  it('reports each problem of a translation with its path', () => {
    expect(
      checkDefinition({
        id: 'n',
        kind: 'nps',
        locale: 'en_US',
        question: 'Q',
        followUp: { detractor: 'D' },
        translations: {
          fr: { lowLabel: 'Bas', followUp: {} },
          FR: { question: 'Q', followUp: { detractor: 'D' } },
          'not a tag': { question: '', followUp: { detractor: 'D' }, variant: 'b' },
          de: 'Frage',
          es: { question: 'x'.repeat(501), followUp: { detractor: 'D', neutral: 'N' } },
        },
      }),
    ).toEqual([
      { path: '/locale', message: 'must be a BCP 47 language tag, like "en" or "pt-BR"' },
      {
        path: '/translations/fr/question',
        message: 'must be given, as the survey’s own text gives it',
      },
      {
        path: '/translations/fr/followUp/detractor',
        message: 'must be given, as the survey’s own text gives it',
      },
      { path: '/translations/FR', message: 'is the same locale as /translations/fr' },
      { path: '/translations/not a tag', message: 'is not a BCP 47 language tag' },
      { path: '/translations/not a tag/variant', message: 'is not a text field' },
      { path: '/translations/not a tag/question', message: 'must be a non-empty string' },
      { path: '/translations/de', message: 'must be an object of text fields' },
      { path: '/translations/es/question', message: 'must be at most 500 characters long' },
      {
        path: '/translations/es/followUp/neutral',
        message: 'is not a score band (detractor, passive, promoter)',
      },
    ]);
  });

  it('refuses a translation of the survey’s own language, a follow-up where there is none, and a list', () => {
    expect(
      checkDefinition({
        id: 'n',
        kind: 'nps',
        locale: 'fr',
        followUp: false,
        translations: { 'fr-FR': {}, fr: { followUp: { detractor: 'D' } } },
      }),
    ).toEqual([
      { path: '/translations/fr', message: 'is the same locale as /locale' },
      {
        path: '/translations/fr/followUp',
        message: 'must be absent: the survey asks no follow-up question',
      },
    ]);
    expect(checkDefinition({ id: 'n', kind: 'nps', translations: [] })).toEqual([
      { path: '/translations', message: 'must be an object of texts by locale' },
    ]);
  });

  it.each([null, [], 'nps', 42, undefined])('rejects %j as a whole', (value) => {
    expect(checkDefinition(value)).toEqual([{ path: '', message: 'must be an object' }]);
  });
});
