import type { HarkResponse, Submission } from '../protocol/schema.js';

let counter = 0;

/** A UUIDv7-shaped id, unique within the process, so fixtures never collide. */
export function fixtureId(): string {
  counter += 1;
  const hex = (
    Date.now().toString(16).padStart(12, '0') + counter.toString(16).padStart(20, '0')
  ).slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A complete, valid NPS answer; override any field. */
export function npsResponse(
  overrides: Partial<Record<keyof HarkResponse, unknown>> = {},
): HarkResponse {
  return {
    id: fixtureId(),
    surveyId: 'checkout-nps',
    kind: 'nps',
    score: 9,
    comment: 'Quick and clear.',
    locale: 'en-GB',
    pageUrl: 'https://shop.example/checkout/done?order=42',
    answeredAt: '2026-11-20T10:15:30.000Z',
    variant: 'b',
    visitorId: 'v_4f9a2c7d1e',
    metadata: { plan: 'pro', release: '2026.11' },
    sdk: { name: '@hark/widget', version: '0.1.0' },
    ...overrides,
  } as HarkResponse;
}

/** A valid submission of the given answers (one NPS answer by default). */
export function submission(responses: readonly unknown[] = [npsResponse()]): Submission {
  return { protocol: 1, responses } as Submission;
}
