// What the dashboard reads from the collector (same origin, the session cookie carries the
// sign-in), typed by @hark/protocol as the collector writes it.
import type { CommentsBody, ResultsBody, ThemesBody } from '@hark/protocol';

/** Thrown when the collector wants a sign-in. */
export class SignInNeeded extends Error {}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 401) throw new SignInNeeded('sign in');
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const results = (surveyId: string) =>
  get<ResultsBody>(`../results?surveyId=${encodeURIComponent(surveyId)}`);

export const themes = (surveyId: string) =>
  get<ThemesBody>(`../themes?surveyId=${encodeURIComponent(surveyId)}`);

export const comments = (surveyId: string, band: string, q: string) =>
  get<CommentsBody>(
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
