import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReferenceServer } from '@hark/collector/node';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the demo server is plain JavaScript, run by `npm start` without a build.
import { startDemo } from '../../demo/serve.mjs';
import { DESKTOP_PACKAGES, type Desktop, missingPrograms, startDesktop } from './desktop.js';
import {
  liveMessages,
  OrcaLog,
  type Presentation,
  spoken,
  describe as transcript,
} from './orca-log.js';

// A real screen reader on the demo page: Orca on its own X display, headed Chromium with its
// accessibility tree on, keys pressed through the X server as a person presses them. What is
// asserted is what Orca presents (its debug file), and what the collector stored.

const missing = missingPrograms();
if (
  missing.length > 0 &&
  (process.env.CI === 'true' || process.env.HARK_REQUIRE_SCREEN_READER === '1')
) {
  // `npm test` (and CI) installs the stack: a machine without it must not pass by skipping.
  throw new Error(
    `The screen-reader tests need ${missing.join(', ')}: apt-get install -y ${DESKTOP_PACKAGES.join(' ')}`,
  );
}

const KINDS = [
  {
    kind: 'NPS',
    question: 'How likely are you to recommend us to a friend or colleague?',
    first: '0, Not at all likely',
  },
  {
    kind: 'CSAT',
    question: 'How satisfied are you with your experience?',
    first: '1, Very dissatisfied',
  },
  {
    kind: 'CES',
    question: 'How easy was it to get what you needed today?',
    first: '1, Very difficult',
  },
] as const;

/** How the visitor chooses, and what Orca must say for it. */
interface Choice {
  /** Keys pressed in focus mode, on the first point of the scale. */
  readonly keys: readonly string[];
  /** The name of the chosen point, as Orca says it. */
  readonly name: string;
  readonly score: number;
  /** The follow-up question that appears. */
  readonly prompt: string;
}

const THANKS = 'Thank you for your feedback!';

