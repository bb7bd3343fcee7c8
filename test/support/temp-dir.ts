import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder removed after the test file; `file(name)` names a fresh path in it. */
export function tempDir(prefix: string): { readonly path: string; file(name: string): string } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  afterAll(() => rmSync(path, { recursive: true, force: true }));
  let n = 0;
  return { path, file: (name) => join(path, `${++n}-${name}`) };
}
