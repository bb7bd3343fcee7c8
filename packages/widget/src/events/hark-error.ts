/** Something went wrong that the host may want to know: the answer could not be handed over. */
export interface HarkErrorDetail {
  readonly surveyId: string;
  readonly code: 'submit-failed';
  readonly error: unknown;
}

export type HarkErrorEvent = CustomEvent<HarkErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'hark-error': HarkErrorEvent;
  }
}
