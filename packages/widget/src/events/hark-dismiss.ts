/** A visitor closed the survey (close button or Escape): before answering, or after the thanks. */
export interface HarkDismissDetail {
  readonly surveyId: string;
  /** What closed it. */
  readonly reason: 'close-button' | 'escape';
  /** Whether the answer had been sent: a dismissal proper is `answered: false`. */
  readonly answered: boolean;
}

export type HarkDismissEvent = CustomEvent<HarkDismissDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'hark-dismiss': HarkDismissEvent;
  }
}
