import { SURVEY_KIND_TABLE, SURVEY_KINDS } from '@hark/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '../alerts/alert-rule.js';
import type { HarkResponse } from '../protocol/schema.js';
import { npsResponse } from '../testing/fixtures.js';
import { validateSubmission } from '../validation/validate-submission.js';
import type { ResponseStore } from './response-store.js';

/**
 * The behaviour every ResponseStore must have, run against each real back-end. `open` returns
 * a store on an empty database of its own.
 */
export function describeResponseStore(
  name: string,
  open: (alerts?: readonly AlertRule[]) => Promise<ResponseStore>,
): void {
  describe(`${name}: the ResponseStore contract`, () => {
    let store: ResponseStore;
    const receivedAt = new Date('2026-11-25T12:00:00.000Z');

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores a batch and reads each answer back in wire shape', async () => {
      const full = npsResponse({ answeredAt: '2026-11-20T10:15:30.123Z' });
      const minimal = { ...npsResponse({ kind: 'ces', score: 2 }) } as Partial<HarkResponse>;
      delete minimal.comment;
      delete minimal.variant;
      delete minimal.visitorId;
      delete minimal.metadata;
      const outcome = await store.insert([full, minimal as HarkResponse], receivedAt);
      expect(outcome).toEqual({ stored: [full.id, minimal.id], duplicates: [], erased: [] });
      expect(await store.get(full.id)).toEqual({
        response: full,
        receivedAt: '2026-11-25T12:00:00.000Z',
      });
      expect(await store.get(minimal.id as string)).toEqual({
        response: minimal,
        receivedAt: '2026-11-25T12:00:00.000Z',
      });
    });

    it('stores every extreme the validator accepts, unchanged', async () => {
      // Drift guard between validation and storage: anything accepted must be storable as is.
      const extremes = [
        npsResponse({
          comment: `${'é😀\t\n'.repeat(399)}abcde`, // 2000 UTF-16 units, astral characters, tab and line feed
          metadata: Object.fromEntries(
            Array.from({ length: 20 }, (_, i) => [`k_${'x'.repeat(60)}${i}`, 'ü'.repeat(500)]),
          ),
          pageUrl: `https://a.example/${'p'.repeat(2048 - 18)}`,
          surveyId: 's'.repeat(64),
          variant: 'v'.repeat(64),
          visitorId: 'v'.repeat(64),
          answeredAt: '2000-01-01T00:00:00.000Z',
          sdk: { name: 'n'.repeat(64), version: '1.0.0-rc.1+build.5' },
        }),
        npsResponse({ kind: 'nps', score: 0, comment: '' }),
        npsResponse({ kind: 'ces', score: 7, answeredAt: '2026-11-26T11:59:59.999Z' }),
      ];
      // Every fixture is one the validator accepts (at this clock), so the test means what it says.
      const check = validateSubmission(
        { protocol: 1, responses: extremes },
        { now: Date.parse('2026-11-25T12:00:00Z') },
      );
      expect(check.ok ? [] : check.issues).toEqual([]);
      expect((await store.insert(extremes, receivedAt)).stored).toHaveLength(3);
      for (const response of extremes)
        expect((await store.get(response.id))?.response).toEqual(response);
    });

    it('stores every kind of the kinds table at both ends of its scale', async () => {
      // The stores' CHECK constraints are migrations, changed by hand (ADR 0006): a kind added to
      // @hark/protocol's table without a migration in every store fails here.
      const answers = SURVEY_KINDS.flatMap((kind) => {
        const { min, max } = SURVEY_KIND_TABLE[kind].score;
        return [npsResponse({ kind, score: min }), npsResponse({ kind, score: max })];
      });
      const outcome = await store.insert(answers, receivedAt);
      expect(outcome.stored).toEqual(answers.map((answer) => answer.id));
      for (const answer of answers) expect((await store.get(answer.id))?.response).toEqual(answer);
    });

    it('stores offsets PostgreSQL alone would refuse, and rounds sub-millisecond times down, alike', async () => {
      const farEast = npsResponse({
        surveyId: 'instants',
        answeredAt: '2026-01-01T10:00:00+23:59',
      });
      const lastTick = npsResponse({
        surveyId: 'instants',
        answeredAt: '2026-01-01T23:59:59.9999999Z',
      });
      await store.insert([farEast, lastTick], receivedAt);
      expect((await store.get(farEast.id))?.response.answeredAt).toBe('2025-12-31T10:01:00.000Z');
      expect((await store.get(lastTick.id))?.response.answeredAt).toBe('2026-01-01T23:59:59.999Z');
      expect(await store.countScores({ surveyId: 'instants' }, 'day')).toEqual([
        { kind: 'nps', group: '2025-12-31', score: 9, count: 1 },
        { kind: 'nps', group: '2026-01-01', score: 9, count: 1 },
      ]);
    });

    it('stores locales in their canonical spelling, so results group them once', async () => {
      const spellings = ['en-US', 'EN-us', 'en-us'].map((locale) =>
        npsResponse({ surveyId: 'locales', locale }),
      );
      await store.insert(
        [...spellings, npsResponse({ surveyId: 'locales', locale: 'zh-hant-tw' })],
        receivedAt,
      );
      expect(
        (await store.countScores({ surveyId: 'locales' }, 'locale')).map((row) => [
          row.group,
          row.count,
        ]),
      ).toEqual([
        ['en-US', 3],
        ['zh-Hant-TW', 1],
      ]);
    });

    it('normalises answeredAt to UTC', async () => {
      const response = npsResponse({ answeredAt: '2026-11-20T23:30:00+02:00' });
      await store.insert([response], receivedAt);
      expect((await store.get(response.id))?.response.answeredAt).toBe('2026-11-20T21:30:00.000Z');
    });

    it('stores each id once when the same batch arrives three times', async () => {
      const batch = [npsResponse(), npsResponse(), npsResponse()];
      const ids = batch.map((r) => r.id);
      expect(await store.insert(batch, receivedAt)).toEqual({
        stored: ids,
        duplicates: [],
        erased: [],
      });
      expect(await store.insert(batch, receivedAt)).toEqual({
        stored: [],
        duplicates: ids,
        erased: [],
      });
      expect(await store.insert(batch, receivedAt)).toEqual({
        stored: [],
        duplicates: ids,
        erased: [],
      });
      expect(await store.count()).toBe(3);
    });

    it('keeps the first copy of a re-sent id, even if the re-send differs', async () => {
      const first = npsResponse({ score: 10 });
      await store.insert([first], receivedAt);
      const outcome = await store.insert([{ ...first, score: 0 }, npsResponse()], receivedAt);
      expect(outcome.duplicates).toEqual([first.id]);
      expect(outcome.stored).toHaveLength(1);
      expect((await store.get(first.id))?.response.score).toBe(10);
    });

    it('stores the same id once when concurrent requests carry it', async () => {
      const shared = npsResponse();
      const outcomes = await Promise.all([
        store.insert([shared, npsResponse()], receivedAt),
        store.insert([shared], receivedAt),
        store.insert([npsResponse(), shared], receivedAt),
      ]);
      const storedShared = outcomes.filter((o) => o.stored.includes(shared.id));
      expect(storedShared).toHaveLength(1);
      expect(outcomes.flatMap((o) => o.duplicates)).toEqual([shared.id, shared.id]);
      expect(await store.count()).toBe(3);
    });

    it('answers an empty batch without storing anything', async () => {
      expect(await store.insert([], receivedAt)).toEqual({
        stored: [],
        duplicates: [],
        erased: [],
      });
      expect(await store.count()).toBe(0);
    });

    it('returns undefined for an unknown id', async () => {
      expect(await store.get('0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091')).toBeUndefined();
      expect(await store.get('not-a-uuid')).toBeUndefined();
    });

    it('counts scores per kind, overall and grouped by day, locale and variant', async () => {
      const a = (score: number, answeredAt: string, locale: string, variant?: string) =>
        npsResponse({ surveyId: 'grouped', score, answeredAt, locale, variant });
      await store.insert(
        [
          a(10, '2026-11-01T08:00:00Z', 'en', 'a'),
          a(10, '2026-11-01T23:59:59Z', 'fr', 'b'),
          a(3, '2026-11-02T00:00:00Z', 'en', 'a'),
          a(3, '2026-11-02T10:00:00+11:00', 'en', undefined), // 2026-11-01T23:00Z
          npsResponse({ surveyId: 'other', score: 1 }),
        ],
        receivedAt,
      );
      expect(await store.countScores({ surveyId: 'grouped' })).toEqual([
        { kind: 'nps', group: null, score: 3, count: 2 },
        { kind: 'nps', group: null, score: 10, count: 2 },
      ]);
      expect(await store.countScores({ surveyId: 'grouped' }, 'day')).toEqual([
        { kind: 'nps', group: '2026-11-01', score: 3, count: 1 },
        { kind: 'nps', group: '2026-11-01', score: 10, count: 2 },
        { kind: 'nps', group: '2026-11-02', score: 3, count: 1 },
      ]);
      // ISO weeks, in UTC: 2026-11-01 is a Sunday (week 44), the 2nd a Monday (week 45).
      expect(await store.countScores({ surveyId: 'grouped' }, 'week')).toEqual([
        { kind: 'nps', group: '2026-W44', score: 3, count: 1 },
        { kind: 'nps', group: '2026-W44', score: 10, count: 2 },
        { kind: 'nps', group: '2026-W45', score: 3, count: 1 },
      ]);
      expect(await store.countScores({ surveyId: 'grouped' }, 'locale')).toEqual([
        { kind: 'nps', group: 'en', score: 3, count: 2 },
        { kind: 'nps', group: 'en', score: 10, count: 1 },
        { kind: 'nps', group: 'fr', score: 10, count: 1 },
      ]);
      expect(await store.countScores({ surveyId: 'other' }, 'page')).toEqual([
        { kind: 'nps', group: '/checkout/done', score: 1, count: 1 },
      ]);
      const byVariant = await store.countScores({ surveyId: 'grouped' }, 'variant');
      expect(byVariant).toHaveLength(4);
      expect(byVariant).toEqual(
        expect.arrayContaining([
          { kind: 'nps', group: null, score: 3, count: 1 },
          { kind: 'nps', group: 'a', score: 3, count: 1 },
          { kind: 'nps', group: 'a', score: 10, count: 1 },
          { kind: 'nps', group: 'b', score: 10, count: 1 },
        ]),
      );
      expect(
        await store.countScores({
          surveyId: 'grouped',
          from: '2026-11-01T23:00:00Z',
          to: '2026-11-02T00:00:00Z',
        }),
      ).toEqual([
        { kind: 'nps', group: null, score: 3, count: 1 },
        { kind: 'nps', group: null, score: 10, count: 1 },
      ]);
      expect(await store.countScores({ surveyId: 'nobody' })).toEqual([]);
      expect(await store.count('grouped')).toBe(4);
    });

    it('erases one answer: gone from reads and results; a late re-send is acknowledged, not stored', async () => {
      const keep = npsResponse({ surveyId: 'erase-one', score: 10 });
      const gone = npsResponse({ surveyId: 'erase-one', score: 2 });
      await store.insert([keep, gone], receivedAt);
      expect(await store.erase({ responseId: gone.id }, new Date('2026-11-25T13:00:00Z'))).toBe(1);
      expect(await store.get(gone.id)).toBeUndefined();
      expect(await store.get(keep.id)).toBeDefined();
      expect(await store.countScores({ surveyId: 'erase-one' })).toEqual([
        { kind: 'nps', group: null, score: 10, count: 1 },
      ]);
      // The visitor's outbox sends it again: acknowledged as erased, nothing stored.
      expect(await store.insert([gone], receivedAt)).toEqual({
        stored: [],
        duplicates: [],
        erased: [gone.id],
      });
      expect(await store.count('erase-one')).toBe(1);
      // Erasing again, or an id never received, deletes nothing and still leaves a tombstone.
      expect(await store.erase({ responseId: gone.id }, new Date())).toBe(0);
      const early = npsResponse({ surveyId: 'erase-one' });
      expect(await store.erase({ responseId: early.id }, new Date())).toBe(0);
      expect(await store.insert([early], receivedAt)).toEqual({
        stored: [],
        duplicates: [],
        erased: [early.id],
      });
      expect(await store.count('erase-one')).toBe(1);
    });

    it('erases a visitor: every answer given up to the erasure, including ones still on their way', async () => {
      const visitorId = 'visitor-to-forget';
      const at = (answeredAt: string) =>
        npsResponse({ surveyId: 'erase-visitor', visitorId, answeredAt });
      const stored = [at('2026-11-20T10:00:00.000Z'), at('2026-11-21T10:00:00.000Z')];
      const other = npsResponse({ surveyId: 'erase-visitor', visitorId: 'someone-else' });
      await store.insert([...stored, other], receivedAt);
      const erasedAt = new Date('2026-11-22T00:00:00.000Z');
      expect(await store.erase({ visitorId }, erasedAt)).toBe(2);
      expect(await store.count('erase-visitor')).toBe(1);
      for (const r of stored) expect(await store.get(r.id)).toBeUndefined();
      // Re-sent, and one given before the erasure that had not arrived yet: neither is stored.
      const late = at('2026-11-21T23:59:59.999Z');
      expect(await store.insert([stored[0] as HarkResponse, late], receivedAt)).toEqual({
        stored: [],
        duplicates: [],
        erased: [stored[0]?.id, late.id],
      });
      // Given after the erasure (the visitor came back): stored.
      const fresh = at('2026-11-22T00:00:00.001Z');
      expect(await store.insert([fresh], receivedAt)).toEqual({
        stored: [fresh.id],
        duplicates: [],
        erased: [],
      });
      // A second erasure of the same visitor moves the line forward, never back.
      expect(await store.erase({ visitorId }, new Date('2026-11-21T00:00:00.000Z'))).toBe(1);
      expect(await store.count('erase-visitor')).toBe(1);
      const between = at('2026-11-21T12:00:00.000Z');
      expect((await store.insert([between], receivedAt)).erased).toEqual([between.id]);
    });

    it('purges answers given before a cutoff (retention), and only those', async () => {
      const old = npsResponse({ surveyId: 'retention', answeredAt: '2026-01-01T00:00:00.000Z' });
      const edge = npsResponse({ surveyId: 'retention', answeredAt: '2026-06-01T00:00:00.000Z' });
      const recent = npsResponse({ surveyId: 'retention', answeredAt: '2026-11-01T00:00:00.000Z' });
      await store.insert([old, edge, recent], receivedAt);
      expect(await store.purgeBefore(new Date('2026-06-01T00:00:00.000Z'))).toBe(1);
      expect(await store.get(old.id)).toBeUndefined();
      expect(await store.get(edge.id)).toBeDefined();
      expect(await store.count('retention')).toBe(2);
      expect(await store.purgeBefore(new Date('2026-06-01T00:00:00.000Z'))).toBe(0);
    });

    it('exports page by page in (answeredAt, id) order, each answer once, within bounds, without erased ones', async () => {
      const times = [
        '2026-11-01T00:00:00.000Z',
        '2026-11-02T00:00:00.000Z',
        '2026-11-03T00:00:00.000Z',
      ] as const;
      const answers = Array.from({ length: 25 }, (_, i) =>
        npsResponse({ surveyId: 'export', score: i % 11, answeredAt: times[i % 3] }),
      );
      await store.insert([...answers, npsResponse({ surveyId: 'other' })], receivedAt);
      const erased = answers[4] as HarkResponse;
      await store.erase({ responseId: erased.id }, new Date());
      const all: string[] = [];
      let cursor: { answeredAt: string; id: string } | undefined;
      for (;;) {
        const page = await store.exportPage({ surveyId: 'export' }, cursor, 10);
        all.push(...page.map((p) => p.response.id));
        if (page.length < 10) break;
        const last = page.at(-1)?.response as HarkResponse;
        cursor = { answeredAt: last.answeredAt, id: last.id };
      }
      const expected = answers
        .filter((a) => a.id !== erased.id)
        .sort((a, b) =>
          a.answeredAt === b.answeredAt
            ? a.id < b.id
              ? -1
              : 1
            : a.answeredAt < b.answeredAt
              ? -1
              : 1,
        )
        .map((a) => a.id);
      expect(all).toEqual(expected);
      const middle = await store.exportPage(
        { surveyId: 'export', from: times[1], to: times[2] },
        undefined,
        100,
      );
      // Eight answered on the 2nd, one of them erased.
      expect(middle.map((p) => p.response.answeredAt)).toEqual(new Array(7).fill(times[1]));
      // Newest first, page by page: the same answers in reverse.
      const reversed: string[] = [];
      let before: { answeredAt: string; id: string } | undefined;
      for (;;) {
        const page = await store.exportPage({ surveyId: 'export' }, before, 7, true);
        reversed.push(...page.map((p) => p.response.id));
        if (page.length < 7) break;
        const last = page.at(-1)?.response as HarkResponse;
        before = { answeredAt: last.answeredAt, id: last.id };
      }
      expect(reversed).toEqual([...expected].reverse());
      expect((await store.exportPage({ surveyId: 'export' }, undefined, 1))[0]?.receivedAt).toBe(
        '2026-11-25T12:00:00.000Z',
      );
    });

    it('writes alert deliveries with the answers they are about, once, and records attempts', async () => {
      await store.close();
      const rule: AlertRule = {
        id: 'low',
        surveyId: 'alerts',
        when: { scoreAtMost: 6 },
        url: 'https://hooks.example/x',
        secret: 'a-secret-of-sixteen+',
      };
      store = await open([rule, { ...rule, id: 'said', surveyId: '*', when: { comment: true } }]);
      const low = npsResponse({ surveyId: 'alerts', score: 2, comment: 'Too slow' });
      const quiet = npsResponse({ surveyId: 'alerts', score: 5, comment: undefined });
      delete (quiet as { comment?: string }).comment;
      const high = npsResponse({ surveyId: 'alerts', score: 10, comment: '  ' });
      await store.insert([low, quiet, high], receivedAt);
      await store.insert([low], receivedAt); // a re-send queues nothing more
      const due = await store.dueAlerts(new Date('2026-11-25T12:00:00.000Z'), 10);
      expect(due.map((d) => d.id).sort()).toEqual(
        [`${low.id}/low`, `${low.id}/said`, `${quiet.id}/low`].sort(),
      );
      // Claimed: asked again at the same time, nothing is due (another collector would get none).
      expect(await store.dueAlerts(new Date('2026-11-25T12:00:00.000Z'), 10)).toEqual([]);
      // One receiver's rules only: the others' deliveries are neither returned nor claimed.
      const other = npsResponse({ surveyId: 'alerts', score: 1, comment: 'Broken' });
      await store.insert([other], receivedAt);
      const onlySaid = await store.dueAlerts(new Date('2026-11-25T12:00:00.000Z'), 10, ['said']);
      expect(onlySaid.map((d) => d.id)).toEqual([`${other.id}/said`]);
      expect(await store.dueAlerts(new Date('2026-11-25T12:00:00.000Z'), 10, [])).toEqual([]);
      expect(
        (await store.dueAlerts(new Date('2026-11-25T12:00:00.000Z'), 10, ['low'])).map((d) => d.id),
      ).toEqual([`${other.id}/low`]);
      await store.erase({ responseId: other.id }, new Date('2026-11-25T12:00:00.000Z'));
      const first = due.find((d) => d.id === `${low.id}/low`);
      expect(first?.attempts).toBe(0);
      expect(JSON.parse(first?.payload ?? '{}')).toMatchObject({
        id: `${low.id}/low`,
        rule: 'low',
        text: 'NPS 2 on alerts: “Too slow”',
        answer: { id: low.id, score: 2 },
      });
      await store.settleAlert(`${low.id}/low`, { deliveredAt: new Date('2026-11-25T12:00:01Z') });
      await store.settleAlert(`${quiet.id}/low`, {
        retryAt: new Date('2026-11-25T12:10:00Z'),
        error: 'HTTP 503',
      });
      expect(
        (await store.dueAlerts(new Date('2026-11-25T12:05:00Z'), 10)).map((d) => d.id),
      ).toEqual([`${low.id}/said`]);
      const later = await store.dueAlerts(new Date('2026-11-25T12:10:00Z'), 10);
      expect(later.map((d) => [d.id, d.attempts])).toEqual([
        [`${low.id}/said`, 0],
        [`${quiet.id}/low`, 1],
      ]);
      await store.settleAlert(`${low.id}/said`, { deliveredAt: new Date('2026-11-25T12:10:01Z') });
      // Put off without an attempt (its receiver failed in this round): due later, attempts kept.
      await store.settleAlert(`${quiet.id}/low`, { postponedTo: new Date('2026-11-25T12:15:00Z') });
      expect(await store.dueAlerts(new Date('2026-11-25T12:14:00Z'), 10)).toEqual([]);
      expect(
        (await store.dueAlerts(new Date('2026-11-25T12:15:00Z'), 10)).map((d) => [
          d.id,
          d.attempts,
        ]),
      ).toEqual([[`${quiet.id}/low`, 1]]);
      // Erasing the answer takes its deliveries with it; retention takes the rest.
      await store.erase({ responseId: low.id }, new Date('2026-11-25T12:20:00Z'));
      expect(
        (await store.dueAlerts(new Date('2026-11-25T13:00:00Z'), 10)).map((d) => d.id),
      ).toEqual([`${quiet.id}/low`]);
      await store.purgeBefore(new Date('2026-11-26T00:00:00Z'));
      expect(await store.dueAlerts(new Date('2026-11-27T00:00:00Z'), 10)).toEqual([]);
    });

    it('groups by page path: no host, query or fragment, and "/" for none', async () => {
      const at = (pageUrl: string, score: number) =>
        npsResponse({ surveyId: 'pages', pageUrl, score });
      await store.insert(
        [
          at('https://shop.example/checkout/done?order=42', 10),
          at('https://shop.example:8443/checkout/done#top', 6),
          at('http://shop.example', 9),
          at('https://shop.example/?utm=x', 3),
          at('https://shop.example/cart/', 8),
        ],
        receivedAt,
      );
      expect(await store.countScores({ surveyId: 'pages' }, 'page')).toEqual([
        { kind: 'nps', group: '/', score: 3, count: 1 },
        { kind: 'nps', group: '/', score: 9, count: 1 },
        { kind: 'nps', group: '/cart/', score: 8, count: 1 },
        { kind: 'nps', group: '/checkout/done', score: 6, count: 1 },
        { kind: 'nps', group: '/checkout/done', score: 10, count: 1 },
      ]);
    });

    it('rejects every call after close', async () => {
      await store.close();
      await expect(store.insert([npsResponse()], receivedAt)).rejects.toThrow(/closed/);
      store = await open();
    });
  });
}
