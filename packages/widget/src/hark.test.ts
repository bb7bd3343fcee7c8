import { createHark } from './hark.js';
import { collectorUrl } from './testing/collector.js';
import { cleanup } from './testing/dom.js';
import { expect } from './testing/expect.js';
import { afterEach, describe, it } from './testing/suite.js';
import { waitFor } from './testing/wait-for.js';

const COLLECTOR = collectorUrl();

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('createHark (the script tag’s API, from npm)', () => {
  it('shows an inline survey where it is told, and delivers the answer to the collector', async () => {
    const surveyId = `esm-${Date.now()}`;
    const slot = document.createElement('div');
    slot.id = 'feedback-slot';
    document.body.append(slot);
    const hark = createHark({
      collector: `${COLLECTOR}/v1/responses`,
      recontactDays: 0,
      surveys: [
        {
          id: surveyId,
          kind: 'ces',
          presentation: 'inline',
          target: '#feedback-slot',
          trigger: { on: 'event', name: 'done' },
        },
      ],
    });
    hark.track('done');
    const survey = await waitFor(() => {
      const el = slot.querySelector('hark-survey');
      if (el === null) throw new Error('not yet');
      return el;
    });
    const inner = await waitFor(() => {
      const el = survey.shadowRoot?.querySelector('hark-ces');
      if (!el?.shadowRoot?.querySelector('input')) throw new Error('not yet');
      return el;
    });
    inner.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[6]?.click();
    await inner.updateComplete;
    inner.shadowRoot?.querySelector<HTMLButtonElement>('.submit')?.click();
    await waitFor(() => expect(inner.state).toBe('thanks'));
    // The row is the proof of delivery: look until it is there, bounded by the test's own
    // timeout rather than a second of vi.waitFor (retries and a loaded machine take longer).
    for (;;) {
      const body = await (await fetch(`${COLLECTOR}/results?surveyId=${surveyId}`)).json();
      if (body.kinds[0]?.overall.count === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(hark.visitorId).toMatch(/^[0-9a-f-]{36}$/);
    // Answered: the same trigger again shows nothing.
    inner.dismiss();
    await waitFor(() => expect(slot.querySelector('hark-survey')).toBeNull());
    hark.track('done');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slot.querySelector('hark-survey')).toBeNull();
  });

  it('create → show → destroy → create again (StrictMode): the new instance still delivers', async () => {
    const surveyId = `esm-strict-${Date.now()}`;
    const slot = document.createElement('div');
    slot.id = 'feedback-slot';
    document.body.append(slot);
    const options = {
      collector: `${COLLECTOR}/v1/responses`,
      recontactDays: 0,
      surveys: [
        {
          id: surveyId,
          kind: 'csat' as const,
          presentation: 'inline' as const,
          target: '#feedback-slot',
          trigger: { on: 'manual' as const },
        },
      ],
    };
    const first = createHark(options);
    expect(await first.show(surveyId)).toBe(true);
    // Its Delivery is stopped with it; the next instance starts its own on the same outbox.
    first.destroy();
    expect(slot.querySelector('hark-survey')).toBeNull();
    const second = createHark(options);
    expect(await second.show(surveyId)).toBe(true);
    const survey = slot.querySelector('hark-survey');
    const inner = await waitFor(() => {
      const el = survey?.shadowRoot?.querySelector('hark-csat');
      if (!el?.shadowRoot?.querySelector('input')) throw new Error('not yet');
      return el;
    });
    inner.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[4]?.click();
    await inner.updateComplete;
    inner.shadowRoot?.querySelector<HTMLButtonElement>('.submit')?.click();
    for (;;) {
      const body = await (await fetch(`${COLLECTOR}/results?surveyId=${surveyId}`)).json();
      if (body.kinds[0]?.overall.count === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    second.destroy();
  });
});
