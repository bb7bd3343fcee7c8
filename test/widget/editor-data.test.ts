import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// VS Code custom data and JetBrains web-types, generated from custom-elements.json by
// packages/widget/scripts/editor-data.mjs: every tag and attribute the manifest has is in both.
const widget = new URL('../../packages/widget/', import.meta.url);
const read = <T>(file: string) => JSON.parse(readFileSync(new URL(file, widget), 'utf8')) as T;

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
  events?: Array<{ name: string }>;
}
const manifest = read<{ modules: Array<{ declarations?: Declaration[] }> }>('custom-elements.json');
const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

interface VsCodeData {
  version: number;
  tags: Array<{
    name: string;
    description: string;
    attributes: Array<{ name: string; valueSet?: string; values?: Array<{ name: string }> }>;
  }>;
}
interface WebTypes {
  name: string;
  version: string;
  contributions: {
    html: {
      elements: Array<{
        name: string;
        attributes: Array<{ name: string; value: { type: string } }>;
        events: Array<{ name: string }>;
        js: { properties: Array<{ name: string }> };
      }>;
    };
  };
}
const vscode = read<VsCodeData>('vscode.html-custom-data.json');
const webTypes = read<WebTypes>('web-types.json');

describe('editor data (VS Code custom data, JetBrains web-types)', () => {
  it('is what custom-elements.json gives (the generator in --check mode)', async () => {
    await promisify(execFile)(process.execPath, ['scripts/editor-data.mjs', '--check'], {
      cwd: widget,
    });
  });

  it('has every tag, each with every attribute of the manifest, in both', () => {
    const tags = ['hark-ces', 'hark-csat', 'hark-nps', 'hark-survey'];
    expect(vscode.tags.map((t) => t.name)).toEqual(tags);
    expect(webTypes.contributions.html.elements.map((e) => e.name)).toEqual(tags);
    for (const declaration of declared) {
      const attributes = (declaration.attributes ?? []).map((a) => a.name);
      expect(attributes.length).toBeGreaterThan(0);
      const tag = vscode.tags.find((t) => t.name === declaration.tagName);
      expect(tag?.description).not.toBe('');
      expect(tag?.attributes.map((a) => a.name)).toEqual(attributes);
      const element = webTypes.contributions.html.elements.find(
        (e) => e.name === declaration.tagName,
      );
      expect(element?.attributes.map((a) => a.name)).toEqual(attributes);
      expect(element?.events.map((e) => e.name)).toEqual(
        (declaration.events ?? []).map((e) => e.name),
      );
    }
  });

  it('offers the values of a closed attribute, and marks booleans', () => {
    const csat = vscode.tags.find((t) => t.name === 'hark-csat');
    const values = (name: string) =>
      csat?.attributes.find((a) => a.name === name)?.values?.map((v) => v.name);
    expect(values('theme')).toEqual(['light', 'dark']);
    // `look` is typed by an alias (CsatLook), resolved from the source.
    expect(values('look')).toEqual(['numbers', 'emoji', 'stars']);
    expect(csat?.attributes.find((a) => a.name === 'no-follow-up')?.valueSet).toBe('v');
    const survey = vscode.tags.find((t) => t.name === 'hark-survey');
    expect(survey?.attributes.find((a) => a.name === 'presentation')?.values).toEqual([
      { name: 'inline' },
      { name: 'corner' },
      { name: 'tab' },
      { name: 'modal' },
    ]);
    const nps = webTypes.contributions.html.elements.find((e) => e.name === 'hark-nps');
    expect(nps?.js.properties.map((p) => p.name)).toContain('surveyId');
    expect(nps?.events.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'hark-shown',
        'hark-answer',
        'hark-submit',
        'hark-dismiss',
        'hark-error',
      ]),
    );
  });

  it('is published: in files and exports, web-types named in package.json', () => {
    const pkg = read<{
      name: string;
      version: string;
      files: string[];
      exports: Record<string, unknown>;
      'web-types': string;
    }>('package.json');
    for (const file of ['vscode.html-custom-data.json', 'web-types.json']) {
      expect(pkg.files).toContain(file);
      expect(pkg.exports[`./${file}`]).toBe(`./${file}`);
    }
    expect(pkg['web-types']).toBe('./web-types.json');
    expect([webTypes.name, webTypes.version]).toEqual([pkg.name, pkg.version]);
    expect(vscode.version).toBe(1.1);
  });
});
