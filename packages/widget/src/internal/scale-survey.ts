import {
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ScaleKeyboardController } from '../controllers/scale-keyboard-controller.js';
import type { HarkAnswerDetail } from '../events/hark-answer.js';
import type { HarkDismissDetail } from '../events/hark-dismiss.js';
import type { HarkErrorDetail } from '../events/hark-error.js';
import type { HarkShownDetail } from '../events/hark-shown.js';
import type { HarkSubmitDetail } from '../events/hark-submit.js';
import {
  type Catalogue,
  inLanguage,
  languageKey,
  loadSettled,
  msg,
  type SurveyLanguage,
  surveyLanguage,
} from '../i18n/localization.js';
import { PageLanguageController } from '../i18n/page-language-controller.js';
import { contrastRatio, parseComputedColor, readableOn, toCss } from './contrast.js';
import { hasFocusWithin } from './deep-active-element.js';
import { focusOrigin, noteFocusOrigins, planFocusBack } from './focus-return.js';
import { scaleSurveyStyles } from './scale-survey.styles.js';
import { type ScaleOf, type ScoreBand, type SurveyKind, scoreBand } from './survey-kind.js';
import { visuallyHiddenStyles } from './visually-hidden.styles.js';

/** Where the survey is in its short life. */
export type SurveyState = 'question' | 'sending' | 'thanks' | 'error';

/** Hands an answer over (to the outbox); the survey says thank you once the promise resolves. */
export type Submitter = (answer: HarkSubmitDetail) => Promise<void> | void;

let nextId = 0;

/**
 * What NPS, CSAT and CES have in common: a question, a scale of points as one native radio
 * group, an optional follow-up question whose prompt depends on the score band, a send button,
 * a thank-you, and a close button. Subclasses say which kind, which points and which words.
 *
 * Native radios give the radio-group semantics for free and keep every option in one group of one
 * shadow root (never "1 of 1"); `ScaleKeyboardController` gives the arrows (the same in every
 * engine), Home, End and Enter.
 *
 * @fires hark-shown - The survey was rendered.
 * @fires hark-answer - The visitor chose a score (not fired when code sets `score`).
 * @fires hark-submit - The visitor sent the survey; cancelable.
 * @fires hark-dismiss - The visitor closed the survey (close button or Escape).
 * @fires hark-error - The answer could not be handed over (`submitter` rejected).
 *
 * @csspart base - The card.
 * @csspart question - The question text.
 * @csspart scale - The radio group of points.
 * @csspart option - One point; `option-checked` on the chosen one.
 * @csspart ends - The labels of the two ends of the scale.
 * @csspart follow-up - The follow-up question and its text box.
 * @csspart comment - The follow-up text box.
 * @csspart submit - The send button.
 * @csspart dismiss - The close button.
 * @csspart thanks - The thank-you message.
 * @csspart error - An error message.
 *
 * @cssprop --hark-accent - Colour of the chosen point, the send button and focus rings.
 * @cssprop --hark-on-accent - Text on the accent colour (corrected automatically when unreadable).
 * @cssprop --hark-surface - Background of the card.
 * @cssprop --hark-text - Text colour.
 * @cssprop --hark-muted-text - Colour of the end labels.
 * @cssprop --hark-border - Borders of the card and the points.
 * @cssprop --hark-error-text - Colour of error messages.
 * @cssprop --hark-font - Font family (default: the page's).
 * @cssprop --hark-font-size - Base font size (default: 1rem).
 * @cssprop --hark-radius - Corner radius of the card.
 * @cssprop --hark-space - Padding of the card.
 * @cssprop --hark-max-width - Widest the card grows.
 */
export abstract class HarkScaleSurvey extends LitElement {
  static override styles = [visuallyHiddenStyles, scaleSurveyStyles];

  static override properties: PropertyDeclarations = {
    surveyId: { attribute: 'survey-id' },
    locale: {},
    question: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    lowLabel: { attribute: 'low-label' },
    highLabel: { attribute: 'high-label' },
    detractorPrompt: { attribute: 'detractor-prompt' },
    passivePrompt: { attribute: 'passive-prompt' },
    promoterPrompt: { attribute: 'promoter-prompt' },
    noFollowUp: { type: Boolean, attribute: 'no-follow-up' },
    noDismiss: { type: Boolean, attribute: 'no-dismiss' },
    variant: {},
    score: { type: Number },
    comment: {},
    theme: { reflect: true },
    submitter: { attribute: false },
    state: { state: true },
    invalid: { state: true },
    announcement: { state: true },
  };

