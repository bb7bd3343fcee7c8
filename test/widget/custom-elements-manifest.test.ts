import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// custom-elements.json is generated from the source by `pnpm build`; this checks it says what the
// elements really offer, so editors and docs built on it are right.
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Array<{ name: string }>;
  events?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}
const manifest = JSON.parse(
  readFileSync(new URL('../../packages/widget/custom-elements.json', import.meta.url), 'utf8'),
) as { modules: Array<{ declarations?: Declaration[] }> };
const byTag = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName, d]),
);

describe('custom-elements.json', () => {
  it('lists every element by its tag', () => {
    expect([...byTag.keys()].sort()).toEqual(['hark-ces', 'hark-csat', 'hark-nps', 'hark-survey']);
  });

  it.each(['hark-nps', 'hark-csat', 'hark-ces'])(
    'documents <%s>: attributes, events, parts and custom properties',
    (tag) => {
      const element = byTag.get(tag) as Declaration;
      const attributes = element.attributes?.map((a) => a.name) ?? [];
      expect(attributes).toEqual(
        expect.arrayContaining([
          'survey-id',
          'locale',
          'question',
          'low-label',
          'high-label',
          'no-follow-up',
          'no-dismiss',
          'theme',
        ]),
      );
      expect(attributes).not.toContain('announcement');
      expect(element.events?.map((e) => e.name).sort()).toEqual([
        'hark-answer',
        'hark-dismiss',
        'hark-error',
        'hark-shown',
        'hark-submit',
      ]);
      expect(element.cssParts?.map((p) => p.name)).toEqual(
        expect.arrayContaining(['base', 'scale', 'option', 'submit']),
      );
      expect(element.cssProperties?.map((p) => p.name)).toEqual(
        expect.arrayContaining(['--hark-accent', '--hark-font']),
      );
    },
  );

  it('documents <hark-survey>', () => {
    expect(byTag.get('hark-survey')?.attributes?.map((a) => a.name)).toEqual([
      'definition',
      'presentation',
      'locale',
      'open',
      'launcher-label',
      'at-top',
      'theme',
    ]);
  });
});
