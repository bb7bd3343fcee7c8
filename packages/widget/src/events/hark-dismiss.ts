/** A visitor closed the survey without sending it (close button or Escape). */
export interface HarkDismissDetail {
  readonly surveyId: string;
  /** What closed it. */
  readonly reason: 'close-button' | 'escape';
}

export type HarkDismissEvent = CustomEvent<HarkDismissDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'hark-dismiss': HarkDismissEvent;
  }
}
