import { describe, expect, it } from 'vitest';
import type { HarkResponse } from '../protocol/schema.js';
import { npsResponse } from '../testing/fixtures.js';
import { commentTerms } from './comment-terms.js';
import { CommentThemes } from './comment-themes.js';

const stored = (score: number, comment: string | undefined, locale = 'en') => {
  const response = npsResponse({ score, locale, comment }) as HarkResponse & { comment?: string };
  if (comment === undefined) delete response.comment;
  return { response, receivedAt: '2026-11-25T12:00:00.000Z' };
};

describe('commentTerms', () => {
  it.each([
    [
      'The checkout was really slow, and the checkout page crashed twice.',
      'en',
      ['checkout', 'slow', 'checkout', 'page', 'crashed', 'twice'],
      ['checkout page', 'page crashed', 'crashed twice'],
    ],
    // Negation is not a stop word: "not working" is a theme.
    [
      'Checkout page is not working on mobile',
      'en',
      ['checkout', 'page', 'not', 'working', 'mobile'],
      ['checkout page', 'not working'],
    ],
    [
      'Die Kasse funktioniert nicht',
      'de',
      ['kasse', 'funktioniert', 'nicht'],
      ['kasse funktioniert', 'funktioniert nicht'],
    ],
    ['صفحة الدفع بطيئة جدا', 'ar', ['صفحة', 'الدفع', 'بطيئة'], ['صفحة الدفع', 'الدفع بطيئة']],
    // Written without spaces: Intl.Segmenter finds the words, phrases join without a space.
    ['決済ページがとても遅いです。', 'ja', ['決済', 'ページ', '遅い'], ['決済ページ']],
    ['結帳頁面太慢了', 'zh-Hant', ['結帳', '頁', '面', '太慢'], ['結帳頁', '頁面', '面太慢']],
    [
      'หน้าชำระเงินช้ามาก ไม่ดีเลย',
      'th',
      ['หน้า', 'ชำระ', 'เงิน', 'ช้า', 'ไม่', 'ดี'],
      ['หน้าชำระ', 'ชำระเงิน', 'เงินช้า', 'ไม่ดี'],
    ],
    // Turkish lowercases its own way: İ → i, I → ı.
    [
      'İSTANBUL şubesi KAPALI',
      'tr-TR',
      ['istanbul', 'şubesi', 'kapalı'],
      ['istanbul şubesi', 'şubesi kapalı'],
    ],
    // A number between two words breaks the phrase, as a dropped stop word does.
    ['Order 12345 took 3 days, x', 'en', ['order', 'took', 'days'], []],
  ])('%j (%s)', (comment, locale, words, phrases) => {
    expect(commentTerms(comment, locale)).toEqual({ words, phrases });
  });
});

describe('CommentThemes', () => {
  it('finds, per kind and band, the words and phrases of most comments (hand-counted fixture)', () => {
    const themes = new CommentThemes();
    for (const answer of [
      stored(2, 'The checkout page crashed.'),
      stored(4, 'Checkout page is slow'),
      stored(0, 'Slow, slow, slow!'), // counted once per comment
      stored(5, '決済ページがとても遅いです。', 'ja'),
      stored(3, '決済ページが落ちました。', 'ja'),
      stored(8, 'ok'),
      stored(10, 'Fast checkout'),
      stored(9, 'Fast and friendly'),
      stored(9, undefined),
      stored(10, '   '),
    ]) {
      themes.add(answer);
    }
    expect(themes.result()).toEqual([
      {
        kind: 'nps',
        band: 'detractor',
        comments: 5,
        words: [
          { text: 'checkout', count: 2 },
          { text: 'page', count: 2 },
          { text: 'slow', count: 2 },
          { text: 'ページ', count: 2 },
          { text: '決済', count: 2 },
        ],
        phrases: [
          { text: 'checkout page', count: 2 },
          { text: '決済ページ', count: 2 },
        ],
      },
      { kind: 'nps', band: 'passive', comments: 1, words: [], phrases: [] },
      {
        kind: 'nps',
        band: 'promoter',
        comments: 2,
        words: [{ text: 'fast', count: 2 }],
        phrases: [],
      },
    ]);
  });
});
