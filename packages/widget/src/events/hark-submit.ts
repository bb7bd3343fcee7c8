import type { SurveyKind } from '../internal/survey-kind.js';

/**
 * A visitor sent the survey. Cancelable: a host that calls `preventDefault()` keeps the survey
 * open (for example to validate the comment itself).
 */
export interface HarkSubmitDetail {
  readonly surveyId: string;
  readonly kind: SurveyKind;
  readonly score: number;
  readonly comment?: string;
  readonly variant?: string;
  /** BCP 47 tag of the language the survey was shown in (the survey elements always say). */
  readonly locale?: string;
}

export type HarkSubmitEvent = CustomEvent<HarkSubmitDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'hark-submit': HarkSubmitEvent;
  }
}
