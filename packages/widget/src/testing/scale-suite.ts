import { restoreAllMocks, spyOn } from '@vitest/spy';
import type { HarkScaleSurvey } from '../internal/scale-survey.js';
import type { SurveyKind } from '../internal/survey-kind.js';
import { axeViolations } from './axe.js';
import { ariaSnapshot, emulateMedia, engine, itWhere, keyboard } from './browser.js';
import { cleanup, deepActiveElement, fixture, nameFrom, recordEvents, settle } from './dom.js';
import { equalAccessFailures } from './equal-access.js';
import { expect } from './expect.js';
import { afterEach, describe, it } from './suite.js';
import { waitFor } from './wait-for.js';

export interface ScaleSuiteOptions {
  readonly tag: string;
  readonly kind: SurveyKind;
  readonly min: number;
  readonly max: number;
  /** The accessible names of the points, lowest first: each starts with the number shown. */
  readonly names: readonly string[];
  readonly question: string;
  readonly ends: readonly [string, string];
}

/** The colour schemes every state is checked in. */
const SCHEMES = [
  { name: 'light', media: { colorScheme: 'light' } },
  { name: 'dark', media: { colorScheme: 'dark' } },
  { name: 'forced colours', media: { colorScheme: 'light', forcedColors: 'active' } },
] as const;

const EVENTS = ['hark-shown', 'hark-answer', 'hark-submit', 'hark-dismiss', 'hark-error'];

/**
 * The behaviour every scale survey shares, written once and run for NPS, CSAT and CES:
 * axe in every state, then the accessibility tree, then the keyboard.
 */
