import { describe, expect, it } from 'vitest';
import { mergeVisitors, randomId } from './visitor-state.js';

describe('mergeVisitors', () => {
  it('keeps what either tab recorded, the latest show, and the stored visitor id', () => {
    expect(
      mergeVisitors(
        { visitorId: 'stored', answered: { a: 1 }, dismissed: {}, lastShown: 5 },
        { visitorId: 'mine', answered: { b: 2 }, dismissed: { c: 3 }, lastShown: 4, consent: true },
      ),
    ).toEqual({
      visitorId: 'stored',
      answered: { a: 1, b: 2 },
      dismissed: { c: 3 },
      lastShown: 5,
      consent: true,
    });
    expect(mergeVisitors({ answered: {}, dismissed: {} }, { answered: {}, dismissed: {} })).toEqual(
      {
        answered: {},
        dismissed: {},
      },
    );
  });
});

describe('randomId', () => {
  it('is a version 4 UUID, different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
