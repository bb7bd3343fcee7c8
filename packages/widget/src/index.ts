/**
 * @hark/widget: accessible NPS / CSAT / CES survey elements.
 * Importing this module defines nothing; import `@hark/widget/hark-nps.js` (etc.) to define a tag.
 */
export { HarkCes } from './components/ces/hark-ces.component.js';
export { type CsatLook, HarkCsat } from './components/csat/hark-csat.component.js';
export { HarkNps } from './components/nps/hark-nps.component.js';
export type {
  DefinitionIssue,
  FollowUpPrompts,
  SurveyDefinition,
  SurveyText,
} from './definition/survey-definition.js';
export type { HarkAnswerDetail, HarkAnswerEvent } from './events/hark-answer.js';
export type { HarkDismissDetail, HarkDismissEvent } from './events/hark-dismiss.js';
export type { HarkErrorDetail, HarkErrorEvent } from './events/hark-error.js';
export type { HarkShownDetail, HarkShownEvent } from './events/hark-shown.js';
export type { HarkSubmitDetail, HarkSubmitEvent } from './events/hark-submit.js';
export { widgetLocales } from './i18n/localization.js';
export { HarkScaleSurvey, type Submitter, type SurveyState } from './internal/scale-survey.js';
export type { ScoreBand, SurveyKind } from './internal/survey-kind.js';
