import { fn } from '@vitest/spy';
import type { HarkSurvey } from '../components/survey/hark-survey.component.js';
import { keyboard } from '../testing/browser.js';
import { collectorUrl } from '../testing/collector.js';
import { cleanup, deepActiveElement } from '../testing/dom.js';
import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import { waitFor } from '../testing/wait-for.js';
import { mountSurvey } from './mount-survey.js';
import type { MountRequest } from './ui-module.js';

const ENDPOINT = `${collectorUrl()}/v1/responses`;

afterEach(() => {
  cleanup();
});

/** What the script-tag loader asks for: a survey appended to the page, closed and then removed. */
async function mountTab(onClosed: () => void): Promise<HarkSurvey> {
  const request: MountRequest = {
    definition: { id: 'tab-focus', kind: 'nps' },
    presentation: 'tab',
    collector: ENDPOINT,
    visitorId: 'v1',
    metadata: {},
    scrubPii: false,
    onAnswered: () => {},
    onClosed,
  };
  const survey = (await mountSurvey(request)) as unknown as HarkSurvey;
  await survey.updateComplete;
  return survey;
}

function launcherOf(survey: HarkSurvey): HTMLElement {
  return survey.shadowRoot?.querySelector('.launcher') as HTMLElement;
}

describe('a tab survey from the script tag, closed and taken off the page (2.4.3)', () => {
  for (const [how, keys] of [
    ['Escape', '{Escape}'],
    ['the close button', '{Shift>}{Tab}{/Shift}{Enter}'],
  ] as const) {
    it(`closed with ${how}: focus goes to the page’s main, never <body>`, async () => {
      document.body.innerHTML = '<main><h1>Shop</h1><a href="#cart">Cart</a></main>';
      const closed = fn();
      const survey = await mountTab(closed);
      launcherOf(survey).focus();
      await keyboard('{Enter}');
      await waitFor(() => expect(deepActiveElement()?.getAttribute('type')).toBe('radio'));
      await keyboard(keys);
      await waitFor(() => expect(survey.isConnected).toBe(false));
      expect(closed).toHaveBeenCalledWith(false);
      expect(document.activeElement).not.toBe(document.body);
      expect(document.activeElement?.localName).toBe('main');
      // Tab goes on from there, into the page.
      await keyboard('{Tab}');
      expect(document.activeElement?.textContent).toBe('Cart');
    });
  }

  it('mounted in the middle of the page: focus goes to what follows it', async () => {
    document.body.innerHTML = '<a href="#a">Before</a><a href="#b">After</a>';
    const survey = await mountTab(() => {});
    document.body.firstElementChild?.after(survey);
    launcherOf(survey).focus();
    await keyboard('{Enter}');
    await waitFor(() => expect(deepActiveElement()?.getAttribute('type')).toBe('radio'));
    await keyboard('{Escape}');
    await waitFor(() => expect(survey.isConnected).toBe(false));
    expect(document.activeElement?.textContent).toBe('After');
  });
});