  /** Which kind of survey this is; fixes the scale. */
  abstract readonly kind: SurveyKind;
  /**
   * The lowest and highest point of the scale: the kinds table's, checked by the compiler (a
   * literal in each element costs the bundles less than reading the table).
   */
  protected abstract readonly min: ScaleOf<this['kind']>['min'];
  protected abstract readonly max: ScaleOf<this['kind']>['max'];

  readonly #keyboard = new ScaleKeyboardController(this, () => [
    ...(this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []),
  ]);
  readonly #ids = `hark-${++nextId}`;
  #returnFocusTo: HTMLElement | undefined;

  /** The survey's id, sent with the answer (`survey-id`). */
  declare surveyId: string;
  /**
   * BCP 47 tag of the language to show the survey in. Unset: the page's `<html lang>`, else the
   * browser's languages, matched to the nearest built-in locale (`pt-PT` → `pt-BR`), else English.
   */
  declare locale: string | undefined;
  /** The question, shown as text (never HTML). Defaults to the kind's standard question. */
  declare question: string | undefined;
  /**
   * Level of the question's heading (`heading-level`, 1 to 6, default 2), to fit the page's
   * outline: screen-reader users find the survey by heading navigation.
   */
  declare headingLevel: number | undefined;
  /** Label of the lowest point (`low-label`), e.g. "Not at all likely". */
  declare lowLabel: string | undefined;
  /** Label of the highest point (`high-label`), e.g. "Extremely likely". */
  declare highLabel: string | undefined;
  /** Follow-up prompt after a low score (`detractor-prompt`). */
  declare detractorPrompt: string | undefined;
  /** Follow-up prompt after a middle score (`passive-prompt`). */
  declare passivePrompt: string | undefined;
  /** Follow-up prompt after a high score (`promoter-prompt`). */
  declare promoterPrompt: string | undefined;
  /** Ask no follow-up question (`no-follow-up`). */
  declare noFollowUp: boolean;
  /** Show no close button (`no-dismiss`); Escape still closes. */
  declare noDismiss: boolean;
  /** A/B variant of the wording, sent with the answer. */
  declare variant: string | undefined;
  /** The chosen score. Setting it in code checks the point and fires nothing. */
  declare score: number | undefined;
  /** The follow-up answer. */
  declare comment: string;
  /** `light`, `dark`, or unset to follow `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;
  /** Hands the answer over; the thank-you shows only once it resolves. */
  declare submitter: Submitter | undefined;
  /** Where the survey is: question, sending, thanks or error. */
  declare state: SurveyState;
  declare protected invalid: boolean;
  declare protected announcement: string;

  constructor() {
    super();
    this.surveyId = '';
    this.noFollowUp = false;
    this.noDismiss = false;
    this.comment = '';
    this.state = 'question';
    this.invalid = false;
    this.announcement = '';
    this.addEventListener('keydown', this.#onHostKeydown);
    this.addEventListener('focusin', this.#onFocusIn);
    new PageLanguageController(this);
  }

  #language: SurveyLanguage | undefined;
  #languageKey: string | undefined;

  /** The language the survey speaks, chosen anew when the locale or the page's language changes. */
  protected get language(): SurveyLanguage {
    const key = languageKey(this.locale);
    if (this.#language === undefined || key !== this.#languageKey) {
      this.#languageKey = key;
      this.#language = surveyLanguage(this.locale);
    }
    return this.#language;
  }

  #catalogue: Catalogue | undefined;

  /** Renders only once the strings of the survey's locale are loaded: never a flash of English. */
  protected override async scheduleUpdate(): Promise<void> {
    this.#catalogue = await loadSettled(() => this.language.strings);
    super.scheduleUpdate();
  }

  /** Runs `fn` in the survey's language: what it renders and announces. */
  protected say<T>(fn: () => T): T {
    return inLanguage(this.#catalogue, fn);
  }

  /** The standard question of this kind, in the current locale. */
  protected abstract defaultQuestion(): string;
  /** The standard end labels of this kind. */
  protected abstract defaultEnds(): readonly [low: string, high: string];
  /** What a point shows; its number, in the locale's digits, unless a subclass draws it otherwise. */
  protected face(point: number): TemplateResult | string {
    return this.language.number(point);
  }
  /** What a point means in words, when more than its number (CSAT); its name adds them to the number. */
  protected pointLabel(_point: number): string | undefined {
    return undefined;
  }

  protected override firstUpdated(): void {
    this.#checkAccentContrast();
    this.#fire<HarkShownDetail>('hark-shown', { surveyId: this.surveyId });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Attributes can say anything: a score off the scale, or a removed attribute, is no score.
    if (changed.has('score')) {
      const score = this.score;
      if (score != null && !(Number.isInteger(score) && score >= this.min && score <= this.max))
        this.score = undefined;
      if (score === null) this.score = undefined;
    }
    if (this.comment == null) this.comment = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') && this.hasUpdated) this.#checkAccentContrast();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    noteFocusOrigins();
    this.#colorScheme?.addEventListener('change', this.#onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#colorScheme?.removeEventListener('change', this.#onSchemeChange);
  }

  readonly #colorScheme =
    typeof matchMedia === 'undefined' ? undefined : matchMedia('(prefers-color-scheme: dark)');

  readonly #onSchemeChange = (): void => {
    void this.updateComplete.then(() => this.#checkAccentContrast());
  };

  /** @internal */
  #fire<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  #choose(radio: HTMLInputElement): void {
    const score = Number(radio.value);
    radio.checked = true;
    if (score === this.score) return;
    this.score = score;
    this.invalid = false;
    this.#fire<HarkAnswerDetail>('hark-answer', {
      surveyId: this.surveyId,
      kind: this.kind,
      score,
    });
  }

  readonly #onChange = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'radio') this.#choose(target);
  };

  readonly #onCommentInput = (event: Event): void => {
    this.comment = (event.target as HTMLTextAreaElement).value;
  };

  readonly #onHostKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    // Never mid-send, and never throw away a comment being typed: Escape there does nothing.
    if (this.state === 'sending') {
      event.preventDefault();
      return;
    }
    const from = event.composedPath()[0];
    // Handled either way: a dialog around the survey must not take it as a cancel either.
    event.preventDefault();
    if (!(from instanceof HTMLTextAreaElement && from.value.trim() !== '')) this.dismiss('escape');
  };

  readonly #onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !this.contains(from) && from !== this)
      this.#returnFocusTo = focusOrigin(event);
  };

  readonly #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.state === 'sending') return;
    if (this.score === undefined) {
      this.invalid = true;
      this.announcement = '';
      await this.updateComplete;
      this.announcement = this.say(() =>
        msg('Choose a score to send your answer.', { id: 'choose-score' }),
      );
      this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    const comment = this.noFollowUp ? '' : cleanComment(this.comment);
    const answer: HarkSubmitDetail = {
      surveyId: this.surveyId,
      kind: this.kind,
      score: this.score,
      ...(comment === '' ? {} : { comment }),
      ...(this.variant ? { variant: this.variant } : {}),
      locale: this.language.lang,
    };
    if (!this.#fire<HarkSubmitDetail>('hark-submit', answer, true)) return;
    const focusWasInside = hasFocusWithin(this);
    this.state = 'sending';
    // "Sending…" is announced only when the hand-over is slow, and then stays long enough to be
    // read: Orca reads a live region some 100 ms after it changes, so a "Sending…" replaced sooner
    // by the thank-you had the thank-you said twice (test/screen-reader).
    let sendingSaidAt: number | undefined;
    const slow = setTimeout(() => {
      this.announcement = this.say(() => msg('Sending…', { id: 'sending' }));
      sendingSaidAt = performance.now();
    }, SENDING_NOTICE_AFTER_MS);
    let failed: { error: unknown } | undefined;
    try {
      await this.submitter?.(answer);
    } catch (error) {
      failed = { error };
    }
    clearTimeout(slow);
    // The state follows the hand-over at once (Escape and × work again); only what is said waits
    // until a "Sending…" has been heard out.
    this.state = failed ? 'error' : 'thanks';
    if (failed)
      this.#fire<HarkErrorDetail>('hark-error', {
        surveyId: this.surveyId,
        code: 'submit-failed',
        ...failed,
      });
    // Focus moves to the question, not to the thank-you: Orca says nothing for a focused paragraph
    // and other screen readers read it, so the live region alone says the outcome, once.
    if (!failed && focusWasInside) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.question')?.focus();
    }
    if (sendingSaidAt !== undefined) await heardOut(sendingSaidAt);
    // Emptied first, so a second failure in a row is said again.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = this.say(() =>
      failed
        ? msg('Your answer could not be sent. Please try again.', { id: 'send-failed' })
        : msg('Thank you for your feedback!', { id: 'thanks' }),
    );
  };

  /** Closes the survey without sending: fires `hark-dismiss`, hides, and gives focus back. */
  dismiss(reason: HarkDismissDetail['reason'] = 'close-button'): void {
    if (this.hidden) return;
    // Planned before the event: a listener may take the survey off the page.
    const back = hasFocusWithin(this) && planFocusBack(this.#returnFocusTo, this);
    this.#fire<HarkDismissDetail>('hark-dismiss', {
      surveyId: this.surveyId,
      reason,
      answered: this.state === 'thanks',
    });
    this.hidden = true;
    if (back) back();
  }

  /** WCAG 1.4.11 / 1.4.3 for a custom `--hark-accent`: fix the text on it, report what cannot be fixed. */
  #checkAccentContrast(): void {
    const button = this.renderRoot.querySelector<HTMLElement>('.submit');
    const card = this.renderRoot.querySelector<HTMLElement>('.card');
    // In forced colours the system palette replaces the accent: nothing to check.
    if (button === null || card === null || matchMedia('(forced-colors: active)').matches) return;
    card.style.removeProperty('--_on-accent'); // judge the theme's own colours, not a past fix
    const accent = parseComputedColor(getComputedStyle(button).backgroundColor);
    const surface = parseComputedColor(getComputedStyle(card).backgroundColor);
    if (accent === undefined || surface === undefined) return;
    const onAccent = parseComputedColor(getComputedStyle(button).color);
    if (onAccent !== undefined && contrastRatio(accent, onAccent) < 4.5) {
      const better = readableOn(accent);
      // Set on the card directly, not through a render: the element keeps it across updates.
      card.style.setProperty('--_on-accent', toCss(better.color));
      if (better.ratio < 4.5) {
        console.warn(
          `[hark] <${this.localName}>: text on --hark-accent ${toCss(accent)}: ${better.ratio.toFixed(2)}:1 < 4.5:1 (WCAG 1.4.3)`,
        );
      }
    }
    const against = contrastRatio(accent, surface);
    if (against < 3) {
      console.warn(
        `[hark] <${this.localName}>: --hark-accent ${toCss(accent)} on ${toCss(surface)}: ${against.toFixed(2)}:1 < 3:1 (WCAG 1.4.11)`,
      );
    }
  }

  #prompt(band: ScoreBand): string {
    switch (band) {
      case 'detractor':
        return (
          this.detractorPrompt ??
          msg('What is the main reason for your score?', { id: 'follow-up-low' })
        );
      case 'passive':
        return this.passivePrompt ?? msg('What would make it better?', { id: 'follow-up-middle' });
      case 'promoter':
        return this.promoterPrompt ?? msg('What do you like most?', { id: 'follow-up-high' });
    }
  }

  #renderScale(): TemplateResult {
    const [defaultLow, defaultHigh] = this.defaultEnds();
    const low = this.lowLabel ?? defaultLow;
    const high = this.highLabel ?? defaultHigh;
    const id = this.#ids;
    const points = Array.from({ length: this.max - this.min + 1 }, (_, i) => this.min + i);
    return html`
      <div
        role="radiogroup"
        class="scale"
        part="scale"
        aria-labelledby="${id}-question"
        aria-describedby=${this.invalid ? `${id}-error` : nothing}
        aria-required="true"
        aria-invalid=${this.invalid ? 'true' : 'false'}
        @keydown=${this.#keyboard.handleKeydown}
        @change=${this.#onChange}
      >
        ${points.map((point) => {
          // The name starts with what the point shows (WCAG 2.5.3: "click 2" works), then its
          // words: an end's label (a name is read for sure; a description may be delayed or
          // skipped), else its own (CSAT), never both for one point.
          const digits = this.language.number(point);
          const words =
            point === this.min ? low : point === this.max ? high : this.pointLabel(point);
          // A <span>, not a <label>: the input covers the whole option, and its name is its
          // aria-label (a label with only an aria-hidden face is an empty label to checkers).
          // The group's name is unique per survey, so checkers that look across shadow roots
          // do not take two surveys' radios for one group.
          return html`<span class="option" part="option${this.score === point ? ' option-checked' : ''}">
            <input
              type="radio"
              name="${id}-score"
              .value=${String(point)}
              .checked=${this.score === point}
              aria-label=${words ? `${digits}, ${words}` : digits}
              ?disabled=${this.state === 'sending'}
            /><span class="face" aria-hidden="true">${this.face(point)}</span>
          </span>`;
        })}
      </div>
      <p class="ends" part="ends">
        <span>${low}</span>
        <span>${high}</span>
      </p>
      ${
        this.invalid
          ? html`<p class="error" part="error" id="${id}-error">${msg('Choose a score to send your answer.', { id: 'choose-score' })}</p>`
          : nothing
      }
    `;
  }

  #renderFollowUp(): TemplateResult | typeof nothing {
    if (this.noFollowUp || this.score === undefined) return nothing;
    const id = this.#ids;
    return html`<p class="follow-up" part="follow-up">
      <label for="${id}-comment">${this.#prompt(scoreBand(this.kind, this.score))}</label>
      <textarea
        id="${id}-comment"
        part="comment"
        maxlength="2000"
        rows="3"
        .value=${this.comment}
        @input=${this.#onCommentInput}
        ?disabled=${this.state === 'sending'}
      ></textarea>
    </p>`;
  }

  override render(): TemplateResult {
    return this.say(() => this.#render());
  }

  #render(): TemplateResult {
    const id = this.#ids;
    const { lang, dir } = this.language;
    const dismiss = this.noDismiss
      ? nothing
      : html`<button type="button" class="dismiss" part="dismiss" aria-label=${msg('Close survey', { id: 'close' })} @click=${() => this.dismiss()}>
          <span aria-hidden="true">×</span>
        </button>`;
    const body =
      this.state === 'thanks'
        ? html`<p class="thanks" part="thanks">${msg('Thank you for your feedback!', { id: 'thanks' })}</p>`
        : html`<form part="form" novalidate @submit=${this.#onSubmit}>
            ${this.#renderScale()} ${this.#renderFollowUp()}
            ${
              this.state === 'error'
                ? html`<p class="error" part="error">${msg('Your answer could not be sent. Please try again.', { id: 'send-failed' })}</p>`
                : nothing
            }
            <div class="actions">
              <button type="submit" class="submit" part="submit" aria-disabled=${this.state === 'sending' ? 'true' : 'false'}>
                ${this.state === 'sending' ? msg('Sending…', { id: 'sending' }) : msg('Send', { id: 'send' })}
              </button>
            </div>
          </form>`;
    return html`<div class="card" part="base" lang=${lang} dir=${dir}>
        <div class="header">
          <p class="question" part="question" id="${id}-question" role="heading" aria-level=${headingLevel(this.headingLevel)} tabindex=${this.state === 'thanks' ? '-1' : nothing}>${this.question ?? this.defaultQuestion()}</p>
          ${dismiss}
        </div>
        ${body}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" lang=${lang}>${this.announcement}</div>`;
  }
}

/** How long a hand-over may take before "Sending…" is announced. */
const SENDING_NOTICE_AFTER_MS = 1000;

/** Resolves once an announcement made at `saidAt` has had a second to be read. */
function heardOut(saidAt: number): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, saidAt + 1000 - performance.now())),
  );
}

/** A heading level as HTML has them, 1 to 6; anything else (unset, "7", "x") is 2. */
export function headingLevel(level: unknown): number {
  return [1, 2, 3, 4, 5, 6].includes(level as number) ? (level as number) : 2;
}

/**
 * What a visitor typed, as the collector accepts it: trimmed, without control characters other
 * than tab and line breaks (pasted text carries them), lone surrogates replaced.
 */
export function cleanComment(text: string): string {
  return text
    .replace(/(?![\t\n\r])\p{Cc}/gu, '')
    .replace(/\p{Cs}/gu, '\uFFFD')
    .trim();
}
