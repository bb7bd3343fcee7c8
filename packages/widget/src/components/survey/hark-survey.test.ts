import { restoreAllMocks, spyOn } from '@vitest/spy';
import type { HarkScaleSurvey } from '../../internal/scale-survey.js';
import { axeViolations } from '../../testing/axe.js';
import { ariaSnapshot, engine, keyboard } from '../../testing/browser.js';
import { cleanup, deepActiveElement, nameFrom, recordEvents } from '../../testing/dom.js';
import { equalAccessFailures } from '../../testing/equal-access.js';
import { expect } from '../../testing/expect.js';
import { afterEach, describe, it } from '../../testing/suite.js';
import { waitFor } from '../../testing/wait-for.js';
import type { HarkSurvey } from './hark-survey.component.js';
import './hark-survey.js';

afterEach(() => {
  cleanup();
  restoreAllMocks();
});

async function mount(definition: unknown, presentation = 'inline'): Promise<HarkSurvey> {
  const page = document.createElement('main');
  page.innerHTML =
    '<button id="host-button">Host button</button><a href="#x" id="host-link">Host link</a>';
  const survey = document.createElement('hark-survey');
  survey.id = 'survey';
  survey.presentation = presentation as HarkSurvey['presentation'];
  survey.definition = definition as HarkSurvey['definition'];
  page.append(survey);
  document.body.append(page);
  await survey.updateComplete;
  return survey;
}

function dialogOf(survey: HarkSurvey): HTMLDialogElement {
  return survey.shadowRoot?.querySelector('dialog') as HTMLDialogElement;
}

function panelOf(survey: HarkSurvey): HTMLElement {
  return survey.shadowRoot?.querySelector('.corner') as HTMLElement;
}

function inner(survey: HarkSurvey): HarkScaleSurvey {
  return survey.shadowRoot?.querySelector('hark-nps, hark-csat, hark-ces') as HarkScaleSurvey;
}

