/**
 * `@hark/widget/hark.js`: the script tag's API for sites that bundle Hark from npm. The survey
 * UI is a separate chunk, imported only when a survey is about to show.
 *
 * ```js
 * import { createHark } from '@hark/widget/hark.js';
 * const hark = createHark({ collector: 'https://example.com/v1/responses', surveys: [...] });
 * hark.track('checkout_completed');
 * ```
 */
import { createHark as create, type HarkApi, type HarkOptions } from './loader/create-hark.js';

export type { HarkApi, HarkOptions } from './loader/create-hark.js';
export type {
  AttributeRule,
  SurveyConfig,
  Targeting,
  Trigger,
  Variant,
} from './loader/survey-config.js';

export function createHark(options: HarkOptions): HarkApi {
  return create(options, () => import('./loader/mount-survey.js'));
}
