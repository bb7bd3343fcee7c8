import type { Presentation } from '../components/survey/hark-survey.component.js';
import type { SurveyDefinition } from '../definition/survey-definition.js';

/** What the loader asks the survey UI chunk to show. */
export interface MountRequest {
  readonly definition: SurveyDefinition;
  readonly presentation: Presentation;
  readonly target?: string;
  /** Where answers go: the collector's `POST /v1/responses` URL. */
  readonly collector: string;
  readonly locale?: string;
  readonly theme?: 'light' | 'dark';
  readonly visitorId: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly scrubPii: boolean;
  /** The answer is in the outbox. */
  readonly onAnswered: () => void;
  /** The survey closed; `answered` if the visitor had sent it. */
  readonly onClosed: (answered: boolean) => void;
}

/** A survey on the page, which the loader may take away (consent withdrawn). */
export interface MountedSurvey {
  remove(): void;
}

/** The lazily loaded survey UI: `<hark-survey>`, delivery, and their wiring. */
export interface UiModule {
  /** Shows a survey; resolves undefined (and says why in the console) when it cannot. */
  mountSurvey(request: MountRequest): Promise<MountedSurvey | undefined>;
  /** Sends what earlier visits left in the outbox. */
  flushPending(collector: string): Promise<void>;
}

/** Set while answers wait in the outbox, so a later page knows to load delivery and send them. */
export const PENDING_KEY = 'hark.pending';
