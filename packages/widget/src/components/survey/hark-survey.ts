import { HarkSurvey } from './hark-survey.component.js';

export { HarkSurvey };

if (!customElements.get('hark-survey')) customElements.define('hark-survey', HarkSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'hark-survey': HarkSurvey;
  }
}
