import type { SurveyKind } from '@hark/protocol';
import type { StoredResponse } from '../storage/response-store.js';

/** What themes need of an answer, and no more: all that crosses to the themes thread. */
export interface ThemeInput {
  readonly kind: SurveyKind;
  readonly score: number;
  readonly comment: string;
  readonly locale: string;
}

/** The answers of a page that have a comment, as themes read them. */
export function themeInputs(page: readonly StoredResponse[]): ThemeInput[] {
  const inputs: ThemeInput[] = [];
  for (const { response } of page) {
    if (response.comment === undefined) continue;
    inputs.push({
      kind: response.kind,
      score: response.score,
      comment: response.comment,
      locale: response.locale,
    });
  }
  return inputs;
}

/** A message to the themes thread: open a job, feed it answers, or take its result. */
export type ThemesRequest =
  | { readonly job: number; readonly op: 'add'; readonly inputs: readonly ThemeInput[] }
  | { readonly job: number; readonly op: 'result' }
  | { readonly job: number; readonly op: 'drop' };

/** The thread's answer to an `add` (done, send more) or a `result`. */
export type ThemesReply =
  | { readonly ready: true }
  | { readonly job: number; readonly ok: true; readonly value?: unknown }
  | { readonly job: number; readonly ok: false; readonly message: string };
