import { describe, expect, it } from 'vitest';
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
      { path: '/look', message: 'applies to csat surveys only' },
      { path: '/followUp/neutral', message: 'is not a score band (detractor, passive, promoter)' },
    ]);
  });

  it.each([null, [], 'nps', 42, undefined])('rejects %j as a whole', (value) => {
    expect(checkDefinition(value)).toEqual([{ path: '', message: 'must be an object' }]);
  });
});
