import type { ScoreBand, SurveyKind } from '@hark/protocol';

/** What the dashboard reads from the collector (same origin, the session cookie carries the sign-in). */

export interface Summary {
  readonly kind: SurveyKind;
  readonly count: number;
  readonly score: number | null;
  readonly marginOfError: number | null;
}

export interface Group extends Summary {
  readonly key: string | null;
}

export interface KindResults {
  readonly kind: SurveyKind;
  readonly overall: Summary;
  readonly byDay: readonly Group[];
  readonly byWeek: readonly Group[];
  readonly byLocale: readonly Group[];
  readonly byVariant: readonly Group[];
  readonly byPage: readonly Group[];
  readonly distribution: readonly { readonly score: number; readonly count: number }[];
}

export interface Theme {
  readonly text: string;
  readonly count: number;
}

export interface BandThemes {
  readonly kind: SurveyKind;
  readonly band: ScoreBand;
  readonly comments: number;
  readonly words: readonly Theme[];
  readonly phrases: readonly Theme[];
}

export interface Comment {
  readonly id: string;
  readonly kind: SurveyKind;
  readonly score: number;
  readonly band: ScoreBand;
  readonly comment: string;
  readonly locale: string;
  readonly answeredAt: string;
  readonly variant?: string;
}

/** Thrown when the collector wants a sign-in. */
export class SignInNeeded extends Error {}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 401) throw new SignInNeeded('sign in');
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const results = (surveyId: string) =>
  get<{ kinds: KindResults[] }>(`../results?surveyId=${encodeURIComponent(surveyId)}`);

export const themes = (surveyId: string) =>
  get<{ themes: BandThemes[] }>(`../themes?surveyId=${encodeURIComponent(surveyId)}`);

export const comments = (surveyId: string, band: string, q: string) =>
  get<{ comments: Comment[] }>(
    `../comments?surveyId=${encodeURIComponent(surveyId)}&limit=20${band ? `&band=${band}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );

/** Trades the admin token for a session cookie; false when the token is wrong. */
export async function signIn(token: string): Promise<boolean> {
  const response = await fetch('../session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    credentials: 'same-origin',
  });
  return response.status === 204;
}