async function settle(survey: HarkSurvey): Promise<void> {
  await survey.updateComplete;
  await inner(survey)?.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('<hark-survey> from a definition', () => {
  it('renders the kind the definition names, with its wording, as text', async () => {
    const survey = await mount({
      id: 'checkout-csat',
      kind: 'csat',
      question: 'How was <b>checkout</b>?',
      look: 'emoji',
      variant: 'b',
      followUp: { detractor: 'What went wrong?' },
    });
    const element = inner(survey);
    await settle(survey);
    expect(element.localName).toBe('hark-csat');
    expect(element.surveyId).toBe('checkout-csat');
    expect(element.variant).toBe('b');
    expect((element as unknown as { look: string }).look).toBe('emoji');
    expect(element.shadowRoot?.querySelector('.question')?.textContent).toBe(
      'How was <b>checkout</b>?',
    );
    expect(await axeViolations(survey)).toEqual([]);
    expect(await equalAccessFailures(survey)).toEqual([]);
  });

  it('reads the definition from its attribute as JSON', async () => {
    document.body.innerHTML = `<hark-survey definition='{"id":"a1","kind":"ces","followUp":false}'></hark-survey>`;
    const survey = document.querySelector('hark-survey') as HarkSurvey;
    await survey.updateComplete;
    expect(inner(survey).localName).toBe('hark-ces');
    expect(inner(survey).noFollowUp).toBe(true);
  });

  it('shows nothing for an invalid definition and says why in the console, with paths', async () => {
    const error = spyOn(console, 'error').mockImplementation(() => {});
    const survey = await mount({ id: '', kind: 'stars' });
    expect(survey.shadowRoot?.childElementCount).toBe(0);
    expect(error).toHaveBeenCalledWith(
      '[hark] <hark-survey>: the survey definition is invalid; nothing is shown.\n' +
        '  /id must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit\n' +
        '  /kind must be one of "nps", "csat", "ces"',
    );
  });

  it('reports a definition attribute that is not JSON', async () => {
    const error = spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = `<hark-survey definition='{"id": nps}'></hark-survey>`;
    await (document.querySelector('hark-survey') as HarkSurvey).updateComplete;
    expect(error.mock.calls[0]?.[0]).toContain('/invalidJson is not a known field');
  });
});

describe('<hark-survey presentation="corner">', () => {
  it('shown automatically: takes no focus, announces itself politely, and is the next tab stop', async () => {
    const survey = await mount({ id: 'c1', kind: 'nps' }, 'corner');
    const hostButton = document.getElementById('host-button') as HTMLElement;
    hostButton.focus();
    survey.show();
    await settle(survey);
    expect(document.activeElement).toBe(hostButton);
    const panel = panelOf(survey);
    expect(panel.matches(':popover-open')).toBe(true);
    expect(survey.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'A short survey is open at the end of the page.',
    );
    await keyboard('{Tab}{Tab}');
    expect(deepActiveElement()?.classList.contains('dismiss')).toBe(true);
    expect(await axeViolations(survey)).toEqual([]);
    expect(await equalAccessFailures(survey)).toEqual([]);
  });

  it('closes from its close button and gives focus back to the page', async () => {
    const survey = await mount({ id: 'c2', kind: 'nps' }, 'corner');
    (document.getElementById('host-link') as HTMLElement).focus();
    survey.show();
    await settle(survey);
    await keyboard('{Tab}{Enter}');
    await settle(survey);
    expect(survey.open).toBe(false);
    expect(panelOf(survey).matches(':popover-open')).toBe(false);
    expect(document.activeElement?.id).toBe('host-link');
  });
});

describe('<hark-survey> never hides the focused element of the page (WCAG 2.4.11)', () => {
  it('moves the card to the top when a focused page element is under it, and back when needed', async () => {
    const survey = await mount({ id: 'c3', kind: 'nps' }, 'corner');
    const underneath = document.createElement('button');
    underneath.textContent = 'Checkout';
    underneath.style.cssText = 'position: fixed; right: 2rem; bottom: 2rem;';
    document.body.append(underneath);
    survey.show();
    await settle(survey);
    const { left, top, width, height } = underneath.getBoundingClientRect();
    const visible = () =>
      document.elementFromPoint(left + width / 2, top + height / 2) === underneath;
    expect(visible()).toBe(false); // covered by the card
    underneath.focus();
    await settle(survey);
    expect(survey.atTop).toBe(true);
    expect(visible()).toBe(true);
    // A page element at the top now: the card goes back down.
    const atTheTop = document.createElement('button');
    atTheTop.textContent = 'Menu';
    atTheTop.style.cssText = 'position: fixed; right: 2rem; top: 2rem;';
    document.body.append(atTheTop);
    atTheTop.focus();
    await settle(survey);
    expect(survey.atTop).toBe(false);
    const box = atTheTop.getBoundingClientRect();
    expect(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).toBe(
      atTheTop,
    );
  });
});

describe('<hark-survey> and a page built of web components', () => {
  it('looks at the focused element inside a page component, not at the component filling the page', async () => {
    const app = document.createElement('div');
    app.style.cssText = 'position: fixed; inset: 0;';
    const root = app.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<button id="menu" style="position: fixed; right: 2rem; top: 2rem">Menu</button>' +
      '<button id="pay" style="position: fixed; right: 2rem; bottom: 2rem">Pay</button>';
    document.body.append(app);
    const survey = await mount({ id: 'c4', kind: 'nps' }, 'corner');
    survey.show();
    await settle(survey);
    const at = (el: Element) => {
      const box = el.getBoundingClientRect();
      return root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    };
    const menu = root.getElementById('menu') as HTMLElement;
    const pay = root.getElementById('pay') as HTMLElement;
    menu.focus(); // at the top: the card, at the bottom, covers nothing of it
    await settle(survey);
    expect(survey.atTop).toBe(false);
    expect(at(menu)).toBe(menu);
    await keyboard('{Tab}'); // to Pay, under the card, inside the same shadow tree
    expect(root.activeElement).toBe(pay);
    await settle(survey);
    expect(survey.atTop).toBe(true);
    expect(at(pay)).toBe(pay);
  });
});

describe('<hark-survey> changing presentation while open', () => {
  it('opens the survey in its new container', async () => {
    const survey = await mount({ id: 'switch', kind: 'nps' }, 'corner');
    survey.show();
    await settle(survey);
    survey.presentation = 'modal';
    await settle(survey);
    expect(dialogOf(survey).open).toBe(true);
    expect(inner(survey)).not.toBeNull();
    survey.hide();
    await settle(survey);
    expect(dialogOf(survey).open).toBe(false);
  });
});

describe('<hark-survey> only shows what is open', () => {
  it('fires hark-shown for a corner or tab survey when it opens, not at page load', async () => {
    const shown: string[] = [];
    document.addEventListener('hark-shown', (e) => shown.push((e as CustomEvent).detail.surveyId));
    const corner = await mount({ id: 'shown-corner', kind: 'nps' }, 'corner');
    await mount({ id: 'shown-tab', kind: 'nps' }, 'tab');
    await settle(corner);
    expect(shown).toEqual([]);
    corner.show();
    await settle(corner);
    expect(shown).toEqual(['shown-corner']);
  });
});

describe('<hark-survey presentation="tab">', () => {
  it('opens from its launcher with focus on the scale; Escape closes it and returns to the launcher', async () => {
    const survey = await mount({ id: 't1', kind: 'ces' }, 'tab');
    const launcher = survey.shadowRoot?.querySelector('.launcher') as HTMLButtonElement;
    expect(launcher.textContent?.trim()).toBe('Feedback');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await axeViolations(survey)).toEqual([]);
    expect(await equalAccessFailures(survey)).toEqual([]);
    launcher.focus();
    await keyboard('{Enter}');
    await settle(survey);
    await waitFor(() =>
      expect(deepActiveElement()).toBe(
        inner(survey).shadowRoot?.querySelector('input[type="radio"]'),
      ),
    );
    expect(survey.open).toBe(true);
    await keyboard('{ArrowRight}{Escape}');
    await settle(survey);
    expect(survey.open).toBe(false);
    await waitFor(() => expect(deepActiveElement()).toBe(launcher));
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens again after being closed', async () => {
    const survey = await mount({ id: 't2', kind: 'nps' }, 'tab');
    survey.show({ focus: true });
    await settle(survey);
    inner(survey).dismiss();
    await settle(survey);
    survey.show({ focus: true });
    await settle(survey);
    expect(inner(survey).hidden).toBe(false);
    expect(panelOf(survey).matches(':popover-open')).toBe(true);
  });
});

