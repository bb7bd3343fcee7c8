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

/** Per collector, the live instances that loaded the survey UI (and so may share its Delivery). */
const users = new Map<string, number>();
/** A stop under way: a later instance's UI waits for it, so it never gets the Delivery it stops. */
let stopping: Promise<void> = Promise.resolve();

/**
 * `destroy()` also stops the page's Delivery to this collector once no other live instance may
 * use it (answers still waiting stay in IndexedDB, for the next Delivery or page).
 */
export function createHark(options: HarkOptions): HarkApi {
  const collector = options.collector;
  let usesUi = false;
  const hark = create(options, () => {
    if (!usesUi) users.set(collector, (users.get(collector) ?? 0) + 1);
    usesUi = true;
    return stopping.then(() => import('./loader/mount-survey.js'));
  });
  const destroy = hark.destroy;
  hark.destroy = () => {
    destroy();
    if (!usesUi) return;
    usesUi = false;
    const left = (users.get(collector) ?? 1) - 1;
    if (left > 0) users.set(collector, left);
    else {
      users.delete(collector);
      stopping = import('./loader/page-delivery.js')
        .then((module) => module.stopDelivery(collector))
        .catch((error) => console.warn('[hark] delivery could not be stopped', error));
    }
  };
  return hark;
}
