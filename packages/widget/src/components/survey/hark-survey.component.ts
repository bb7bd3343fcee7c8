import {
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  checkDefinition,
  type DefinitionIssue,
  localizedText,
  type SurveyDefinition,
  type SurveyText,
} from '../../definition/survey-definition.js';
import {
  type Catalogue,
  inLanguage,
  languageKey,
  loadSettled,
  msg,
  preferredLocales,
  type SurveyLanguage,
  surveyLanguage,
} from '../../i18n/localization.js';
import { PageLanguageController } from '../../i18n/page-language-controller.js';
import { deepActiveElement, hasFocusWithin } from '../../internal/deep-active-element.js';
import { planFocusBack } from '../../internal/focus-return.js';
import type { HarkScaleSurvey, Submitter } from '../../internal/scale-survey.js';
import '../ces/hark-ces.js';
import '../csat/hark-csat.js';
import '../nps/hark-nps.js';
import { visuallyHiddenStyles } from '../../internal/visually-hidden.styles.js';
import { surveyStyles } from './hark-survey.styles.js';

/** The survey's language and its text in it, as chosen for the current definition and page. */
interface Localized {
  readonly issues: readonly DefinitionIssue[];
  readonly text: SurveyText | undefined;
  readonly locale: string | undefined;
  readonly language: SurveyLanguage;
}

/** How the survey sits on the page. */
export type Presentation = 'inline' | 'corner' | 'tab' | 'modal';

const supportsPopover =
  typeof HTMLElement !== 'undefined' && Object.hasOwn(HTMLElement.prototype, 'popover');

/**
 * @summary A survey from a definition object, in one of four presentations: `inline` (in the
 * flow of the page), `corner` (a floating card), `tab` (a launcher button that opens the card),
 * or `modal` (a native `<dialog>`).
 *
 * Shown automatically (`show()`), a corner card never takes focus: it is announced politely and is
 * the next stop after the page's own content. Opened by the visitor (the launcher, or
 * `show({ focus: true })`), it takes focus, and gives it back when it closes.
 *
 * An invalid definition renders nothing and is reported in the console with the path of each
 * problem.
 *
 * @fires hark-shown - From the inner survey element; see `HarkScaleSurvey`.
 * @csspart launcher - The button of the `tab` presentation.
 * @csspart panel - The floating card (`corner`, `tab`).
 * @csspart dialog - The dialog (`modal`).
 */
export class HarkSurvey extends LitElement {
  static override styles = [visuallyHiddenStyles, surveyStyles];

  static override properties: PropertyDeclarations = {
    definition: {
      converter: {
        fromAttribute: (value: string | null) => {
          if (value === null) return undefined;
          try {
            return JSON.parse(value) as unknown;
          } catch {
            return { invalidJson: value };
          }
        },
      },
    },
    presentation: { type: String, reflect: true },
    locale: {},
    open: { type: Boolean, reflect: true },
    launcherLabel: { type: String, attribute: 'launcher-label' },
    atTop: { type: Boolean, reflect: true, attribute: 'at-top' },
    theme: { type: String, reflect: true },
    submitter: { attribute: false },
    announcement: { state: true },
  };

  /** The survey to show (property, or the `definition` attribute as JSON). */
  declare definition: SurveyDefinition | undefined;
  /**
   * BCP 47 tag of the language to show the survey in; unset, the page's `<html lang>`, else the
   * browser's languages. Matched to the languages the definition is written in (see
   * `SurveyDefinition.translations`), else to the built-in locales.
   */
  declare locale: string | undefined;
  /** `inline` (default), `corner`, `tab` or `modal`. */
  declare presentation: Presentation;
  /** Whether a `corner`, `tab` or `modal` survey is open. Use `show()` and `hide()`. */
  declare open: boolean;
  /** Text of the `tab` launcher (default "Feedback"). */
  declare launcherLabel: string | undefined;
  /** `light`, `dark`, or unset to follow the visitor's preference. */
  declare theme: 'light' | 'dark' | undefined;
  /**
   * The floating card (or the feedback tab's launcher) moved to the top corner, because a focused
   * element of the page was under it (WCAG 2.4.11, focus not obscured). Set by the survey.
   * @readonly
   */
  declare atTop: boolean;
  /** Hands the answer over; see `HarkScaleSurvey.submitter`. */
  declare submitter: Submitter | undefined;
  declare protected announcement: string;