describe('<hark-survey presentation="modal">', () => {
  it('opens a native modal dialog with focus on the scale, and Escape returns focus to the opener', async () => {
    const survey = await mount({ id: 'm1', kind: 'nps' }, 'modal');
    const opener = document.getElementById('host-button') as HTMLElement;
    opener.focus();
    survey.show();
    await settle(survey);
    const dialog = survey.shadowRoot?.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.matches(':modal')).toBe(true);
    await waitFor(() =>
      expect(deepActiveElement()).toBe(
        inner(survey).shadowRoot?.querySelector('input[type="radio"]'),
      ),
    );
    expect(await axeViolations(survey)).toEqual([]);
    expect(await equalAccessFailures(survey)).toEqual([]);
    await keyboard('{Escape}');
    await settle(survey);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('sends from the dialog and thanks the visitor', async () => {
    const survey = await mount({ id: 'm2', kind: 'nps', followUp: false }, 'modal');
    const submits = recordEvents(survey, ['hark-submit']);
    survey.show();
    await settle(survey);
    await waitFor(() => expect(deepActiveElement()?.tagName).toBe('INPUT'));
    await keyboard('{End}{Tab}{Enter}');
    await waitFor(() => expect(inner(survey).state).toBe('thanks'));
    expect(submits.map((e) => e.detail)).toEqual([
      { surveyId: 'm2', kind: 'nps', score: 10, locale: 'en' },
    ]);
  });
});

describe('<hark-survey presentation="modal"> and Escape (issue 13)', () => {
  it('keeps a comment being typed: Escape in a non-empty text box closes neither survey nor dialog', async () => {
    const survey = await mount({ id: 'm3', kind: 'csat' }, 'modal');
    const dismissed = recordEvents(survey, ['hark-dismiss']);
    survey.show();
    await settle(survey);
    await waitFor(() => expect(deepActiveElement()?.tagName).toBe('INPUT'));
    await keyboard('{End}');
    await settle(survey);
    // Twice: a browser may let a second Escape through a dialog's cancel that was refused.
    await keyboard('{Tab}Half a thought{Escape}{Escape}');
    await settle(survey);
    expect(dialogOf(survey).open).toBe(true);
    expect(survey.open).toBe(true);
    expect(dismissed).toHaveLength(0);
    expect(inner(survey).comment).toBe('Half a thought');
    expect(deepActiveElement()?.tagName).toBe('TEXTAREA');
    // Emptied, Escape closes as anywhere else, and focus goes back to the opener.
    await keyboard('{Control>}a{/Control}{Backspace}{Escape}');
    await settle(survey);
    expect(dialogOf(survey).open).toBe(false);
    expect(dismissed.map((e) => e.detail.reason)).toEqual(['escape']);
  });

  it('ignores Escape while sending', async () => {
    const survey = await mount({ id: 'm4', kind: 'nps', followUp: false }, 'modal');
    survey.submitter = () => new Promise<void>(() => {});
    survey.show();
    await settle(survey);
    await waitFor(() => expect(deepActiveElement()?.tagName).toBe('INPUT'));
    await keyboard('{End}{Tab}{Enter}');
    await waitFor(() => expect(inner(survey).state).toBe('sending'));
    await keyboard('{Escape}');
    await settle(survey);
    expect(dialogOf(survey).open).toBe(true);
  });

  it('shown with nothing focused: closed, focus goes to the page’s main, never <body>', async () => {
    const survey = await mount({ id: 'm5', kind: 'nps' }, 'modal');
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    survey.show();
    await settle(survey);
    await waitFor(() => expect(deepActiveElement()?.tagName).toBe('INPUT'));
    await keyboard('{Escape}');
    await settle(survey);
    expect(dialogOf(survey).open).toBe(false);
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(document.activeElement?.localName).toBe('main');
  });
});

// Playwright's ARIA snapshot does not enter a `display: contents` host's shadow root, so these
// snapshot the dialog, the card and the inner survey (its locators pierce shadow roots).
describe('<hark-survey> names and headings (issue 13)', () => {
  it('names the dialog by the question, in the survey’s words or the kind’s standard ones', async () => {
    const survey = await mount({ id: 'n1', kind: 'csat', question: 'How was checkout?' }, 'modal');
    survey.show();
    await settle(survey);
    expect(nameFrom(dialogOf(survey))).toBe('How was checkout?');
    if (engine.ariaSnapshot)
      expect(await ariaSnapshot('dialog')).toContain('- dialog "How was checkout?"');
    survey.definition = { id: 'n1', kind: 'ces' };
    await settle(survey);
    expect(nameFrom(dialogOf(survey))).toBe('How easy was it to get what you needed today?');
    if (engine.ariaSnapshot)
      expect(await ariaSnapshot('dialog')).toContain(
        '- dialog "How easy was it to get what you needed today?"',
      );
  });

  it('names the corner card’s region by the question, in the visitor’s language', async () => {
    const survey = await mount({ id: 'n2', kind: 'nps', locale: 'en' }, 'corner');
    survey.locale = 'fr';
    survey.show();
    await settle(survey);
    expect(panelOf(survey).getAttribute('aria-label')).toBe(
      inner(survey).shadowRoot?.querySelector('.question')?.textContent,
    );
    expect(panelOf(survey).getAttribute('aria-label')).toMatch(/^Quelle est la probabilité/);
    expect(panelOf(survey).getAttribute('role')).toBe('region');
    if (engine.ariaSnapshot)
      expect(await ariaSnapshot('.corner')).toMatch(/^- region "Quelle est la probabilité/);
  });

  it('makes the question a heading at the definition’s headingLevel (default 2)', async () => {
    const survey = await mount({ id: 'n3', kind: 'nps', headingLevel: 3 });
    await settle(survey);
    const question = 'How likely are you to recommend us to a friend or colleague?';
    const heading = () => inner(survey).shadowRoot?.querySelector('[role="heading"]');
    expect([nameFrom(heading()), heading()?.getAttribute('aria-level')]).toEqual([question, '3']);
    if (engine.ariaSnapshot)
      expect(await ariaSnapshot('hark-nps')).toContain(`- heading "${question}" [level=3]`);
    survey.definition = { id: 'n3', kind: 'nps' };
    await settle(survey);
    expect([nameFrom(heading()), heading()?.getAttribute('aria-level')]).toEqual([question, '2']);
    if (engine.ariaSnapshot)
      expect(await ariaSnapshot('hark-nps')).toContain(`- heading "${question}" [level=2]`);
    expect(await axeViolations(survey)).toEqual([]);
    expect(await equalAccessFailures(survey)).toEqual([]);
  });
});

describe('<hark-survey presentation="tab"> appearing (issue 13)', () => {
  it('announces its launcher politely, as a corner card announces itself, and takes no focus', async () => {
    const hostButton = document.createElement('button');
    document.body.append(hostButton);
    hostButton.focus();
    const survey = await mount({ id: 't3', kind: 'nps' }, 'tab');
    await settle(survey);
    const status = survey.shadowRoot?.querySelector('[role="status"]');
    await waitFor(() =>
      expect(status?.textContent?.trim()).toBe('A feedback button is at the end of the page.'),
    );
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(document.activeElement).toBe(hostButton);
    expect(await axeViolations(survey)).toEqual([]);
    expect(await equalAccessFailures(survey)).toEqual([]);
  });
});
