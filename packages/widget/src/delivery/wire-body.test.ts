import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import { toWireJson } from './wire-body.js';

const restore: Array<() => void> = [];

/** Patches a prototype's toJSON the way old libraries did, for one test. */
function patchToJson(proto: object, toJSON: (this: unknown) => unknown): void {
  const had = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  Object.defineProperty(proto, 'toJSON', { value: toJSON, configurable: true, writable: true });
  restore.push(() => {
    if (had) Object.defineProperty(proto, 'toJSON', had);
    else delete (proto as { toJSON?: unknown }).toJSON;
  });
}

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

const body = {
  protocol: 1,
  responses: [
    { id: 'a', score: 9, comment: 'héllo "quoted" \u2028', metadata: { plan: 'pro', n: 0 } },
    { id: 'b', score: 0, follow: [1, 'two', null, true] },
  ],
};

describe('toWireJson', () => {
  it('writes what JSON.stringify writes on an unpatched page', () => {
    expect(toWireJson(body)).toBe(JSON.stringify(body));
    expect(toWireJson({ skipped: undefined, kept: null, f: () => 1 })).toBe('{"kept":null}');
  });

  it('ignores a page that patched Array.prototype.toJSON (Prototype.js) or Object.prototype.toJSON', () => {
    const expected = JSON.stringify(body);
    patchToJson(Array.prototype, function (this: unknown) {
      return `[${Array.prototype.map.call(this, (item) => JSON.stringify(item)).join(', ')}]`;
    });
    patchToJson(Object.prototype, () => 'hijacked');
    expect(JSON.stringify(body)).not.toBe(expected); // the hazard is real
    expect(toWireJson(body)).toBe(expected);
    expect(JSON.parse(toWireJson(body))).toEqual(body);
  });
});
