import '../components/nps/hark-nps.js';
import { keyboard } from '../testing/browser.js';
import { cleanup, deepActiveElement, settle } from '../testing/dom.js';
import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import type { HarkScaleSurvey } from './scale-survey.js';

// When the element focus came from is gone, closing a survey moves focus on to where Tab would go
// after it: through other shadow trees and slots, at a radio group's checked point. Each page is
// built in the light DOM or inside page components, the survey is focused from code (no origin to
// go back to), and Escape closes it.
afterEach(cleanup);

/** A custom element with an open shadow root holding `markup`, defined once per name. */
function component(name: string, markup: string): void {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = markup;
      }
    },
  );
}

/** Focuses the survey's first point from code, then closes it with Escape. */
async function closeFromCode(survey: HarkScaleSurvey): Promise<void> {
  await settle(survey);
  (deepActiveElement() as HTMLElement | null)?.blur();
  (
    (survey.shadowRoot as ShadowRoot).querySelector('input[type="radio"]') as HTMLInputElement
  ).focus();
  await keyboard('{Escape}');
  expect(survey.hidden).toBe(true);
}

const focusedId = () => deepActiveElement()?.id;

describe('focus after a closed survey: where Tab would go next', () => {
  it('a radio group after it: its checked radio, not its first', async () => {
    document.body.innerHTML = `<main><hark-nps></hark-nps>
      <input type="radio" name="size" id="small"><input type="radio" name="size" id="large" checked>
      <button id="after">After</button></main>`;
    await closeFromCode(document.querySelector('hark-nps') as HarkScaleSurvey);
    expect(focusedId()).toBe('large');
  });

  it('a group of the same name in another form does not hide this one’s radios', async () => {
    document.body.innerHTML = `<main><form><hark-nps></hark-nps>
      <input type="radio" name="size" id="here"></form>
      <form><input type="radio" name="size" id="there" checked></form></main>`;
    await closeFromCode(document.querySelector('hark-nps') as HarkScaleSurvey);
    expect(focusedId()).toBe('here');
  });

  it('radios without a name are each a tab stop, a checked one elsewhere or not', async () => {
    document.body.innerHTML = `<main><hark-nps></hark-nps>
      <input type="radio" id="loose"><input type="radio" id="checked" checked></main>`;
    await closeFromCode(document.querySelector('hark-nps') as HarkScaleSurvey);
    expect(focusedId()).toBe('loose');
  });

  it('inside a page component: what follows in the component, not past it to <main>', async () => {
    component(
      'focus-test-app',
      '<button id="before">Before</button><hark-nps></hark-nps><button id="next">Next</button>',
    );
    document.body.innerHTML = '<main><focus-test-app></focus-test-app></main>';
    const app = document.querySelector('focus-test-app') as HTMLElement;
    await closeFromCode(app.shadowRoot?.querySelector('hark-nps') as HarkScaleSurvey);
    expect(focusedId()).toBe('next');
  });

  it('slotted into a card: the card’s own button after the slot comes first', async () => {
    component('focus-test-card', '<slot></slot><button id="card-action">Card action</button>');
    document.body.innerHTML = `<main><focus-test-card><hark-nps></hark-nps></focus-test-card>
      <button id="after">After</button></main>`;
    await closeFromCode(document.querySelector('hark-nps') as HarkScaleSurvey);
    expect(focusedId()).toBe('card-action');
  });

  it('taken off the page by the page’s own hark-dismiss listener: still on to what followed it', async () => {
    document.body.innerHTML = `<main><button id="before">Before</button><hark-nps></hark-nps>
      <button id="after">After</button></main>`;
    const survey = document.querySelector('hark-nps') as HarkScaleSurvey;
    survey.addEventListener('hark-dismiss', () => survey.remove());
    await closeFromCode(survey);
    expect(survey.isConnected).toBe(false);
    expect(focusedId()).toBe('after');
  });
});
