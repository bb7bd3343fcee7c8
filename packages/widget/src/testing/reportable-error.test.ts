import { expect } from './expect.js';
import { reportable } from './reportable-error.js';
import { describe, it } from './suite.js';

/** The error `expect(actual).toBe(expected)` throws. */
function failureOf(actual: unknown, expected: unknown): Error & Record<string, unknown> {
  try {
    expect(actual).toBe(expected);
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('the assertion passed');
}

describe('reportable: a failed assertion @web/test-runner can send to Node', () => {
  it('puts elements as text, so the failure is reported and not a lost page', () => {
    const button = document.createElement('button');
    const input = Object.assign(document.createElement('input'), { id: 'to' });
    const error = reportable(failureOf(button, input)) as Record<string, unknown>;
    expect([error.actual, error.expected]).toEqual([
      '<button></button>',
      '<input id="to"></input>',
    ]);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ actual: '<button></button>' });
  });

  it('puts a circular value as text', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    const error = reportable(failureOf(loop, { name: 'loop' })) as Record<string, unknown>;
    expect(error.actual).toBe("{ name: 'loop', self: [Circular] }");
    expect(error.expected).toEqual({ name: 'loop' });
  });

  it('leaves data as it is, for the runner to diff', () => {
    const error = reportable(failureOf([1, 'two'], [1, 2])) as Record<string, unknown>;
    expect([error.actual, error.expected]).toEqual([
      [1, 'two'],
      [1, 2],
    ]);
  });

  it('passes on what is not an object as it is', () => {
    expect(reportable('text')).toBe('text');
    expect(reportable(undefined)).toBe(undefined);
  });
});
