import { describe, expect, it } from 'vitest';
import {
  isSurveyKind,
  KIND_MESSAGES,
  KIND_RESULTS,
  SCORE_BANDS,
  SCORE_RANGES,
  type ScoreBand,
  SURVEY_KIND_TABLE,
  SURVEY_KINDS,
  scoreBand,
} from './kinds.js';

/** Every score of `kind`'s scale with its band, lowest first. */
function bandsOf(kind: keyof typeof SURVEY_KIND_TABLE): [number, ScoreBand][] {
  const { min, max } = SURVEY_KIND_TABLE[kind].score;
  return Array.from({ length: max - min + 1 }, (_, i) => [min + i, scoreBand(kind, min + i)]);
}

describe('the survey kinds table', () => {
  it('lists nps, csat and ces in that order, each under its own id', () => {
    expect(SURVEY_KINDS).toEqual(['nps', 'csat', 'ces']);
    for (const kind of SURVEY_KINDS) expect(SURVEY_KIND_TABLE[kind].id).toBe(kind);
  });

  it('names the same kinds in the same order in every column', () => {
    for (const column of [SCORE_RANGES, SCORE_BANDS, KIND_MESSAGES, KIND_RESULTS])
      expect(Object.keys(column)).toEqual(SURVEY_KINDS);
    expect(Object.keys(SURVEY_KIND_TABLE)).toEqual(SURVEY_KINDS);
  });

  it('gives each kind its scale, and SCORE_RANGES the same ranges', () => {
    expect(SCORE_RANGES).toEqual({
      nps: { min: 0, max: 10 },
      csat: { min: 1, max: 5 },
      ces: { min: 1, max: 7 },
    });
  });

  it('bands NPS 0–6 / 7–8 / 9–10', () => {
    expect(bandsOf('nps').map(([, band]) => band)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('bands CSAT 1–3 / 4–5, without a middle', () => {
    expect(bandsOf('csat')).toEqual([
      [1, 'detractor'],
      [2, 'detractor'],
      [3, 'detractor'],
      [4, 'promoter'],
      [5, 'promoter'],
    ]);
  });

  it('bands CES 1–3 / 4–5 / 6–7', () => {
    expect(bandsOf('ces').map(([, band]) => band)).toEqual([
      'detractor',
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('ends every kind’s last band at the top of its scale, bands rising', () => {
    for (const kind of SURVEY_KINDS) {
      const { bands, score } = SURVEY_KIND_TABLE[kind];
      const ends = bands.map(({ upTo }) => upTo);
      expect(ends.at(-1)).toBe(score.max);
      expect(ends).toEqual([...ends].sort((a, b) => a - b));
      expect(ends[0]).toBeGreaterThanOrEqual(score.min);
      expect(bands.at(-1)?.band).toBe('promoter');
    }
  });

  it('names each kind’s words by message ids of its own', () => {
    const ids = SURVEY_KINDS.flatMap((kind) => Object.values(SURVEY_KIND_TABLE[kind].messages));
    expect(new Set(ids).size).toBe(ids.length);
    expect(SURVEY_KIND_TABLE.nps.messages).toEqual({
      question: 'nps-question',
      low: 'nps-low',
      high: 'nps-high',
    });
  });

  it('knows its kinds and nothing else, not even what every object inherits', () => {
    for (const kind of SURVEY_KINDS) expect(isSurveyKind(kind)).toBe(true);
    for (const other of ['NPS', 'toString', '__proto__', 'constructor', '', 1, null, undefined])
      expect(isSurveyKind(other)).toBe(false);
  });
});
