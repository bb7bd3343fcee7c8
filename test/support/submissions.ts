import { randomUUID } from 'node:crypto';
import type { HarkResponse, Submission } from '@hark/collector';

/** A valid NPS answer with a fresh id. */
export function answer(overrides: Partial<HarkResponse> = {}): HarkResponse {
  return {
    id: randomUUID(),
    surveyId: 'e2e',
    kind: 'nps',
    score: 8,
    locale: 'en',
    pageUrl: 'https://shop.example/thanks',
    answeredAt: new Date().toISOString(),
    sdk: { name: '@hark/widget', version: '0.1.0' },
    ...overrides,
  } as HarkResponse;
}

export function submissionOf(...responses: HarkResponse[]): Submission {
  return { protocol: 1, responses };
}

/** POSTs a submission to a collector's v1 endpoint. */
export function postSubmission(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
