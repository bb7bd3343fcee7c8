import { STOP_WORDS } from './stop-words.js';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let found = segmenters.get(locale);
  if (found === undefined) {
    try {
      found = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      found = new Intl.Segmenter('en', { granularity: 'word' }); // a locale ICU refuses
    }
    segmenters.set(locale, found);
  }
  return found;
}

/** Scripts written without spaces between words: a phrase's words are joined without one. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const NUMBER = /^[\p{N}.,]+$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;

/**
 * The languages whose lowercase differs from the default (Unicode SpecialCasing: Lithuanian's
 * dotted i, Turkish and Azeri dotless i). Elsewhere `toLowerCase()` gives the same words, and is
 * ~100× faster than `toLocaleLowerCase` with a region or script in the locale.
 */
const LOCALE_LOWERCASE = new Set(['lt', 'tr', 'az']);

/** What a comment says, as meaningful words, and the two-word phrases they make. */
export interface CommentTerms {
  readonly words: readonly string[];
  readonly phrases: readonly string[];
}

/**
 * Splits a comment into words with `Intl.Segmenter` (so Chinese, Japanese and Thai, written
 * without spaces, split into words too), lowercased in the comment's locale, without stop words of
 * its language, numbers or single Latin letters. A phrase is two such words that stood side by
 * side in the comment (nothing dropped between them, no punctuation).
 */
export function commentTerms(comment: string, locale: string): CommentTerms {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const stop = STOP_WORDS[language] ?? STOP_WORDS.en;
  const localeLowercase = LOCALE_LOWERCASE.has(language);
  const words: string[] = [];
  const phrases: string[] = [];
  let previous: string | undefined;
  for (const segment of segmenter(locale).segment(comment)) {
    if (!segment.isWordLike) {
      // Spaces keep a phrase going; punctuation ends it.
      if (segment.segment.trim() !== '') previous = undefined;
      continue;
    }
    const word = localeLowercase
      ? segment.segment.toLocaleLowerCase(locale)
      : segment.segment.toLowerCase();
    if (stop?.has(word) || NUMBER.test(word) || LATIN_LETTER.test(word)) {
      previous = undefined;
      continue;
    }
    words.push(word);
    if (previous !== undefined) {
      const joiner =
        UNSPACED.test(previous.at(-1) ?? '') && UNSPACED.test(word[0] ?? '') ? '' : ' ';
      phrases.push(`${previous}${joiner}${word}`);
    }
    previous = word;
  }
  return { words, phrases };
}
