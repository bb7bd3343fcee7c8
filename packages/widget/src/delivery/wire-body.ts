/**
 * JSON for the wire, written without `JSON.stringify`'s `toJSON` hooks: a page that patches
 * `Array.prototype.toJSON` (Prototype.js did) or `Object.prototype.toJSON` would otherwise turn
 * `responses` into a string, and every answer would be refused as malformed (issue 12). Values
 * are what IndexedDB's structured clone gives back: plain objects, arrays, strings, numbers,
 * booleans and null. Primitives still go through `JSON.stringify`, which never looks for
 * `toJSON` on a primitive.
 */
export function toWireJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${toWireJson(value[i])}`;
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // As JSON.stringify does: properties whose value has no JSON form are left out.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${toWireJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