  #reported: unknown;
  #focusOnOpen = false;
  #returnFocusTo: HTMLElement | undefined;

  constructor() {
    super();
    this.presentation = 'inline';
    this.open = false;
    this.atTop = false;
    this.announcement = '';
    this.addEventListener('hark-dismiss', () => this.hide());
    new PageLanguageController(this);
  }

  /** The survey's language: the definition's best text for the visitor, else the built-ins'. */
  #localized(): Localized {
    // Asked for on every update (and twice in one): chosen anew only when what it depends on changed.
    const key = languageKey(this.locale);
    const cached = this.#localizedFor;
    if (cached !== undefined && cached.definition === this.definition && cached.key === key)
      return cached.value;
    const issues = checkDefinition(this.definition);
    const text =
      issues.length === 0
        ? localizedText(this.definition as SurveyDefinition, preferredLocales(this.locale))
        : undefined;
    const locale = text?.locale ?? this.locale;
    const value = { issues, text: text?.text, locale, language: surveyLanguage(locale) };
    this.#localizedFor = { definition: this.definition, key, value };
    return value;
  }

  #localizedFor: { definition: unknown; key: string; value: Localized } | undefined;

  #catalogue: Catalogue | undefined;

  /** Renders once the launcher's and labels' strings are loaded, as the survey itself does. */
  protected override async scheduleUpdate(): Promise<void> {
    this.#catalogue = await loadSettled(() => this.#localized().language.strings);
    super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.#onPageFocus);
    document.removeEventListener('keyup', this.#onPageKeyUp);
  }

  /**
   * A page element took focus: if the floating card covers any of it, move the card to the other
   * end of the screen, so a keyboard user always sees where they are.
   */
  readonly #onPageFocus = (event: FocusEvent): void => {
    // The element itself, not its outermost shadow host (which may fill the whole page).
    this.#keepClear(event.composedPath()[0]);
  };

  /**
   * Focus moving between two elements of one shadow tree never reaches the document, but the Tab
   * key that moved it does: look again after each one.
   */
  readonly #onPageKeyUp = (event: KeyboardEvent): void => {
    if (event.key === 'Tab') this.#keepClear(deepActiveElement());
  };

  #keepClear(target: EventTarget | null | undefined): void {
    // The open card, else the feedback tab's launcher: a pill over a footer link hides it too.
    const box = this.open ? this.#fit() : this.renderRoot.querySelector<HTMLElement>('.launcher');
    if (!(target instanceof Element) || box === null || hasFocusWithin(this)) return;
    const focused = target.getBoundingClientRect();
    const here = box.getBoundingClientRect();
    // The same card at the other end of the screen (1rem from the edge, as the styles put it).
    const margin = here.top >= innerHeight / 2 ? innerHeight - here.bottom : here.top;
    const top = this.atTop ? innerHeight - margin - here.height : margin;
    const there = { left: here.left, right: here.right, top, bottom: top + here.height };
    if (overlaps(focused, here) && !overlaps(focused, there)) this.atTop = !this.atTop;
  }

  /**
   * A card taller than ~40% of the screen (200% zoom, a phone) leaves no room at either end for
   * what has focus: it shrinks to a bar showing the question, and opens again while it has focus
   * (a click on the bar focuses the card: tabindex -1). Not on hover: a pointer left where the
   * visitor clicked would keep it open over what they then Tab to. The bar fits at the other end
   * of any screen.
   */
  #fit(): HTMLElement | null {
    const panel = this.renderRoot.querySelector<HTMLElement>('.corner');
    if (panel !== null) this.toggleAttribute('compact', panel.scrollHeight > innerHeight * 0.4);
    return panel;
  }

  /**
   * Opens a `corner`, `tab` or `modal` survey. With `focus: true` (the visitor asked for it) focus
   * moves into the survey; without, a corner card only announces itself.
   */
  show(options: { readonly focus?: boolean } = {}): void {
    const active = deepActiveElement();
    this.#returnFocusTo = active instanceof HTMLElement ? active : undefined;
    this.#focusOnOpen = options.focus === true || this.presentation === 'modal';
    if (!this.#focusOnOpen && this.presentation !== 'inline') {
      this.announcement = inLanguage(this.#catalogue, () =>
        msg('A short survey is open at the end of the page.', { id: 'open-notice' }),
      );
    }
    this.open = true;
  }

  /** Closes a `corner`, `tab` or `modal` survey; focus goes back where it was. */
  hide(): void {
    if (!this.open) return;
    const focusWasInside = hasFocusWithin(this);
    this.open = false;
    this.announcement = '';
    // A corner survey gives focus back itself, to where the visitor came from; the launcher and
    // the modal's opener are this element's to restore.
    if (focusWasInside && this.presentation !== 'corner') {
      void this.updateComplete.then(() => {
        const back =
          this.presentation === 'tab'
            ? this.renderRoot.querySelector<HTMLElement>('.launcher')
            : this.#returnFocusTo;
        planFocusBack(back, this)();
      });
    }
  }

  #survey(): HarkScaleSurvey | null {
    return this.renderRoot.querySelector<HarkScaleSurvey>('hark-nps, hark-csat, hark-ces');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watchPage(); // reconnected while open: watch the page's focus again
  }

  /**
   * Watches the page's focus while a floating card is open or a feedback tab's launcher is on the
   * page (2.4.11), and only then.
   */
  #watchPage(): void {
    const floating = this.presentation === 'tab' || (this.open && this.presentation === 'corner');
    for (const [type, listener] of [
      ['focusin', this.#onPageFocus],
      ['keyup', this.#onPageKeyUp],
    ] as const) {
      if (floating) document.addEventListener(type, listener as EventListener);
      else document.removeEventListener(type, listener as EventListener);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A launcher appearing on the page is announced, as a corner card is (after this render, so
    // the live region is already there to change).
    if (changed.has('presentation') && this.presentation === 'tab' && !this.open) {
      void this.updateComplete.then(() => {
        this.announcement = inLanguage(this.#catalogue, () =>
          msg('A feedback button is at the end of the page.', { id: 'tab-notice' }),
        );
      });
    }
    // A new presentation while open re-renders the survey in another container: open that one.
    if (!changed.has('open') && !changed.has('presentation')) return;
    this.#watchPage();
    this.#applyOpen();
    const survey = this.#survey();
    if (!this.open || survey === null) return;
    survey.hidden = false;
    void survey.updateComplete.then(() => this.#fit());
    if (this.#focusOnOpen) {
      void survey.updateComplete.then(() =>
        survey.shadowRoot?.querySelector<HTMLElement>('input[type="radio"]')?.focus(),
      );
    }
  }

  #applyOpen(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog !== null) {
      if (this.open && !dialog.open) dialog.showModal();
      if (!this.open && dialog.open) dialog.close();
    }
    const panel = this.renderRoot.querySelector<HTMLElement>('.corner');
    if (panel !== null && supportsPopover) {
      const showing = panel.matches(':popover-open');
      if (this.open && !showing) panel.showPopover();
      if (!this.open && showing) panel.hidePopover();
    }
  }

  readonly #onCancel = (event: Event): void => {
    // Escape on the dialog itself: close through the survey, so hark-dismiss fires as for any
    // other dismissal, and focus and state stay in step.
    event.preventDefault();
    this.#survey()?.dismiss('escape'); // fires hark-dismiss, which hides; a no-op if already hidden
    this.hide();
  };

  #renderSurvey(d: SurveyDefinition, t: SurveyText, locale: string | undefined): TemplateResult {
    // Properties, not attributes: the text may be anything, and is rendered as text.
    const followUp = t.followUp === false ? undefined : t.followUp;
    const props = [
      d.id,
      t.question,
      t.lowLabel,
      t.highLabel,
      followUp?.detractor,
      followUp?.passive,
      followUp?.promoter,
      t.followUp === false,
      d.variant,
      d.headingLevel,
      this.theme,
      this.submitter,
      locale,
    ] as const;
    const [
      id,
      question,
      low,
      high,
      detractor,
      passive,
      promoter,
      noFollowUp,
      variant,
      level,
      theme,
      submitter,
      lang,
    ] = props;
    switch (d.kind) {
      case 'nps':
        return html`<hark-nps .surveyId=${id} .question=${question} .lowLabel=${low} .highLabel=${high} .detractorPrompt=${detractor} .passivePrompt=${passive} .promoterPrompt=${promoter} .noFollowUp=${noFollowUp} .variant=${variant} .headingLevel=${level} .theme=${theme} .submitter=${submitter} .locale=${lang}></hark-nps>`;
      case 'csat':
        return html`<hark-csat .look=${d.look ?? 'numbers'} .surveyId=${id} .question=${question} .lowLabel=${low} .highLabel=${high} .detractorPrompt=${detractor} .passivePrompt=${passive} .promoterPrompt=${promoter} .noFollowUp=${noFollowUp} .variant=${variant} .headingLevel=${level} .theme=${theme} .submitter=${submitter} .locale=${lang}></hark-csat>`;
      case 'ces':
        return html`<hark-ces .surveyId=${id} .question=${question} .lowLabel=${low} .highLabel=${high} .detractorPrompt=${detractor} .passivePrompt=${passive} .promoterPrompt=${promoter} .noFollowUp=${noFollowUp} .variant=${variant} .headingLevel=${level} .theme=${theme} .submitter=${submitter} .locale=${lang}></hark-ces>`;
    }
  }

  override render(): TemplateResult | typeof nothing {
    return inLanguage(this.#catalogue, () => this.#render());
  }

  #render(): TemplateResult | typeof nothing {
    const { issues, text, locale, language } = this.#localized();
    if (issues.length > 0) {
      if (this.#reported !== this.definition) {
        this.#reported = this.definition;
        const lines = issues.map((issue) => `  ${issue.path || '(definition)'} ${issue.message}`);
        console.error(
          `[hark] <hark-survey>: the survey definition is invalid; nothing is shown.\n${lines.join('\n')}`,
        );
      }
      return nothing;
    }
    const definition = this.definition as SurveyDefinition;
    const { lang, dir } = language;
    const survey = this.#renderSurvey(definition, text ?? definition, locale);
    // The dialog and the card are named by the question, as the survey's group and heading are.
    const name = (text ?? definition).question ?? defaultQuestion(definition.kind);
    const status = html`<div class="visually-hidden" role="status" aria-live="polite" lang=${lang}>${this.announcement}</div>`;
    switch (this.presentation) {
      case 'modal':
        return html`<dialog part="dialog" lang=${lang} dir=${dir} aria-label=${name} @cancel=${this.#onCancel}>${this.open ? survey : nothing}</dialog>`;
      case 'corner':
      case 'tab': {
        const launcher =
          this.presentation === 'tab'
            ? html`<button type="button" class="launcher" part="launcher" lang=${lang} dir=${dir} aria-expanded=${this.open ? 'true' : 'false'} @click=${() => this.show({ focus: true })}>
                ${this.launcherLabel ?? msg('Feedback', { id: 'feedback' })}
              </button>`
            : nothing;
        return html`${launcher}<div
            class="corner"
            part="panel"
            lang=${lang}
            dir=${dir}
            role="region"
            aria-label=${name}
            tabindex="-1"
            popover=${supportsPopover ? 'manual' : nothing}
            ?hidden=${!supportsPopover && !this.open}
          >
            ${this.open ? survey : nothing}
          </div>
          ${status}`;
      }
      default:
        return survey;
    }
  }
}

/** The kind's standard question, as its element says it (same message ids). */
function defaultQuestion(kind: SurveyDefinition['kind']): string {
  switch (kind) {
    case 'nps':
      return msg('How likely are you to recommend us to a friend or colleague?', {
        id: 'nps-question',
      });
    case 'csat':
      return msg('How satisfied are you with your experience?', { id: 'csat-question' });
    case 'ces':
      return msg('How easy was it to get what you needed today?', { id: 'ces-question' });
  }
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
