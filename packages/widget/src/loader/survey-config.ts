import type { Presentation } from '../components/survey/hark-survey.component.js';
import type { SurveyDefinition, SurveyText } from '../definition/survey-definition.js';

/** When a survey asks to be shown (it is shown only if targeting and frequency allow). */
export type Trigger =
  | { readonly on: 'pageLoad' }
  | { readonly on: 'delay'; readonly seconds: number }
  /** `match`: a glob on the path (`/checkout/*`, `**` crosses `/`), or on the full URL if it has `://`. */
  | { readonly on: 'url'; readonly match: string }
  /** `regex`: on the full URL. */
  | { readonly on: 'url'; readonly regex: string }
  | { readonly on: 'event'; readonly name: string }
  | { readonly on: 'scroll'; readonly percent: number }
  /** Seconds the page has been visible, not merely open. */
  | { readonly on: 'timeOnPage'; readonly seconds: number }
  /** The pointer leaves the top of the window (desktop only). */
  | { readonly on: 'exitIntent' }
  /** Only `Hark.show(id)`. */
  | { readonly on: 'manual' };

/** A rule on one `Hark.identify()` attribute: a value to equal, or a comparison. */
export type AttributeRule =
  | string
  | number
  | boolean
  | { readonly in: readonly (string | number | boolean)[] }
  | { readonly not: string | number | boolean }
  | { readonly gte?: number; readonly lte?: number };

/** Who may see a survey. Every given condition must hold. */
export interface Targeting {
  /** Percentage of visitors (0–100), sticky per visitor. Default 100. */
  readonly sampleRate?: number;
  /** Visitor languages, by prefix (`pt` takes `pt-BR`). */
  readonly locales?: readonly string[];
  readonly devices?: readonly ('mobile' | 'tablet' | 'desktop')[];
  readonly attributes?: Readonly<Record<string, AttributeRule>>;
}

/**
 * One wording of an A/B test: its id (sent as `variant`) and the text it changes. A variant that
 * changes the text drops the survey's `translations` unless it gives its own.
 */
export interface Variant extends SurveyText {
  readonly id: string;
  readonly translations?: SurveyDefinition['translations'];
}

/** A survey as the script tag and `createHark` take it: a definition plus when and to whom. */
export interface SurveyConfig extends Omit<SurveyDefinition, 'variant'> {
  /** Default `corner`. */
  readonly presentation?: Presentation;
  /** For `inline`: a CSS selector of the element to render into. */
  readonly target?: string;
  /** Default `{ on: 'pageLoad' }`; several: whichever fires first. */
  readonly trigger?: Trigger | readonly Trigger[];
  readonly targeting?: Targeting;
  /** Wordings to test; each visitor gets one, always the same. */
  readonly variants?: readonly Variant[];
}

/** The fields of a survey's own text (which a variant may reword). */
export const TEXT_KEYS = ['question', 'lowLabel', 'highLabel', 'followUp'] as const;

/** The keys that are the loader's, not the survey definition's. */
export const LOADER_KEYS = ['presentation', 'target', 'trigger', 'targeting', 'variants'] as const;
