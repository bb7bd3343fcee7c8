/** The survey was rendered and can be seen. */
export interface HarkShownDetail {
  readonly surveyId: string;
}

export type HarkShownEvent = CustomEvent<HarkShownDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'hark-shown': HarkShownEvent;
  }
}
