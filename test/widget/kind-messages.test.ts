import { readdirSync, readFileSync } from 'node:fs';
import { KIND_MESSAGES, SURVEY_KINDS } from '@hark/protocol';
import { describe, expect, it } from 'vitest';
import { targetLocales } from '../../packages/widget/src/generated/locale-codes.js';

// The kinds table names each kind's words by message id; the widget's elements say them with
// msg() calls that lit-localize extracts, so their ids are literals in each component folder
// (ADR 0006). This ties the two: a kind added to the table without its element's words, or
// without their translations, fails here.
const components = new URL('../../packages/widget/src/components/', import.meta.url);

/** The message ids the sources of one component folder pass to msg(). */
function idsIn(folder: string): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(new URL(`${folder}/`, components))) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(new URL(`${folder}/${file}`, components), 'utf8');
    for (const [, id] of source.matchAll(/\bid: '([^']+)'/g)) ids.add(id as string);
  }
  return ids;
}

describe('the kinds table’s message ids', () => {
  it.each(SURVEY_KINDS)('are the ids <hark-%s> says its words under', (kind) => {
    const said = idsIn(kind);
    expect(Object.values(KIND_MESSAGES[kind]).filter((id) => !said.has(id))).toEqual([]);
  });

  it.each(targetLocales)('are all translated in %s', async (locale) => {
    const catalogue = new URL(
      `../../packages/widget/src/generated/locales/${locale}.ts`,
      import.meta.url,
    );
    const { templates } = (await import(/* @vite-ignore */ catalogue.href)) as {
      templates: Record<string, string>;
    };
    const ids = SURVEY_KINDS.flatMap((kind) => Object.values(KIND_MESSAGES[kind]));
    expect(ids.filter((id) => !(typeof templates[id] === 'string'))).toEqual([]);
  });
});
