import { msg } from '../../i18n/localization.js';
import { HarkScaleSurvey } from '../../internal/scale-survey.js';

/**
 * @summary Net Promoter Score: "How likely are you to recommend…", 0 to 10.
 *
 * Events, parts and custom properties: see `HarkScaleSurvey`.
 */
export class HarkNps extends HarkScaleSurvey {
  readonly kind = 'nps' as const;
  protected readonly min = 0;
  protected readonly max = 10;

  protected defaultQuestion(): string {
    return msg('How likely are you to recommend us to a friend or colleague?', {
      id: 'nps-question',
    });
  }

  protected defaultEnds(): readonly [string, string] {
    return [
      msg('Not at all likely', { id: 'nps-low' }),
      msg('Extremely likely', { id: 'nps-high' }),
    ];
  }
}