describe.skipIf(missing.length > 0)(
  `Orca reads the surveys in headed Chromium${missing.length > 0 ? ` (skipped: no ${missing.join(', ')})` : ''}`,
  () => {
    let dir: string;
    let server: ReferenceServer;
    let desktop: Desktop;
    let browser: Browser;
    let page: Page;
    let orca: OrcaLog;
    const started = Date.now();

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hark-orca-'));
      server = (await startDemo({
        port: 0,
        db: join(dir, 'demo.db'),
        log: () => {},
      })) as ReferenceServer;
      desktop = await startDesktop(dir, `${server.url}/`);
      orca = new OrcaLog(desktop.orcaLog);
      browser = await chromium.connectOverCDP(desktop.cdpUrl);
      const opened = browser.contexts()[0]?.pages()[0];
      if (opened === undefined) throw new Error('Chromium opened no page');
      page = opened;
      // Orca has found the window (each test then waits for what it says on the page).
      await orca.waitFor(0, (p) => spoken(p).some((s) => s.endsWith(' frame.')), 'the window');
      // One visit, as a visitor makes it: each survey answered once, in turn, on this page.
      // (A reload has Orca read the page from the top, or return to where it was: not a visit.)
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      await page.waitForFunction(
        () =>
          document
            .querySelector('#inline-ces hark-survey')
            ?.shadowRoot?.querySelector('hark-ces')
            ?.shadowRoot?.querySelectorAll('input[type="radio"]').length === 7,
      );
    }, 60_000);

    afterAll(async () => {
      await browser?.close().catch(() => {});
      await desktop?.stop();
      await server?.close();
      // HARK_KEEP_ORCA_LOG=1 keeps Orca's debug file (and the rest of the folder) to read.
      if (dir !== undefined && process.env.HARK_KEEP_ORCA_LOG !== '1')
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      else if (dir !== undefined) console.info(`Orca's debug file: ${join(dir, 'orca.log')}`);
      console.info(`screen-reader suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    /**
     * Puts focus where the visitor's walk starts, and waits until Orca has said it. Setup, not an
     * assertion: when the page changed just before (the results line), Orca takes the move for
     * one it made itself and says nothing; then Shift+Tab, Tab (at most twice) has it say it.
     */
    async function startAt(target: Locator, said: string): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        const mark = orca.mark();
        if (attempt === 1) {
          // Already there (the last test's Escape moved focus on to it, and Orca said so): a
          // visitor goes on from here. Focusing it again would move nothing, and say nothing.
          if (await target.evaluate((el) => el.matches(':focus'))) return;
          await target.focus();
        } else {
          // Back and forth by keys, as a visitor does when they did not hear where they are.
          await desktop.key('shift+Tab');
          await desktop.key('Tab');
        }
        try {
          await orca.waitFor(mark, says(said), said, 3_000);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    }

    /** Presses keys and waits until what Orca presents after them satisfies `done`. */
    async function press(
      keys: readonly string[],
      done: (presented: Presentation[]) => boolean,
      what: string,
    ): Promise<Presentation[]> {
      const mark = orca.mark();
      await desktop.key(...keys);
      return orca.waitFor(mark, done, what);
    }

    const says = (text: string) => (p: Presentation[]) => spoken(p).includes(text);
    /** Focus mode on, then the choice; the chosen point is named and said selected. */
    async function choose(choice: Choice): Promise<void> {
      await press(['Insert+a'], says('Focus mode'), '"Focus mode"');
      const presented = await press(
        choice.keys,
        (p) => spoken(p).includes(`${choice.name}.`) || spoken(p).includes('selected'),
        `the chosen point ${choice.name}`,
      );
      const said = spoken(presented);
      // An arrow moves to the point and checks it: its name and state are said. Space checks the
      // point already read: only the new state is said.
      if (choice.keys.includes('space')) expect(said).toContain('selected');
      else
        expect(said).toEqual(expect.arrayContaining([`${choice.name}.`, 'selected radio button']));
      expect(said).not.toContain('not selected radio button');
    }

    /**
     * Tab to the comment (its prompt is said), type, Tab to Send, Enter: the send is announced,
     * then the thank-you; Escape closes the survey and says where focus went (`back`).
     * `escapeInComment`: Escape in the typed comment first, which must keep it.
     */
    async function commentAndSend(
      choice: Choice,
      comment: string,
      back: (said: string) => boolean,
      escapeInComment = false,
    ): Promise<Presentation[]> {
      await press(['Tab'], says(`${choice.prompt} entry.`), `the follow-up "${choice.prompt}"`);
      let mark = orca.mark();
      await desktop.type(comment);
      await orca.waitFor(
        mark,
        (p) =>
          p.some((x) => x.kind === 'braille' && x.text.includes(`${choice.prompt} ${comment}`)),
        'the typed comment',
      );
      if (escapeInComment) {
        await press(['Escape'], says('escape '), 'the Escape key');
        const textarea = page.locator('hark-survey textarea:focus');
        await expect.poll(() => textarea.inputValue()).toBe(comment);
      }
      await press(['Tab'], says('Send push button.'), 'the Send button');
      mark = orca.mark();
      await desktop.key('Return');
      await orca.waitFor(
        mark,
        (p) => liveMessages(p).includes(THANKS) || spoken(p).includes(THANKS),
        'the thank-you',
      );
      // Escape, and wait for what it moves to: a second thank-you queued behind the first would
      // have been presented by then.
      await press(['Escape'], (p) => spoken(p).some(back), 'where focus went');
      return orca.since(mark);
    }

    /**
     * The result of sending is presented once. "Sending…" is presented at most once, before it:
     * Orca reads a live region about 100 ms after it changes, and a quick send has already
     * replaced "Sending…" by the thank-you by then (which is enough: the visitor hears the result).
     */
    function expectSentOnce(presented: Presentation[]): void {
      // Counted by presentation, not by utterance: a live message shown only in braille (no
      // speech lines) counts too, as does a spoken line outside any live message.
      const said = presented.flatMap((p) =>
        p.kind === 'speech'
          ? [p.text]
          : p.kind === 'live'
            ? [(p.speech.join(' ') || p.braille.join(' ')).trim()]
            : [],
      );
      const thanks = said.filter((s) => s === THANKS);
      expect(thanks, transcript(presented)).toHaveLength(1);
      const sending = said.flatMap((s, i) => (s === 'Sending…' ? [i] : []));
      expect(sending.length, transcript(presented)).toBeLessThanOrEqual(1);
      for (const i of sending) expect(i).toBeLessThan(said.indexOf(THANKS));
      // The demo's own results line changes as the answer arrives: shown, never read out unasked.
      expect(liveMessages(presented), transcript(presented)).toEqual(
        liveMessages(presented).filter((m) => m === THANKS || m === 'Sending…'),
      );
    }

    async function expectStored(surveyId: string, score: number, comment: string): Promise<void> {
      await expect.poll(() => server.store.count(surveyId), { timeout: 10_000 }).toBe(1);
      const [stored] = await server.store.exportPage({ surveyId }, undefined, 10);
      expect(stored?.response).toMatchObject({ surveyId, score, comment });
      // And the page has shown it: the next test starts after that change of the page, which
      // Orca would otherwise take in the middle of the next focus move, and say nothing for it.
      await expect
        .poll(() => page.textContent('#results'), { timeout: 10_000 })
        .toContain(`${surveyId} (`);
    }

    const INLINE_CHOICES: Record<(typeof KINDS)[number]['kind'], Choice> = {
      NPS: { keys: ['Right', 'Right'], name: '2', score: 2, prompt: 'What should we fix first?' },
      CSAT: {
        keys: ['space'],
        name: '1, Very dissatisfied',
        score: 1,
        prompt: 'What is the main reason for your score?',
      },
      // Left from the first point wraps to the last.
      CES: { keys: ['Left'], name: '7, Very easy', score: 7, prompt: 'What do you like most?' },
    };

    for (const { kind, question, first } of KINDS) {
      it(`inline ${kind}: Tab into the scale, focus mode, choose, comment, send, Escape`, async () => {
        const surveyId = `demo-${kind.toLowerCase()}`;
        const survey = page.locator(`#inline-${kind.toLowerCase()} hark-survey`);
        // Where a keyboard user comes from: the survey's own first stop, its close button.
        await startAt(
          survey.getByRole('button', { name: 'Close survey' }),
          'Close survey push button.',
        );

        const into = await press(['Tab'], says('not selected radio button'), 'the first point');
        expect(spoken(into)).toEqual(
          expect.arrayContaining([`${question} panel.`, `${first}.`, 'not selected radio button']),
        );
        // Orca starts in browse mode, where an arrow reads the next point without choosing it.
        const choice = INLINE_CHOICES[kind];
        await choose(choice);
        // Escape after the thank-you: on to the next inline survey, as Tab would go, and after
        // the last one to the page's next button.
        const next = kind === 'CES' ? 'Corner NPS push button.' : 'Close survey push button.';
        const sent = await commentAndSend(choice, 'Keys only', (said) => said === next);
        expectSentOnce(sent);
        await expectStored(surveyId, choice.score, 'Keys only');
      });
    }

    const MODAL_CHOICES: Record<(typeof KINDS)[number]['kind'], Choice> = {
      NPS: {
        keys: ['Left'],
        name: '10, Extremely likely',
        score: 10,
        prompt: 'What do you like most?',
      },
      CSAT: {
        keys: ['Right'],
        name: '2, Dissatisfied',
        score: 2,
        prompt: 'What is the main reason for your score?',
      },
      CES: {
        keys: ['space'],
        name: '1, Very difficult',
        score: 1,
        prompt: 'What is the main reason for your score?',
      },
    };

    for (const { kind } of KINDS) {
      it(`modal ${kind}: Enter on its button, focus mode, choose, Escape keeps the comment, send, Escape back to the button`, async () => {
        const surveyId = `demo-${kind.toLowerCase()}-modal`;
        await startAt(
          page.getByRole('button', { name: `Modal ${kind}`, exact: true }),
          `Modal ${kind} push button.`,
        );

        // What Orca says as the dialog opens is not asserted: in this visit it says nothing (the
        // opener turns inert under focus, and Orca takes the move to the first point for one it
        // made itself), after a reload it says the dialog and the point (widget README). The
        // visitor turns on focus mode, and the keys that choose say the point.
        await desktop.key('Return');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.localName))
          .toBe('hark-survey');
        const choice = MODAL_CHOICES[kind];
        await choose(choice);
        const sent = await commentAndSend(
          choice,
          'In a dialog',
          (said) => said === `Modal ${kind} push button.`,
          true,
        );
        expectSentOnce(sent);
        await expectStored(surveyId, choice.score, 'In a dialog');
      });
    }

    it('the demo page reads its results only when asked, once', async () => {
      await startAt(
        page.getByRole('button', { name: 'Announce the results' }),
        'Announce the results push button.',
      );
      const mark = orca.mark();
      const results = await page.locator('#results').textContent();
      // The answers the tests above sent, as the page shows them.
      expect(results).toMatch(/^demo-nps \(NPS\): /);
      const asked = await press(
        ['Return'],
        (p) => liveMessages(p).length > 0,
        'the results, as a live-region message',
      );
      // Orca says each line of it apart; they are joined here with a space.
      const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
      const asWords = words(results);
      expect(words(liveMessages(asked)[0])).toBe(asWords);
      // Tab on, and wait for it: nothing more was queued.
      await press(['Tab'], (p) => spoken(p).some((s) => s.endsWith('link.')), 'the next link');
      expect(liveMessages(orca.since(mark)).map(words)).toEqual([asWords]);
    });
  },
);
