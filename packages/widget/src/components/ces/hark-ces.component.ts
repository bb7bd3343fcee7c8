import { msg } from '../../i18n/localization.js';
import { HarkScaleSurvey } from '../../internal/scale-survey.js';

/**
 * @summary Customer Effort Score: "How easy was it…", 1 (very difficult) to 7 (very easy).
 *
 * Events, parts and custom properties: see `HarkScaleSurvey`.
 */
export class HarkCes extends HarkScaleSurvey {
  readonly kind = 'ces' as const;
  protected readonly min = 1;
  protected readonly max = 7;

  protected defaultQuestion(): string {
    return msg('How easy was it to get what you needed today?', { id: 'ces-question' });
  }

  protected defaultEnds(): readonly [string, string] {
    return [msg('Very difficult', { id: 'ces-low' }), msg('Very easy', { id: 'ces-high' })];
  }
}
