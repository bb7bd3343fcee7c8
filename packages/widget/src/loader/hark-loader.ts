// The script-tag entry (`hark.js`), built as a classic script: reads the tag's data-* attributes,
// replays the command queue, publishes `window.Hark`, and loads the survey UI (`hark-ui.js`,
// beside it) only when a survey is about to show.
import { createHark, type HarkApi, type HarkOptions } from './create-hark.js';
import type { UiModule } from './ui-module.js';

type Command = readonly [name: string, ...args: unknown[]];
type HarkWindow = Window & { Hark?: HarkApi; hark?: Command[] | { push(c: Command): void } };

/**
 * Where the loaded API is, whatever the page does with the name `Hark`: a symbol no element id
 * and no page variable can take, shared by every copy of hark.js (so a second copy knows).
 */
const LOADED = Symbol.for('hark');

function parseSurveys(json: string | undefined): HarkOptions['surveys'] {
  if (json === undefined) return undefined;
  try {
    return [JSON.parse(json)].flat();
  } catch (error) {
    console.error('[hark] data-survey is not valid JSON; it is ignored.', error);
    return undefined;
  }
}

function boot(): void {
  const w = window as HarkWindow & { [LOADED]?: HarkApi };
  const script = document.currentScript as HTMLScriptElement | null;
  if (w[LOADED]) {
    console.warn('[hark] hark.js is on the page twice; the second copy does nothing.');
    return;
  }
  const data = script?.dataset ?? {};
  if (!data.collector) {
    console.error('[hark] the script tag needs data-collector (the collector’s URL); Hark is off.');
    return;
  }
  const ui = new URL('hark-ui.js', script?.src ?? location.href).href;
  const surveys = parseSurveys(data.survey);
  let recontactDays: number | undefined = Number(data.recontactDays ?? Number.NaN);
  if (!(recontactDays >= 0)) {
    if (data.recontactDays !== undefined)
      console.error(`[hark] data-recontact-days must be a number of days ≥ 0; using 14.`);
    recontactDays = undefined;
  }
  const options: HarkOptions = {
    collector: data.collector,
    surveys,
    surveyUrl: data.surveyUrl || undefined,
    requireConsent: 'requireConsent' in data,
    respectPrivacySignals: 'respectPrivacySignals' in data,
    scrubPii: 'scrubPii' in data,
    recontactDays,
    locale: data.locale || undefined,
    metadata: data.metadata?.split(',').map((k) => k.trim()),
    theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : undefined,
  };
  const api = createHark(options, () => import(/* @vite-ignore */ ui) as Promise<UiModule>);
  const run = (command: Command): void => {
    // The page names the method: only the API's own, never one of Object.prototype's.
    const method =
      Array.isArray(command) && Object.hasOwn(api, command[0])
        ? api[command[0] as keyof HarkApi]
        : undefined;
    if (typeof method !== 'function') {
      console.error('[hark] unknown command', command);
      return;
    }
    (method as (...args: unknown[]) => unknown)(...command.slice(1));
  };
  const queued = Array.isArray(w.hark) ? w.hark : [];
  w[LOADED] = api;
  // A page's own `Hark` (its variable or property) stays the page's. An element with
  // id="Hark" is not an own property of window (named access): publishing the API shadows it.
  if (Object.hasOwn(w, 'Hark'))
    console.warn("[hark] window.Hark is the page's; use hark.push() or window[Symbol.for('hark')]");
  else w.Hark = api;
  // From now on, hark.push() runs at once; what was pushed before ran in order, first.
  w.hark = { push: run };
  for (const command of queued) run(command);
}

boot();
