import { chai } from '@vitest/expect';

/**
 * A failed assertion's error, made fit for @web/test-runner: it sends `actual` and `expected` to
 * Node as they are, and a DOM node or a circular value there stops the page's report, so the run
 * says only "the browser disconnected" and which assertion failed is lost. Such values go as
 * chai's text for them (`<input id="to"></input>`); data goes as it is, for the runner's diff.
 */
export function reportable(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const values = error as { actual?: unknown; expected?: unknown };
  for (const key of ['actual', 'expected'] as const)
    if (key in values && !sendable(values[key])) values[key] = chai.util.inspect(values[key]);
  return error;
}

/** Whether JSON carries `value` whole: no node, function, cycle or BigInt in it. */
function sendable(value: unknown): boolean {
  try {
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'function' || (typeof Node === 'function' && item instanceof Node))
        throw new TypeError('not data');
      return item;
    });
    return true;
  } catch {
    return false;
  }
}
