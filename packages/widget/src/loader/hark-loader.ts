// The script-tag entry (`hark.js`), built as a classic script: reads the tag's data-* attributes,
// replays the command queue, publishes `window.Hark`, and loads the survey UI (`hark-ui.js`,
// beside it) only when a survey is about to show.
import { createHark, type HarkApi, type HarkOptions } from './create-hark.js';
import type { UiModule } from './ui-module.js';

type Command = readonly [name: string, ...args: unknown[]];
type HarkWindow = Window & { Hark?: HarkApi; hark?: Command[] | { push(c: Command): void } };

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
  const w = window as HarkWindow;
  const script = document.currentScript as HTMLScriptElement | null;
  if (w.Hark !== undefined) {
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
    ...(surveys ? { surveys } : {}),
    ...(data.surveyUrl ? { surveyUrl: data.surveyUrl } : {}),
    requireConsent: 'requireConsent' in data,
    respectPrivacySignals: 'respectPrivacySignals' in data,
    scrubPii: 'scrubPii' in data,
    ...(recontactDays === undefined ? {} : { recontactDays }),
    ...(data.locale ? { locale: data.locale } : {}),
    ...(data.metadata ? { metadata: data.metadata.split(',').map((k) => k.trim()) } : {}),
    ...(data.theme === 'light' || data.theme === 'dark' ? { theme: data.theme } : {}),
  };
  const api = createHark(options, () => import(/* @vite-ignore */ ui) as Promise<UiModule>);
  const run = (command: Command): void => {
    const method = Array.isArray(command) ? api[command[0] as keyof HarkApi] : undefined;
    if (typeof method !== 'function') {
      console.error('[hark] unknown command', command);
      return;
    }
    (method as (...args: unknown[]) => unknown)(...command.slice(1));
  };
  const queued = Array.isArray(w.hark) ? w.hark : [];
  w.Hark = api;
  // From now on, hark.push() runs at once; what was pushed before ran in order, first.
  w.hark = { push: run };
  for (const command of queued) run(command);
}

boot();
