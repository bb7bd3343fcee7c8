import type { SurveyKind } from '../internal/survey-kind.js';

/** A visitor chose a score (by pointer, touch or keyboard). Not fired when code sets `score`. */
export interface HarkAnswerDetail {
  readonly surveyId: string;
  readonly kind: SurveyKind;
  readonly score: number;
}

export type HarkAnswerEvent = CustomEvent<HarkAnswerDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'hark-answer': HarkAnswerEvent;
  }
}
