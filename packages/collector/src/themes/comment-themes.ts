import {
  type BandThemes,
  SURVEY_KIND_TABLE,
  SURVEY_KINDS,
  type SurveyKind,
  scoreBand,
  type Theme,
} from '@hark/protocol';
import type { StoredResponse } from '../storage/response-store.js';
import { commentTerms } from './comment-terms.js';

interface Tally {
  comments: number;
  readonly words: Map<string, number>;
  readonly phrases: Map<string, number>;
}

/**
 * Counts, per kind and score band, the words and two-word phrases of the comments, each at most
 * once per comment, and keeps the most frequent: `top` of each, seen in at least `minCount`
 * comments. Answers are fed one at a time, so any number can pass through.
 */
export class CommentThemes {
  readonly #tallies = new Map<string, Tally>();
  readonly #top: number;
  readonly #minCount: number;

  constructor({ top = 10, minCount = 2 }: { top?: number; minCount?: number } = {}) {
    this.#top = top;
    this.#minCount = minCount;
  }

  add({ response }: StoredResponse): void {
    this.addAnswer(response);
  }

  /** Counts one answer's comment (what `add` does, on the fields themes read). */
  addAnswer(answer: {
    readonly kind: SurveyKind;
    readonly score: number;
    readonly comment?: string | undefined;
    readonly locale: string;
  }): void {
    const comment = answer.comment?.trim();
    if (!comment) return;
    const key = `${answer.kind}/${scoreBand(answer.kind, answer.score)}`;
    let tally = this.#tallies.get(key);
    if (tally === undefined) {
      tally = { comments: 0, words: new Map(), phrases: new Map() };
      this.#tallies.set(key, tally);
    }
    tally.comments++;
    const { words, phrases } = commentTerms(comment, answer.locale);
    for (const word of new Set(words)) tally.words.set(word, (tally.words.get(word) ?? 0) + 1);
    for (const phrase of new Set(phrases)) {
      tally.phrases.set(phrase, (tally.phrases.get(phrase) ?? 0) + 1);
    }
  }

  /** The themes found, kinds and bands in scale order (bands without comments left out). */
  result(): BandThemes[] {
    const out: BandThemes[] = [];
    for (const kind of SURVEY_KINDS) {
      for (const { band } of SURVEY_KIND_TABLE[kind].bands) {
        const tally = this.#tallies.get(`${kind}/${band}`);
        if (tally === undefined) continue;
        out.push({
          kind,
          band,
          comments: tally.comments,
          words: this.#best(tally.words),
          phrases: this.#best(tally.phrases),
        });
      }
    }
    return out;
  }

  /** Most frequent first; ties in code-unit order, so the result does not depend on input order. */
  #best(counts: ReadonlyMap<string, number>): Theme[] {
    return [...counts]
      .filter(([, count]) => count >= this.#minCount)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, this.#top)
      .map(([text, count]) => ({ text, count }));
  }
}
