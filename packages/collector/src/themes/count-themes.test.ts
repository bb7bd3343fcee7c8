import { describe, expect, it } from 'vitest';
// The themes thread runs from the build (a worker needs JavaScript): `pnpm exec tsc -p packages/collector`.
import { countThemes as countThemesBuilt } from '../../dist/themes/count-themes.js';
import type { HarkResponse } from '../protocol/schema.js';
import type { StoredResponse } from '../storage/response-store.js';
import { npsResponse } from '../testing/fixtures.js';
import { CommentThemes } from './comment-themes.js';
import { countThemes } from './count-themes.js';
import { STOP_WORDS } from './stop-words.js';

const SENTENCES: Record<string, readonly string[]> = {
  'en-GB': ['The checkout page crashed twice.', 'Checkout page is slow, really slow!'],
  'de-AT': ['Die Kasse funktioniert nicht.', 'Die KASSE ist langsam.'],
  'es-419': ['El PAGO falló dos veces.', 'El pago es lento.'],
  'tr-TR': ['İSTANBUL şubesi KAPALI.', 'Istanbul şubesi kapalı.'], // dotted and dotless I
  lt: ['PIRKIMAS nepavyko ĮĖJUS.', 'Pirkimas nepavyko.'],
  'el-GR': ['Η ΣΕΛΙΔΑ ΠΛΗΡΩΜΗΣ ΑΡΓΕΙ.', 'Η σελίδα πληρωμής αργεί.'], // final sigma
  'ja-JP': ['決済ページがとても遅いです。', '決済ページが落ちました。'],
  'zh-Hant-TW': ['結帳頁面太慢了', '結帳頁面當機'],
  th: ['หน้าชำระเงินช้ามาก', 'หน้าชำระเงินไม่ดี'],
};

/** 600 answers across languages and scores, some without a comment. */
function answers(): StoredResponse[] {
  const out: StoredResponse[] = [];
  const locales = Object.keys(SENTENCES);
  for (let i = 0; i < 600; i++) {
    const locale = locales[i % locales.length] ?? 'en';
    const sentences = SENTENCES[locale] ?? [];
    const comment =
      i % 7 === 0 ? undefined : `${sentences[i % 2]} ${sentences[(i >> 1) % 2]} ${i % 13}`;
    const response = npsResponse({ score: i % 11, locale, comment }) as HarkResponse & {
      comment?: string;
    };
    if (comment === undefined) delete response.comment;
    out.push({ response, receivedAt: '2026-11-25T12:00:00.000Z' });
  }
  return out;
}

async function* pagesOf(all: readonly StoredResponse[], size: number) {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

function counted(all: readonly StoredResponse[]) {
  const themes = new CommentThemes();
  for (const answer of all) themes.add(answer);
  return themes.result();
}

describe('countThemes', () => {
  const all = answers();

  it('gives the same themes on the themes thread, here, and fed one by one', async () => {
    const expected = counted(all);
    expect(expected.length).toBe(3);
    expect(await countThemesBuilt(pagesOf(all, 100), { place: 'thread' })).toEqual(expected);
    expect(await countThemes(pagesOf(all, 100), { place: 'here' })).toEqual(expected);
  });

  it('keeps concurrent jobs on the thread apart', async () => {
    const firstHalf = all.slice(0, 300);
    const results = await Promise.all([
      countThemesBuilt(pagesOf(all, 50), { place: 'thread' }),
      countThemesBuilt(pagesOf(firstHalf, 70), { place: 'thread' }),
      countThemesBuilt(pagesOf([], 10), { place: 'thread' }),
    ]);
    expect(results).toEqual([counted(all), counted(firstHalf), []]);
  });

  it('rejects with the store’s error when a page cannot be read, and the thread goes on', async () => {
    async function* failing() {
      yield all.slice(0, 100);
      throw new Error('disk I/O error');
    }
    await expect(countThemesBuilt(failing(), { place: 'thread' })).rejects.toThrow(
      'disk I/O error',
    );
    expect(await countThemesBuilt(pagesOf(all, 100), { place: 'thread' })).toEqual(counted(all));
  });

  // Not a timing: a page of 500 comments of 1,000 characters is far more than one 5 ms slice.
  it.each(['thread', 'here'] as const)(
    'lets the event loop run while it counts (%s)',
    async (place) => {
      const long = 'The checkout page crashed twice and the payment failed. '.repeat(18);
      const page = Array.from({ length: 500 }, () => ({
        response: npsResponse({ score: 3, comment: long }),
        receivedAt: '2026-11-25T12:00:00.000Z',
      }));
      const count = place === 'thread' ? countThemesBuilt : countThemes;
      const events: string[] = [];
      const done = count(pagesOf(page, 500), { place }).then(() => events.push('themes'));
      await new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => events.push('timer'));
      await done;
      expect(events).toEqual(['timer', 'themes']);
    },
  );
});

describe('lowercasing', () => {
  // Themes lowercase with toLowerCase() except in Lithuanian, Turkish and Azeri: in every other
  // language with a stop-word list, with or without a region, it is the same as the locale's.
  const chunks: string[] = [];
  for (let start = 0x41; start < 0x2_0000; start += 512) {
    let chunk = '';
    for (let c = start; c < start + 512; c++) {
      if (c < 0xd800 || c > 0xdfff) chunk += String.fromCodePoint(c);
    }
    chunks.push(chunk, `${chunk}Σ ΟΔΟΣ.`);
  }
  it.each(Object.keys(STOP_WORDS).filter((l) => !['lt', 'tr', 'az'].includes(l)))(
    '%s',
    (language) => {
      for (const locale of [language, `${language}-US`, `${language}-419`]) {
        for (const chunk of chunks)
          expect(chunk.toLocaleLowerCase(locale)).toBe(chunk.toLowerCase());
      }
    },
  );

  it('differs in Turkish and Lithuanian, which keep their own', () => {
    expect('I'.toLocaleLowerCase('tr')).toBe('ı');
    expect('İ'.toLocaleLowerCase('tr')).toBe('i');
    expect('Ì'.toLocaleLowerCase('lt')).not.toBe('Ì'.toLowerCase());
  });
});
