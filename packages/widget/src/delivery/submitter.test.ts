import { spyOn } from '@vitest/spy';
import { collectorUrl } from '../testing/collector.js';
import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import '../components/nps/hark-nps.js';
import type { HarkNps } from '../components/nps/hark-nps.component.js';
import { cleanup, fixture } from '../testing/dom.js';
import { Delivery } from './delivery.js';
import { outboxSubmitter, toResponse } from './submitter.js';

const COLLECTOR = collectorUrl();

afterEach(cleanup);

describe('toResponse', () => {
  it('builds a wire-protocol-v1 response with a UUIDv7 made at answer time', () => {
    document.documentElement.lang = 'fr-CA';
    const now = Date.parse('2026-11-25T10:00:00.000Z');
    const response = toResponse(
      { surveyId: 's', kind: 'csat', score: 4, comment: 'Bien', variant: 'b' },
      { visitorId: 'visitor_123', metadata: { plan: 'pro' } },
      now,
    );
    expect(response).toEqual({
      id: expect.stringMatching(
        /^0[0-9a-f]{7}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      surveyId: 's',
      kind: 'csat',
      score: 4,
      comment: 'Bien',
      locale: 'fr-CA',
      pageUrl: location.href,
      answeredAt: '2026-11-25T10:00:00.000Z',
      variant: 'b',
      visitorId: 'visitor_123',
      metadata: { plan: 'pro' },
      sdk: { name: '@hark/widget', version: '0.1.0' },
    });
    // The first 48 bits are the answer's millisecond.
    expect(Number.parseInt(response.id.replaceAll('-', '').slice(0, 12), 16)).toBe(now);
    document.documentElement.lang = '';
  });

  it('cleans and cuts metadata values so the collector never refuses the answer for them', async () => {
    const response = toResponse(
      { surveyId: 'metadata-clean', kind: 'nps', score: 9 },
      {
        metadata: {
          bell: 'ring\u0007 \u0085me',
          long: 'x'.repeat(600),
          emoji: '😀'.repeat(600),
          half: 'a\ud800b',
          plain: 'pro',
        },
      },
    );
    expect(response.metadata).toEqual({
      bell: 'ring me',
      long: 'x'.repeat(500),
      emoji: '😀'.repeat(500),
      half: 'a\ufffdb',
      plain: 'pro',
    });
    const stored = await fetch(`${COLLECTOR}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, responses: [response] }),
    });
    expect(stored.status).toBe(202);
  });

  it('sends the locale the survey was shown in before any other', () => {
    document.documentElement.lang = 'de';
    const unsaid = { surveyId: 's', kind: 'nps', score: 9 } as const;
    const shown = { ...unsaid, locale: 'ar' };
    expect(toResponse(shown, { locale: 'fr' }).locale).toBe('ar');
    expect(toResponse(unsaid, { locale: 'fr' }).locale).toBe('fr');
    expect(toResponse(unsaid).locale).toBe('de');
    document.documentElement.lang = '';
    expect(toResponse(unsaid).locale).toBe('en');
  });
});

describe('a survey wired to the outbox', () => {
  it('says thank you only after the answer is in IndexedDB, and the collector stores it', async () => {
    const surveyId = `wired-${Date.now()}`;
    const delivery = await Delivery.create({
      endpoint: `${COLLECTOR}/v1/responses`,
      name: `hark-wired-${Date.now()}`,
    });
    const writes = spyOn(delivery, 'enqueue');
    const el = await fixture<HarkNps>(
      `<hark-nps survey-id="${surveyId}" locale="zh-TW" no-follow-up></hark-nps>`,
    );
    el.submitter = outboxSubmitter(delivery);
    el.score = 8;
    await el.updateComplete;
    // Wait on the delivery's acknowledgement, not on a poll with a deadline (issue 15).
    const delivered = new Promise((resolve) =>
      delivery.addEventListener('hark-delivered', resolve, { once: true }),
    );
    el.shadowRoot?.querySelector<HTMLButtonElement>('.submit')?.click();
    await delivered;
    expect(el.state).toBe('thanks');
    expect(writes).toHaveBeenCalledTimes(1);
    await expect(writes.mock.results[0]?.value).resolves.toBeUndefined();
    const body = await (await fetch(`${COLLECTOR}/results?surveyId=${surveyId}`)).json();
    expect(body.kinds[0]?.overall.count).toBe(1);
    // Stored with the locale it was shown in (zh-TW → zh-Hant).
    expect(body.kinds[0]?.byLocale.map((g: { key: string }) => g.key)).toEqual(['zh-Hant']);
    delivery.stop();
  });
});
