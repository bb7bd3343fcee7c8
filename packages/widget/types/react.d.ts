/**
 * JSX types for React 19: `<hark-nps>`, `<hark-csat>`, `<hark-ces>` and `<hark-survey>` in
 * `React.JSX.IntrinsicElements`, with their properties, attributes and `onhark-*` events.
 *
 * A separate entry, so that `@hark/widget` itself never needs React's types. In a React app, once:
 *
 * ```ts
 * /// <reference types="@hark/widget/react" />
 * ```
 *
 * React 19 sets a prop as a property when the element has one by that name (`surveyId`,
 * `definition`, `submitter`), else as an attribute (`survey-id`); `onhark-answer` listens to
 * `hark-answer`. Import the tag's module (`@hark/widget/hark-nps.js`) before rendering, so the
 * element is defined and object properties such as `definition` are set as properties.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { HarkSurvey } from '../dist/components/survey/hark-survey.component.js';
import type {
  HarkAnswerEvent,
  HarkCes,
  HarkCsat,
  HarkDismissEvent,
  HarkErrorEvent,
  HarkNps,
  HarkScaleSurvey,
  HarkShownEvent,
  HarkSubmitEvent,
} from '../dist/index.js';

/** Optional, and `undefined` allowed (under `exactOptionalPropertyTypes` too). */
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** The events every survey element fires; they bubble, so `<hark-survey>` passes them on. */
export interface HarkEventProps {
  'onhark-shown'?: ((event: HarkShownEvent) => void) | undefined;
  'onhark-answer'?: ((event: HarkAnswerEvent) => void) | undefined;
  /** Cancelable: `event.preventDefault()` keeps the answer from being sent. */
  'onhark-submit'?: ((event: HarkSubmitEvent) => void) | undefined;
  'onhark-dismiss'?: ((event: HarkDismissEvent) => void) | undefined;
  'onhark-error'?: ((event: HarkErrorEvent) => void) | undefined;
}

/** The properties a page sets on `<hark-nps>`, `<hark-csat>` and `<hark-ces>`. */
type ScaleProperties = Optional<
  Pick<
    HarkScaleSurvey,
    | 'surveyId'
    | 'locale'
    | 'question'
    | 'headingLevel'
    | 'lowLabel'
    | 'highLabel'
    | 'detractorPrompt'
    | 'passivePrompt'
    | 'promoterPrompt'
    | 'noFollowUp'
    | 'noDismiss'
    | 'variant'
    | 'score'
    | 'comment'
    | 'theme'
    | 'submitter'
  >
>;

/** The same, by their attribute names (`survey-id="…"`), as in HTML. */
interface ScaleAttributes {
  'survey-id'?: string | undefined;
  'heading-level'?: HarkScaleSurvey['headingLevel'];
  'low-label'?: string | undefined;
  'high-label'?: string | undefined;
  'detractor-prompt'?: string | undefined;
  'passive-prompt'?: string | undefined;
  'promoter-prompt'?: string | undefined;
  'no-follow-up'?: boolean | undefined;
  'no-dismiss'?: boolean | undefined;
}

/** React's own props for an element (`ref`, `key`, `className`, `style`, `children`…). */
type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

export type HarkScaleProps<E extends HarkScaleSurvey> = ElementProps<E> &
  ScaleProperties &
  ScaleAttributes &
  HarkEventProps;

export type HarkNpsProps = HarkScaleProps<HarkNps>;
export type HarkCesProps = HarkScaleProps<HarkCes>;
export type HarkCsatProps = HarkScaleProps<HarkCsat> & Optional<Pick<HarkCsat, 'look'>>;

export type HarkSurveyProps = ElementProps<HarkSurvey> &
  Optional<
    Pick<
      HarkSurvey,
      'definition' | 'presentation' | 'locale' | 'open' | 'launcherLabel' | 'theme' | 'submitter'
    >
  > & {
    'launcher-label'?: string | undefined;
  } & HarkEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'hark-nps': HarkNpsProps;
      'hark-csat': HarkCsatProps;
      'hark-ces': HarkCesProps;
      'hark-survey': HarkSurveyProps;
    }
  }
}
