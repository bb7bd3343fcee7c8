import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import { byId, mergeVisitors, randomId, readVisitor, writeVisitor } from './visitor-state.js';

afterEach(() => localStorage.clear());

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

describe('records keyed by survey id', () => {
  it('have no prototype: Object.prototype’s names are ids like any other, and `__proto__` is kept', () => {
    const answered = byId({ constructor: 1 }, JSON.parse('{"__proto__": 2, "toString": 3}'));
    expect(Object.getPrototypeOf(answered)).toBeNull();
    expect(Object.keys(answered).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect('valueOf' in answered).toBe(false);
    expect(Object.getOwnPropertyDescriptor(answered, '__proto__')?.value).toBe(2);
  });

  it('read from storage, merged and written back, keep every id, `__proto__` included', () => {
    localStorage.setItem(
      'hark.visitor',
      '{"answered":{"__proto__":1,"valueOf":2},"dismissed":{"constructor":3}}',
    );
    const stored = readVisitor();
    expect(Object.getPrototypeOf(stored.answered)).toBeNull();
    expect('toString' in stored.answered || 'hasOwnProperty' in stored.dismissed).toBe(false);
    const mine = readVisitor();
    const id: string = 'toString';
    mine.answered[id] = 4;
    writeVisitor(mergeVisitors(stored, mine));
    expect(JSON.parse(localStorage.getItem('hark.visitor') ?? '')).toEqual({
      answered: JSON.parse('{"__proto__":1,"valueOf":2,"toString":4}'),
      dismissed: { constructor: 3 },
    });
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
