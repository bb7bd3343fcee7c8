import { reportable } from './reportable-error.js';

/**
 * Mocha's suite functions, which @web/test-runner's default test framework defines as globals
 * before it imports a test file; typed here so the suites import them like any other function.
 */
type Body = () => unknown;

interface TestFunction {
  (name: string, body: Body): void;
  skip(name: string, body?: Body): void;
  only(name: string, body: Body): void;
  /** One test per case, as Vitest's `it.each`: arrays are spread; `%s %j %i %%` in the name. */
  // biome-ignore lint/suspicious/noExplicitAny: the tuple inference Vitest's own typing uses
  each<T extends any[] | [any]>(
    cases: readonly T[],
  ): (name: string, body: (...args: T) => unknown) => void;
  each<T>(cases: readonly T[]): (name: string, body: (arg: T) => unknown) => void;
}

interface SuiteFunction {
  (name: string, body: () => void): void;
  skip(name: string, body: () => void): void;
  only(name: string, body: () => void): void;
}

type Hook = (body: Body) => void;

const mocha = globalThis as unknown as {
  describe: SuiteFunction;
  it: TestFunction;
  before: Hook;
  after: Hook;
  beforeEach: Hook;
  afterEach: Hook;
};

// Bodies are wrapped so they never declare a parameter (mocha would take one for a `done`
// callback), and so what they throw can be reported.
const wrap =
  (body: Body): Body =>
  () => {
    let result: unknown;
    try {
      result = body();
    } catch (error) {
      throw reportable(error);
    }
    // Any thenable, as mocha waits for any: a test's own promise library included.
    return typeof (result as PromiseLike<unknown> | undefined)?.then === 'function'
      ? Promise.resolve(result).catch((error: unknown) => {
          throw reportable(error);
        })
      : result;
  };

export const describe = mocha.describe;
/** A test name with a case's values put in, as Vitest formats them. */
function caseName(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%[sjid%]/g, (token) => {
    if (token === '%%') return '%';
    const value = args[next++];
    if (token === '%j') return JSON.stringify(value) ?? String(value);
    if (token === '%i' || token === '%d') return String(Math.trunc(Number(value)));
    return String(value);
  });
}

function each(cases: readonly unknown[]) {
  // Like Vitest: a list of arrays gives each test the array's items as arguments.
  const spread = cases.every(Array.isArray);
  return (name: string, body: (...args: unknown[]) => unknown) => {
    for (const item of cases) {
      const args = spread ? (item as unknown[]) : [item];
      mocha.it(
        caseName(name, args),
        wrap(() => body(...args)),
      );
    }
  };
}

export const it: TestFunction = Object.assign(
  (name: string, body: Body) => mocha.it(name, wrap(body)),
  {
    skip: (name: string) => mocha.it.skip(name),
    only: (name: string, body: Body) => mocha.it.only(name, wrap(body)),
    each: each as TestFunction['each'],
  },
);
export const beforeAll: Hook = (body) => mocha.before(wrap(body));
export const afterAll: Hook = (body) => mocha.after(wrap(body));
export const beforeEach: Hook = (body) => mocha.beforeEach(wrap(body));
export const afterEach: Hook = (body) => mocha.afterEach(wrap(body));
