import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `@hark/widget/react`'s JSX types, checked by the workspace's TypeScript on TSX files under
// react-jsx/ (strict, `jsx: react-jsx`, `skipLibCheck: false`). @types/react is not installed here:
// react-jsx/react-shim has React 19's shape where the augmentation touches it. The widget's dist
// types must be built (`pnpm exec tsc -p packages/widget`).
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;

/** The compiler's errors for a project, as `line:column TScode` (first line of each). */
async function compile(project: string): Promise<{ code: number; errors: string[] }> {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', `test/widget/react-jsx/${project}`], {
      cwd: root,
    });
    return { code: 0, errors: [] };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    const errors = [...stdout.matchAll(/^[^\s(]+\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)].map(
      ([, line, column, ts, message]) => `${line}:${column} ${ts} ${message}`,
    );
    return { code, errors };
  }
}

describe('JSX types for React 19 (@hark/widget/react)', () => {
  it('type-checks every tag with typed props, attributes, refs and event handlers', async () => {
    expect(await compile('tsconfig.json')).toEqual({ code: 0, errors: [] });
  }, 60_000);

  it('refuses a wrong prop, attribute, handler or event detail, each with its exact error', async () => {
    const { code, errors } = await compile('tsconfig.wrong.json');
    expect(code).toBe(2);
    expect(errors).toEqual([
      `7:6 TS2322 Type '{ "survey-id": number; }' is not assignable to type 'HarkNpsProps'.`,
      `8:15 TS2322 Type '"blue"' is not assignable to type '"light" | "dark" | undefined'.`,
      `9:16 TS2322 Type '"hearts"' is not assignable to type 'CsatLook | undefined'.`,
      `10:6 TS2322 Type '{ "onhark-answer": (event: HarkDismissEvent) => "close-button" | "escape"; }' is not assignable to type 'HarkCesProps'.`,
      `11:54 TS2339 Property 'comment' does not exist on type 'HarkAnswerDetail'.`,
      `12:18 TS2322 Type '"popup"' is not assignable to type 'Presentation | undefined'.`,
    ]);
  }, 60_000);

  it('without the entry, React knows no Hark tag (so the augmentation is what makes them typed)', async () => {
    expect(await compile('tsconfig.without-types.json')).toEqual({
      code: 2,
      errors: [`2:27 TS2339 Property 'hark-nps' does not exist on type 'JSX.IntrinsicElements'.`],
    });
  }, 60_000);

  it('is published: `@hark/widget/react` in exports and files points at the file tested here', () => {
    const manifest = JSON.parse(readFileSync(`${root}packages/widget/package.json`, 'utf8')) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(manifest.exports['./react']).toEqual({
      types: './types/react.d.ts',
      default: './types/react.js',
    });
    expect(manifest.files).toContain('types');
    const paths = JSON.parse(readFileSync(`${root}test/widget/react-jsx/tsconfig.json`, 'utf8'))
      .compilerOptions.paths as Record<string, string[]>;
    expect(paths['@hark/widget/react']).toEqual(['../../../packages/widget/types/react.d.ts']);
  });
});
