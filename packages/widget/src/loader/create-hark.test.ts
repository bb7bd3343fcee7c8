import { collectorUrl } from '../testing/collector.js';
import { cleanup } from '../testing/dom.js';
import { expect } from '../testing/expect.js';
import { afterEach, beforeEach, describe, it } from '../testing/suite.js';
import { waitFor } from '../testing/wait-for.js';
import { createHark, type HarkApi } from './create-hark.js';
import type { Trigger } from './survey-config.js';
import type { UiModule } from './ui-module.js';
import { refused } from './visitor-state.js';

const COLLECTOR = `${collectorUrl()}/v1/responses`;

/** What reaches the page's own error handlers: must stay empty. */
let thrown: unknown[] = [];
const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);

beforeEach(() => {
  thrown = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  cleanup();
  localStorage.clear();
});

/** An instance with the real survey UI, counting how often it was asked to show one. */
function instance(surveyId: string, trigger: Trigger, wrap?: (ui: UiModule) => UiModule) {
  const loads = { count: 0 };
  const hark = createHark(
    {
      collector: COLLECTOR,
      recontactDays: 0,
      surveys: [{ id: surveyId, kind: 'csat', presentation: 'inline', target: '#slot', trigger }],
    },
    async () => {
      loads.count++;
      const ui: UiModule = await import('./mount-survey.js');
      return wrap ? wrap(ui) : ui;
    },
  );
  return { hark, loads };
}

function slot(): HTMLElement {
  const element = document.createElement('div');
  element.id = 'slot';
  document.body.append(element);
  return element;
}

const surveysIn = (element: Element) => element.querySelectorAll('hark-survey').length;

/** Resolves when a survey is in the slot. */
const shown = (element: Element) =>
  waitFor(
    () => {
      if (surveysIn(element) === 0) throw new Error('no survey yet');
    },
    { timeout: 10_000 },
  );

describe('createHark().destroy()', () => {
  it('create → destroy → create (React StrictMode) arms an event trigger once', async () => {
    const where = slot();
    const first = instance('strict-event', { on: 'event', name: 'checkout' });
    first.hark.destroy();
    const second = instance('strict-event', { on: 'event', name: 'checkout' });
    // `track` runs each armed trigger synchronously, up to the UI's load.
    second.hark.track('checkout');
    expect(first.loads.count).toBe(0);
    expect(second.loads.count).toBe(1);
    await shown(where);
    expect(surveysIn(where)).toBe(1);
    expect(thrown).toEqual([]);
  });

  it('create → destroy → create arms a delay trigger once, and the destroyed one never fires', async () => {
    const where = slot();
    const first = instance('strict-delay', { on: 'delay', seconds: 0.05 });
    first.hark.destroy();
    const second = instance('strict-delay', { on: 'delay', seconds: 0.05 });
    // Timers of the same delay fire in the order they were set: by the time the second has
    // shown its survey, the first would have fired had it not been cleared.
    await shown(where);
    expect(second.loads.count).toBe(1);
    expect(first.loads.count).toBe(0);
    expect(surveysIn(where)).toBe(1);
    expect(thrown).toEqual([]);
  });

  it('after destroy, track shows nothing, no timer fires, and every call is harmless', async () => {
    const where = slot();
    const destroyed = instance('after-destroy', { on: 'delay', seconds: 0.05 });
    const tracked = instance('after-destroy-event', { on: 'event', name: 'go' });
    destroyed.hark.destroy();
    tracked.hark.destroy();
    tracked.hark.track('go');
    expect(tracked.loads.count).toBe(0);
    expect(await tracked.hark.show('after-destroy-event')).toBe(false);
    tracked.hark.identify({ plan: 'pro' });
    tracked.hark.destroy(); // twice: nothing more to do
    expect(tracked.hark.visitorId).toBeUndefined();
    // A later instance with the same delay is the witness: once it has fired, so would have the
    // destroyed one.
    const witness = instance('after-destroy-witness', { on: 'delay', seconds: 0.05 });
    await shown(where);
    expect(witness.loads.count).toBe(1);
    expect(destroyed.loads.count + tracked.loads.count).toBe(0);
    expect(surveysIn(where)).toBe(1);
    expect(thrown).toEqual([]);
  });

  it('removes the surveys it showed', async () => {
    const where = slot();
    const { hark } = instance('removed', { on: 'manual' });
    expect(await hark.show('removed')).toBe(true);
    expect(surveysIn(where)).toBe(1);
    hark.destroy();
    expect(surveysIn(where)).toBe(0);
    expect(thrown).toEqual([]);
  });

  it('a survey that finishes mounting after destroy is taken away at once', async () => {
    const where = slot();
    let hark: HarkApi | undefined;
    const made = instance('mid-mount', { on: 'manual' }, (ui) => ({
      ...ui,
      mountSurvey: (request) => {
        const mounting = ui.mountSurvey(request);
        hark?.destroy(); // the component unmounts while the survey is on its way
        return mounting;
      },
    }));
    hark = made.hark;
    expect(await hark.show('mid-mount')).toBe(false);
    expect(made.loads.count).toBe(1);
    expect(surveysIn(where)).toBe(0);
    expect(thrown).toEqual([]);
  });

  it('still records a withdrawal of consent after destroy (the visitor’s choice outlives the component)', () => {
    const { hark } = instance('consent-after', { on: 'manual' });
    hark.destroy();
    hark.consent(false);
    expect(refused()).toBe(true);
    expect(thrown).toEqual([]);
  });
});