export function runScaleSuite(options: ScaleSuiteOptions): void {
  const { tag, kind, min, max, names } = options;
  const count = max - min + 1;

  /** The survey in the page's `<main>`, as a page places it (landmarks are checked too). */
  async function mount(attributes = ''): Promise<HarkScaleSurvey> {
    const main = await fixture<HTMLElement>(
      `<main><${tag} survey-id="s1" ${attributes}></${tag}><button id="after">After</button></main>`,
    );
    const el = main.firstElementChild as HarkScaleSurvey;
    await el.updateComplete;
    return el;
  }

  const shadow = (el: HarkScaleSurvey) => el.shadowRoot as ShadowRoot;
  const radios = (el: HarkScaleSurvey) => [
    ...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]'),
  ];
  const checked = (el: HarkScaleSurvey) =>
    radios(el)
      .filter((r) => r.checked)
      .map((r) => r.value);

  const THANKS = 'Thank you for your feedback!';
  const SENDING = 'Sending…';
  const FAILED = 'Your answer could not be sent. Please try again.';

  /** What the survey's live region says, in order (each time its text is set to something). */
  function recordSaid(el: HarkScaleSurvey): string[] {
    const said: string[] = [];
    const status = shadow(el).querySelector('[role="status"]') as Element;
    new MutationObserver(() => {
      const text = status.textContent?.trim() ?? '';
      if (text !== '') said.push(text);
    }).observe(status, { childList: true, characterData: true, subtree: true });
    return said;
  }

  afterEach(async () => {
    cleanup();
    restoreAllMocks();
    if (engine.emulateMedia) await emulateMedia({ colorScheme: null, forcedColors: null });
  });

  describe(`<${tag}>: axe-core (WCAG 2.2 AA with target-size) and IBM Equal Access`, () => {
    it('has no violations in the initial state, light and dark', async () => {
      const el = await mount();
      expect(await axeViolations(el)).toEqual([]);
      expect(await equalAccessFailures(el)).toEqual([]);
      el.theme = 'dark';
      await settle(el);
      expect(await axeViolations(el)).toEqual([]);
      expect(await equalAccessFailures(el)).toEqual([]);
    });

    it('has no violations with two surveys on one page (each its own radio group)', async () => {
      const main = await fixture<HTMLElement>(
        `<main><${tag} survey-id="s1"></${tag}><${tag} survey-id="s2"></${tag}></main>`,
      );
      const [one, two] = [...main.children] as HarkScaleSurvey[];
      await Promise.all([one?.updateComplete, two?.updateComplete]);
      expect(radios(one as HarkScaleSurvey)[0]?.name).not.toBe(
        radios(two as HarkScaleSurvey)[0]?.name,
      );
      expect(await axeViolations(main)).toEqual([]);
      expect(await equalAccessFailures(main)).toEqual([]);
    });

    it('has no violations with a score chosen and the follow-up open', async () => {
      const el = await mount();
      radios(el)[0]?.click();
      await settle(el);
      expect(shadow(el).querySelector('textarea')).not.toBeNull();
      expect(await axeViolations(el)).toEqual([]);
      expect(await equalAccessFailures(el)).toEqual([]);
    });

    it('has no violations when sent without a score (error shown)', async () => {
      const el = await mount();
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await settle(el);
      expect(shadow(el).querySelector('.error')?.textContent).toBe(
        'Choose a score to send your answer.',
      );
      expect(await axeViolations(el)).toEqual([]);
      expect(await equalAccessFailures(el)).toEqual([]);
    });

    for (const scheme of SCHEMES) {
      // The default scheme is light: only the others need the driver's emulation.
      itWhere(
        scheme.name === 'light' || engine.emulateMedia,
        'its driver cannot emulate media features',
      )(
        `has no violations while sending, after a failed hand-over, and when thanking (${scheme.name})`,
        async () => {
          if (engine.emulateMedia) await emulateMedia(scheme.media);
          const el = await mount();
          let release: () => void = () => {};
          let fail = true;
          el.submitter = () =>
            new Promise((resolve, reject) => {
              release = fail ? () => reject(new Error('quota')) : () => resolve();
            });
          radios(el)[1]?.click();
          await settle(el);
          shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
          await settle(el);
          expect(el.state).toBe('sending');
          expect(await axeViolations(el)).toEqual([]);
          expect(await equalAccessFailures(el)).toEqual([]);
          release();
          await waitFor(() => expect(el.state).toBe('error'));
          await settle(el);
          expect(await axeViolations(el)).toEqual([]);
          expect(await equalAccessFailures(el)).toEqual([]);
          fail = false;
          shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
          await settle(el);
          release();
          await waitFor(() => expect(el.state).toBe('thanks'));
          await settle(el);
          expect(await axeViolations(el)).toEqual([]);
          expect(await equalAccessFailures(el)).toEqual([]);
        },
      );
    }
  });

  describe(`<${tag}>: the accessibility tree`, () => {
    it('is one radio group named by the question, a named radio per point, and a named send button', async () => {
      const el = await mount();
      el.id = 'under-test';
      await settle(el);
      // What the tree is built from, in every engine.
      const root = shadow(el);
      const heading = root.querySelector('[role="heading"]');
      expect([nameFrom(heading), heading?.getAttribute('aria-level')]).toEqual([
        options.question,
        '2',
      ]);
      expect(nameFrom(root.querySelector('button.dismiss'))).toBe('Close survey');
      const groups = root.querySelectorAll('[role="radiogroup"]');
      expect([...groups].map(nameFrom)).toEqual([options.question]);
      expect(
        radios(el).map((radio) => [radio.closest('[role="radiogroup"]'), nameFrom(radio)]),
      ).toEqual(names.map((name) => [groups[0], name]));
      expect(nameFrom(root.querySelector('button[type="submit"]'))).toBe('Send');
      expect(root.querySelectorAll('[role="status"][aria-live="polite"]')).toHaveLength(1);
      if (!engine.ariaSnapshot) return;
      // And the tree itself, where the engine gives it.
      const tree = await ariaSnapshot('#under-test');
      const expected = [
        `- heading "${options.question}" [level=2]`,
        '- button "Close survey"',
        `- radiogroup "${options.question}":`,
        ...names.map((name) => `  - radio "${name}"`),
        `- paragraph: ${options.ends[0]} ${options.ends[1]}`,
        '- button "Send"',
        '- status',
      ];
      expect(
        tree.split('\n').filter((line) => !line.includes('/children') && line.trim() !== ''),
      ).toEqual(expected);
    });

    it('names each point by the number it shows, then its words; the ends’ labels in the end points’ names, said once (WCAG 2.5.3)', async () => {
      const el = await mount();
      const faces = [...shadow(el).querySelectorAll('.face')].map((face) => face.textContent);
      const named = radios(el).map((radio) => radio.getAttribute('aria-label') ?? '');
      expect(named).toEqual(names);
      // "Click 2" finds the point showing 2: its name begins with what it shows.
      expect(named.map((name) => name.split(', ')[0])).toEqual(faces);
      expect(named[0]).toBe(`${faces[0]}, ${options.ends[0]}`);
      expect(named.at(-1)).toBe(`${faces.at(-1)}, ${options.ends[1]}`);
      // Names, not descriptions (which some screen readers delay or skip): nothing said twice.
      for (const radio of radios(el)) expect(radio.hasAttribute('aria-describedby')).toBe(false);
      expect(
        shadow(el).querySelector('[role="radiogroup"]')?.hasAttribute('aria-describedby'),
      ).toBe(false);
      el.lowLabel = 'Never';
      await settle(el);
      expect(radios(el)[0]?.getAttribute('aria-label')).toBe(`${faces[0]}, Never`);
    });

    it('makes the question a heading, level 2 unless `heading-level` says 1 to 6', async () => {
      const el = await mount('heading-level="4"');
      el.id = 'under-test';
      await settle(el);
      const level = () => shadow(el).querySelector('[role="heading"]')?.getAttribute('aria-level');
      expect(level()).toBe('4');
      if (engine.ariaSnapshot)
        expect(await ariaSnapshot('#under-test')).toContain(
          `- heading "${options.question}" [level=4]`,
        );
      el.setAttribute('heading-level', '9');
      await settle(el);
      expect(level()).toBe('2');
      if (engine.ariaSnapshot)
        expect(await ariaSnapshot('#under-test')).toContain(
          `- heading "${options.question}" [level=2]`,
        );
      expect(await axeViolations(el)).toEqual([]);
      expect(await equalAccessFailures(el)).toEqual([]);
    });

    it('checks exactly one point after a choice, and none before', async () => {
      const el = await mount();
      el.id = 'under-test';
      expect(checked(el)).toEqual([]);
      radios(el)[2]?.click();
      await settle(el);
      expect(checked(el)).toEqual([String(min + 2)]);
      if (!engine.ariaSnapshot) return;
      const tree = await ariaSnapshot('#under-test');
      expect(tree.match(/\[checked\]/g)).toHaveLength(1);
      expect(tree).toContain(`radio "${names[2]}" [checked]`);
    });

    it('announces the thank-you in a polite status region when focus was elsewhere', async () => {
      const el = await mount();
      radios(el)[0]?.click();
      await settle(el);
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await waitFor(() => expect(el.state).toBe('thanks'));
      const status = shadow(el).querySelector('[role="status"]');
      expect(status?.getAttribute('aria-live')).toBe('polite');
      await waitFor(() => expect(status?.textContent?.trim()).toBe('Thank you for your feedback!'));
    });
  });

  describe(`<${tag}>: the keyboard`, () => {
    async function mountBetweenButtons(attributes = ''): Promise<HarkScaleSurvey> {
      const el = await mount(attributes);
      el.before(
        Object.assign(document.createElement('button'), { id: 'before', textContent: 'Before' }),
      );
      el.after(
        Object.assign(document.createElement('button'), { id: 'after', textContent: 'After' }),
      );
      document.getElementById('before')?.focus();
      return el;
    }

    it('is one tab stop on the first point, with nothing checked', async () => {
      const el = await mountBetweenButtons('no-dismiss');
      await keyboard('{Tab}');
      expect(deepActiveElement()).toBe(radios(el)[0]);
      expect(checked(el)).toEqual([]);
      await keyboard('{Tab}');
      expect(deepActiveElement()?.classList.contains('submit')).toBe(true);
    });

    it('moves and checks with the arrows, wrapping at both ends; Home and End jump', async () => {
      const el = await mountBetweenButtons('no-dismiss');
      const answers = recordEvents(el, ['hark-answer']);
      await keyboard('{Tab}');
      await keyboard('{ArrowRight}');
      expect(deepActiveElement()).toBe(radios(el)[1]);
      expect(checked(el)).toEqual([String(min + 1)]);
      expect(el.score).toBe(min + 1);
      await keyboard('{ArrowLeft}{ArrowLeft}');
      expect(checked(el)).toEqual([String(max)]); // wrapped from the first to the last
      await keyboard('{ArrowDown}');
      expect(checked(el)).toEqual([String(min)]); // and back round
      await keyboard('{End}');
      expect(deepActiveElement()).toBe(radios(el).at(-1));
      expect(el.score).toBe(max);
      await keyboard('{Home}');
      expect(el.score).toBe(min);
      expect(answers.map((e) => e.detail.score)).toEqual([min + 1, min, max, min, max, min]);
      expect(answers[0]?.detail).toEqual({ surveyId: 's1', kind, score: min + 1 });
    });

    it('returns to the checked point when tabbing back in', async () => {
      const el = await mountBetweenButtons('no-dismiss no-follow-up');
      await keyboard('{Tab}{End}{Tab}');
      expect(deepActiveElement()?.classList.contains('submit')).toBe(true);
      await keyboard('{Shift>}{Tab}{/Shift}');
      expect(deepActiveElement()).toBe(radios(el).at(-1));
    });

    it('checks with Space, and Enter chooses without sending', async () => {
      const el = await mountBetweenButtons('no-dismiss');
      const submits = recordEvents(el, ['hark-submit']);
      await keyboard('{Tab}');
      await keyboard(' ');
      expect(el.score).toBe(min);
      await keyboard('{ArrowRight}{Enter}');
      expect(el.score).toBe(min + 1);
      expect(submits).toHaveLength(0);
      expect(el.state).toBe('question');
    });

    it('sends by keyboard alone: score, comment, Send; focus lands on the thank-you', async () => {
      const el = await mountBetweenButtons('no-dismiss variant="b"');
      const submits = recordEvents(el, ['hark-submit']);
      await keyboard('{Tab}{End}');
      await settle(el);
      await keyboard('{Tab}');
      expect(deepActiveElement()?.tagName).toBe('TEXTAREA');
      await keyboard('Clear and quick');
      await keyboard('{Tab}');
      expect(deepActiveElement()?.classList.contains('submit')).toBe(true);
      await keyboard('{Enter}');
      await waitFor(() => expect(el.state).toBe('thanks'));
      await settle(el);
      expect(submits.map((e) => e.detail)).toEqual([
        {
          surveyId: 's1',
          kind,
          score: max,
          comment: 'Clear and quick',
          variant: 'b',
          locale: 'en',
        },
      ]);
      expect(deepActiveElement()?.classList.contains('question')).toBe(true);
    });

    // Orca says nothing when focus moves to a paragraph (test/screen-reader), so the live region
    // says the thank-you even when focus goes to it; "Sending…" only when sending is slow.
    it('says the thank-you in the live region, once, and puts focus on the question', async () => {
      const el = await mountBetweenButtons('no-dismiss no-follow-up');
      const said = recordSaid(el);
      await keyboard('{Tab}{End}{Tab}{Enter}');
      await waitFor(() => expect(said).toContain(THANKS));
      await settle(el);
      expect(el.state).toBe('thanks');
      // Focus stays in the card without reading the thank-you a second time.
      expect(deepActiveElement()?.classList.contains('question')).toBe(true);
      // A fast hand-over: no "Sending…" first, and the thank-you said once.
      expect(said).toEqual([THANKS]);
    });

    it('says "Sending…" when the hand-over is slow, then the thank-you, each once', async () => {
      const el = await mountBetweenButtons('no-dismiss no-follow-up');
      const said = recordSaid(el);
      // The hand-over ends only once "Sending…" has been said: no clock in the test.
      el.submitter = () => waitFor(() => expect(said).toContain(SENDING), { timeout: 10_000 });
      await keyboard('{Tab}{End}{Tab}{Enter}');
      await waitFor(() => expect(said).toContain(THANKS), { timeout: 10_000 });
      expect(said).toEqual([SENDING, THANKS]);
    });

    it('says a failed hand-over every time it fails, and leaves "sending" at once', async () => {
      const el = await mountBetweenButtons('no-dismiss no-follow-up');
      const said = recordSaid(el);
      el.submitter = () => Promise.reject(new Error('quota'));
      await keyboard('{Tab}{End}{Tab}{Enter}');
      await waitFor(() => expect(said).toEqual([FAILED]));
      expect(el.state).toBe('error');
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await waitFor(() => expect(said).toEqual([FAILED, FAILED]));
      expect(el.state).toBe('error');
    });

    it('sent without a score: says so and puts focus on the scale', async () => {
      const el = await mountBetweenButtons('no-dismiss');
      await keyboard('{Tab}{Tab}{Enter}');
      await settle(el);
      expect(deepActiveElement()).toBe(radios(el)[0]);
      const group = shadow(el).querySelector('[role="radiogroup"]');
      expect(group?.getAttribute('aria-invalid')).toBe('true');
      expect(shadow(el).querySelector('[role="status"]')?.textContent?.trim()).toBe(
        'Choose a score to send your answer.',
      );
    });

    it('closes on Escape, fires hark-dismiss, and gives focus back', async () => {
      const el = await mountBetweenButtons();
      const dismissed = recordEvents(el, ['hark-dismiss']);
      await keyboard('{Tab}');
      expect(deepActiveElement()?.classList.contains('dismiss')).toBe(true);
      await keyboard('{Tab}{ArrowRight}{Escape}');
      expect(el.hidden).toBe(true);
      expect(dismissed.map((e) => e.detail)).toEqual([
        { surveyId: 's1', reason: 'escape', answered: false },
      ]);
      expect(document.activeElement?.id).toBe('before');
    });

    it('keeps a comment being typed: Escape in a non-empty text box does not close', async () => {
      const el = await mountBetweenButtons('no-dismiss');
      const dismissed = recordEvents(el, ['hark-dismiss']);
      await keyboard('{Tab}{End}');
      await settle(el);
      await keyboard('{Tab}Half a thought{Escape}');
      expect(el.hidden).toBe(false);
      expect(dismissed).toHaveLength(0);
      expect(el.comment).toBe('Half a thought');
    });

    it('ignores Escape while sending, and says answered: true when closed after the thanks', async () => {
      const el = await mountBetweenButtons('no-follow-up');
      const dismissed = recordEvents(el, ['hark-dismiss']);
      let release: () => void = () => {};
      el.submitter = () =>
        new Promise<void>((resolve) => {
          release = resolve;
        });
      await keyboard('{Tab}{Tab}{End}{Tab}{Enter}');
      await settle(el);
      expect(el.state).toBe('sending');
      await keyboard('{Escape}');
      expect(el.hidden).toBe(false);
      release();
      await waitFor(() => expect(el.state).toBe('thanks'));
      await settle(el);
      await keyboard('{Escape}');
      expect(el.hidden).toBe(true);
      expect(dismissed.map((e) => e.detail)).toEqual([
        { surveyId: 's1', reason: 'escape', answered: true },
      ]);
    });

    describe('gives focus back to where it came from in another survey (2.4.3)', () => {
      /** Before, survey A, survey B, After: focus comes to B's close button from inside A. */
      async function twoSurveys(): Promise<[HarkScaleSurvey, HarkScaleSurvey]> {
        const b = await mountBetweenButtons();
        const a = document.createElement(tag) as HarkScaleSurvey;
        a.noDismiss = true;
        a.noFollowUp = true;
        b.before(a);
        await settle(a);
        await keyboard('{Tab}{Tab}{Tab}'); // A's point, A's Send, B's close button
        expect(deepActiveElement()?.classList.contains('dismiss')).toBe(true);
        expect(deepActiveElement()?.getRootNode()).toBe(shadow(b));
        return [a, b];
      }
      const sendOf = (el: HarkScaleSurvey) => shadow(el).querySelector('.submit');

      it('the close button pressed with Enter: back to the other survey’s Send, not <body>', async () => {
        const [a, b] = await twoSurveys();
        await keyboard('{Enter}');
        expect(b.hidden).toBe(true);
        expect(deepActiveElement()).toBe(sendOf(a));
      });

      it('Escape inside: back to the other survey’s Send', async () => {
        const [a, b] = await twoSurveys();
        await keyboard('{Tab}{ArrowRight}{Escape}');
        expect(b.hidden).toBe(true);
        expect(deepActiveElement()).toBe(sendOf(a));
      });

      it('where it came from is gone: on to what follows the survey', async () => {
        const [a, b] = await twoSurveys();
        a.remove();
        await keyboard('{Escape}');
        expect(b.hidden).toBe(true);
        expect(document.activeElement?.id).toBe('after');
      });

      /** Survey B, then survey C (with `score` chosen): B focused from code, closed with Escape. */
      async function closeBeforeAnother(score?: number): Promise<HarkScaleSurvey> {
        const b = await mountBetweenButtons();
        const c = document.createElement(tag) as HarkScaleSurvey;
        c.noDismiss = true;
        if (score !== undefined) c.score = score;
        b.after(c);
        await settle(c);
        (document.activeElement as HTMLElement).blur();
        radios(b)[0]?.focus(); // focused from code: no origin to go back to
        await keyboard('{Escape}');
        expect(b.hidden).toBe(true);
        return c;
      }

      it('what follows is another survey: into its scale, not past it to the page', async () => {
        const c = await closeBeforeAnother();
        expect(deepActiveElement()).toBe(radios(c)[0]);
      });

      it('into the following survey at its checked point, where Tab would land', async () => {
        const c = await closeBeforeAnother(max);
        expect(deepActiveElement()).toBe(radios(c).at(-1));
      });

      it('nothing follows the survey: the page’s main, never <body>', async () => {
        const [a, b] = await twoSurveys();
        const main = b.closest('main') as HTMLElement;
        for (const button of main.querySelectorAll(':scope > button')) button.remove();
        a.remove();
        radios(b)[0]?.focus(); // focused from code: no origin at all
        await keyboard('{Escape}');
        expect(b.hidden).toBe(true);
        expect(document.activeElement).toBe(main);
        expect(main.tabIndex).toBe(-1);
      });
    });

    it('closes with the close button', async () => {
      const el = await mountBetweenButtons();
      const dismissed = recordEvents(el, ['hark-dismiss']);
      await keyboard('{Tab}{Enter}');
      expect(el.hidden).toBe(true);
      expect(dismissed.map((e) => e.detail.reason)).toEqual(['close-button']);
      expect(document.activeElement?.id).toBe('before');
    });
  });

  describe(`<${tag}>: events and properties`, () => {
    it('survives its module being loaded twice (two bundles, the script tag twice)', async () => {
      const before = customElements.get(tag);
      await import(/* @vite-ignore */ `../components/${kind}/${tag}.ts?second-copy`);
      expect(customElements.get(tag)).toBe(before);
    });

    it('fires hark-shown once, and nothing when code sets the score', async () => {
      const holder = document.createElement('div');
      const seen = recordEvents(holder, EVENTS);
      document.body.append(holder);
      const el = document.createElement(tag) as HarkScaleSurvey;
      el.surveyId = 'coded';
      holder.append(el);
      await settle(el);
      el.score = min + 1;
      await settle(el);
      expect(checked(el)).toEqual([String(min + 1)]);
      expect(seen.map((e) => [e.type, e.detail])).toEqual([['hark-shown', { surveyId: 'coded' }]]);
      expect(seen[0]?.bubbles && seen[0]?.composed).toBe(true);
    });

    it('treats a score attribute off the scale, or removed, as no score', async () => {
      const el = await mount(`score="${max + 30}"`);
      expect(el.score).toBeUndefined();
      el.setAttribute('score', String(min));
      await settle(el);
      expect(el.score).toBe(min);
      el.removeAttribute('score');
      await settle(el);
      expect(el.score).toBeUndefined();
      expect(checked(el)).toEqual([]);
    });

    it('sends a clean comment: no control characters, even with the comment attribute removed first', async () => {
      const el = await mount('comment="x"');
      const submits = recordEvents(el, ['hark-submit']);
      el.removeAttribute('comment');
      await settle(el);
      radios(el)[0]?.click();
      await settle(el);
      el.comment = '  Pasted\u0007 text\u001b[0m\tand\nmore \ud800 ';
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await waitFor(() => expect(submits).toHaveLength(1));
      expect(submits[0]?.detail.comment).toBe('Pasted text[0m\tand\nmore \ufffd');
    });

    it('stays open when a listener cancels hark-submit', async () => {
      const el = await mount('no-follow-up');
      el.addEventListener('hark-submit', (event) => event.preventDefault());
      radios(el)[0]?.click();
      await settle(el);
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await settle(el);
      expect(el.state).toBe('question');
    });

    it('fires hark-error when the hand-over fails, and sends again on retry', async () => {
      const el = await mount('no-follow-up');
      const errors = recordEvents(el, ['hark-error']);
      let attempts = 0;
      el.submitter = async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('disk full');
      };
      radios(el)[0]?.click();
      await settle(el);
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await waitFor(() => expect(el.state).toBe('error'));
      expect(errors.map((e) => [e.detail.code, String(e.detail.error)])).toEqual([
        ['submit-failed', 'Error: disk full'],
      ]);
      shadow(el).querySelector<HTMLButtonElement>('.submit')?.click();
      await waitFor(() => expect(el.state).toBe('thanks'));
      expect(attempts).toBe(2);
    });

    it('renders survey text as text, never as HTML', async () => {
      const el = await mount();
      el.question = '<img src=x onerror="window.__pwned = true">Question';
      el.lowLabel = '<b>low</b>';
      await settle(el);
      expect(shadow(el).querySelector('img, b')).toBeNull();
      expect(shadow(el).querySelector('.question')?.textContent).toBe(el.question);
      await new Promise((resolve) => setTimeout(resolve, 50)); // an onerror would have run by now
      expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    });

    it('asks the follow-up for the band of the chosen score', async () => {
      const el = await mount(
        'detractor-prompt="What went wrong?" promoter-prompt="What went right?"',
      );
      radios(el)[0]?.click();
      await settle(el);
      expect(shadow(el).querySelector('.follow-up label')?.textContent?.trim()).toBe(
        'What went wrong?',
      );
      radios(el).at(-1)?.click();
      await settle(el);
      expect(shadow(el).querySelector('.follow-up label')?.textContent?.trim()).toBe(
        'What went right?',
      );
    });

    it(`has ${count} points`, async () => {
      const el = await mount();
      expect(radios(el).map((r) => r.value)).toEqual(
        Array.from({ length: count }, (_, i) => String(min + i)),
      );
    });
  });

  describe(`<${tag}>: theming`, () => {
    it('corrects unreadable text on a light accent and warns when the accent fails 3:1', async () => {
      const warn = spyOn(console, 'warn').mockImplementation(() => {});
      const el = await fixture<HarkScaleSurvey>(
        `<${tag} survey-id="s1" style="--hark-accent: #ffeb3b"></${tag}>`,
      );
      await settle(el);
      const button = shadow(el).querySelector<HTMLElement>('.submit') as HTMLElement;
      expect(getComputedStyle(button).color).toBe('rgb(0, 0, 0)');
      expect(warn).toHaveBeenCalledWith(
        `[hark] <${tag}>: --hark-accent rgb(255, 235, 59) on rgb(255, 255, 255): 1.22:1 < 3:1 (WCAG 1.4.11)`,
      );
    });

    it('checks the accent again when the theme changes from unset', async () => {
      const el = await fixture<HarkScaleSurvey>(
        `<${tag} survey-id="s1" style="--hark-on-accent: #fff"></${tag}>`,
      );
      await settle(el);
      el.theme = 'dark';
      await settle(el);
      const button = shadow(el).querySelector<HTMLElement>('.submit') as HTMLElement;
      // White on the dark theme's light accent would be about 2:1; black reads at 9:1 and more.
      expect(getComputedStyle(button).color).toBe('rgb(0, 0, 0)');
    });

    it('says nothing about the default accent', async () => {
      const warn = spyOn(console, 'warn').mockImplementation(() => {});
      await mount();
      expect(warn).not.toHaveBeenCalled();
    });
  });
}
