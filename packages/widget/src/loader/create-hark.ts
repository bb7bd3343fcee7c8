import type { Presentation } from '../components/survey/hark-survey.component.js';
import type { SurveyDefinition } from '../definition/survey-definition.js';
import { checkSurveyConfig } from './check-survey-config.js';
import { LOADER_KEYS, type SurveyConfig, TEXT_KEYS, type Trigger } from './survey-config.js';
import { isTargeted, pickVariant } from './targeting.js';
import { armTriggers } from './triggers.js';
import type { MountedSurvey, UiModule } from './ui-module.js';
import {
  firstVisit,
  forgetVisitor,
  hasPending,
  mergeVisitors,
  randomId,
  readVisitor,
  refused,
  rememberRefusal,
  type VisitorRecord,
  writeVisitor,
} from './visitor-state.js';

/** How a site sets Hark up: the script tag's `data-*` attributes, or `createHark()`'s options. */
export interface HarkOptions {
  /** The collector's `POST /v1/responses` URL: the only place answers go. */
  readonly collector: string;
  readonly surveys?: readonly SurveyConfig[] | undefined;
  /** Where to fetch more surveys (JSON: an array, or `{ "surveys": [...] }`). */
  readonly surveyUrl?: string | undefined;
  /** Show, store and send nothing until `consent(true)`. */
  readonly requireConsent?: boolean;
  /** Do nothing at all for visitors who send Global Privacy Control or Do Not Track. */
  readonly respectPrivacySignals?: boolean;
  /** No automatic survey within this many days of the last one shown. Default 14. */
  readonly recontactDays?: number | undefined;
  /** The language to show surveys in (default: the page's, else the browser's). */
  readonly locale?: string | undefined;
  /** `identify()` attributes that may be sent with answers (others only target). */
  readonly metadata?: readonly string[] | undefined;
  /** Replace e-mail addresses and phone numbers in comments before they are stored. */
  readonly scrubPii?: boolean;
  readonly theme?: 'light' | 'dark' | undefined;
}

/** The global `Hark` API (and `createHark()`'s result). */
export interface HarkApi {
  /** Shows a survey now, whatever its triggers, sampling and recontact period (consent still applies). */
  show(surveyId: string): Promise<boolean>;
  /** Reports an event; surveys with an `event` trigger of that name may show. */
  track(event: string): void;
  /** Attributes for targeting (and, if allowlisted in `metadata`, sent with answers). */
  identify(attributes: Readonly<Record<string, string | number | boolean>>): void;
  /** Grants or withdraws consent; withdrawing forgets the visitor id and history. */
  consent(granted: boolean): void;
  /** A new anonymous visitor: new id, history forgotten. */
  reset(): void;
  /** The anonymous visitor id, once there is one (after consent where it is required). */
  readonly visitorId: string | undefined;
  /**
   * Takes this instance off the page: disarms every trigger, removes the surveys it showed, and
   * makes every later call a no-op (`show()` resolves false, `visitorId` is undefined). Answers
   * already sent stay in the outbox. For a component that mounts and unmounts (React StrictMode
   * mounts twice): create in the effect, destroy in its cleanup.
   */
  destroy(): void;
}

const DAY = 86_400_000;

function privacySignal(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1';
}

function toDefinition(config: SurveyConfig, visitorId: string): SurveyDefinition {
  const definition: Record<string, unknown> = { ...config };
  for (const key of LOADER_KEYS) delete definition[key];
  const variant = pickVariant(config.variants, config.id, visitorId);
  if (variant === undefined) return definition as unknown as SurveyDefinition;
  // A variant that rewords the survey makes the base translations wrong for it: it keeps only
  // its own (so a visitor in another language never sees the other variant's words).
  const rewords = TEXT_KEYS.some((key) => key in variant);
  if (rewords && variant.translations === undefined) delete definition.translations;
  return { ...definition, ...variant, id: config.id, variant: variant.id } as SurveyDefinition;
}

/**
 * The Hark loader's logic: surveys, their triggers, targeting, frequency control and consent.
 * The survey UI is loaded by `loadUi` only when a survey is about to show.
 */
export function createHark(options: HarkOptions, loadUi: () => Promise<UiModule>): HarkApi {
  const surveys = new Map<string, SurveyConfig>();
  const trackers = new Set<(name: string) => void>();
  /** Events tracked on this page, for surveys armed after them (fetched late, or after consent). */
  const tracked = new Set<string>();
  // Keyed by the page's names: no prototype, so `constructor` is an attribute like any other.
  const attributes: Record<string, string | number | boolean> = Object.create(null);
  /** Per survey, what disarms its triggers. */
  const armed = new Map<string, () => void>();
  const mounted = new Set<MountedSurvey>();
  let blocked = options.respectPrivacySignals === true && privacySignal();
  const recontactDays = options.recontactDays ?? 14;
  let record: VisitorRecord = readVisitor();
  let consented = !refused() && (!options.requireConsent || record.consent === true);
  let showing = false;
  const onScreen = new Set<string>();
  let started = false;
  const allowed = () => consented && !blocked;
  // Another tab may have written since this one read: merge, never overwrite its history.
  const refresh = () => {
    record = mergeVisitors(readVisitor(), record);
  };
  const save = () => {
    if (!allowed()) return;
    refresh();
    writeVisitor(record);
  };

  const visitorId = (): string => {
    refresh();
    if (record.visitorId === undefined) {
      record.visitorId = randomId();
      save();
    }
    return record.visitorId;
  };

  const languages = () => {
    const page = document.documentElement.lang;
    return options.locale ? [options.locale] : page ? [page] : navigator.languages;
  };

  /** Whether an automatic trigger may show the survey now (`id` came from `visitorId()`, fresh). */
  const eligible = (config: SurveyConfig, id: string): boolean => {
    return (
      !Object.hasOwn(record.answered, config.id) &&
      !Object.hasOwn(record.dismissed, config.id) &&
      // The recontact period is between floating surveys; an inline one is part of the page.
      (config.presentation === 'inline' ||
        Date.now() - (record.lastShown ?? 0) >= recontactDays * DAY) &&
      isTargeted(config.targeting, config.id, {
        id,
        languages: languages(),
        attributes,
      })
    );
  };

  const disarm = (id: string) => {
    armed.get(id)?.();
    armed.delete(id);
  };

  const show = async (config: SurveyConfig, automatic: boolean): Promise<boolean> => {
    // One floating survey at a time; an inline one is part of the page, placed by its owner.
    const floating = config.presentation !== 'inline';
    if (!allowed() || onScreen.has(config.id) || (floating && showing)) return false;
    showing ||= floating;
    onScreen.add(config.id);
    /** Frees its place on screen; false, for the paths where it does not show. */
    const release = (): false => {
      if (floating) showing = false;
      onScreen.delete(config.id);
      return false;
    };
    try {
      // One read of the stored record per attempt (a scroll trigger fires on every scroll).
      const id = visitorId();
      if (automatic && !eligible(config, id)) return release();
      const metadata: Record<string, string> = {};
      for (const key of options.metadata ?? []) {
        if (Object.hasOwn(attributes, key)) metadata[key] = String(attributes[key]);
      }
      const ui = await loadUi();
      // Consent may have been withdrawn while the UI loaded.
      if (!allowed()) return release();
      const survey = await ui.mountSurvey({
        definition: toDefinition(config, id),
        presentation: (config.presentation ?? 'corner') as Presentation,
        ...(config.target === undefined ? {} : { target: config.target }),
        collector: options.collector,
        ...(options.locale === undefined ? {} : { locale: options.locale }),
        ...(options.theme === undefined ? {} : { theme: options.theme }),
        visitorId: id,
        metadata,
        scrubPii: options.scrubPii === true,
        onAnswered: () => {
          record.answered[config.id] = Date.now();
          disarm(config.id);
          save();
        },
        onClosed: (answered) => {
          if (!answered) record.dismissed[config.id] = Date.now();
          disarm(config.id);
          mounted.delete(survey as MountedSurvey);
          release();
          save();
        },
      });
      if (survey === undefined || !allowed()) {
        // It cannot show (the console says why): stop trying on every trigger. Or consent was
        // withdrawn, or the instance destroyed, while it mounted: it goes at once.
        survey?.remove();
        disarm(config.id);
        return release();
      }
      mounted.add(survey);
      if (floating) record.lastShown = Date.now();
      save();
      return true;
    } catch (error) {
      console.error('[hark] the survey could not be loaded', error);
      return release();
    }
  };

  const add = (config: SurveyConfig): void => {
    const issues = checkSurveyConfig(config);
    if (issues.length > 0) {
      const lines = issues.map((i) => `  ${i.path || '(survey)'} ${i.message}`).join('\n');
      console.error(
        `[hark] survey ${JSON.stringify(config?.id)} is invalid; it is ignored.\n${lines}`,
      );
      return;
    }
    surveys.set(config.id, config);
    if (started) arm(config);
  };

  const arm = (config: SurveyConfig): void => {
    if (armed.has(config.id)) return;
    const triggers: readonly Trigger[] = [config.trigger ?? { on: 'pageLoad' }].flat();
    armed.set(
      config.id,
      armTriggers(
        triggers,
        () => void show(config, true),
        (listener) => {
          trackers.add(listener);
          // An event tracked before this survey was armed still counts on this page.
          queueMicrotask(() => {
            for (const name of tracked) listener(name);
          });
          return () => trackers.delete(listener);
        },
      ),
    );
  };

  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Nothing armed, nothing on screen, no flush waiting (consent withdrawn, or destroyed). */
  const stop = (): void => {
    started = false;
    clearTimeout(flushTimer);
    for (const undo of armed.values()) undo();
    armed.clear();
    for (const survey of mounted) survey.remove();
    mounted.clear();
    onScreen.clear();
    showing = false;
  };

  let fetched = false;
  /** Settles once the surveys at `surveyUrl` are in (or failed to come). */
  let loaded: Promise<unknown> = Promise.resolve();
  const start = (): void => {
    started = true;
    for (const config of surveys.values()) arm(config);
    // Fetched once consent allows: before, Hark makes no request at all.
    if (!fetched && options.surveyUrl !== undefined) {
      fetched = true;
      loaded = fetch(options.surveyUrl, { credentials: 'omit' })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        })
        .then((body: unknown) => {
          const list = Array.isArray(body) ? body : (body as { surveys?: unknown })?.surveys;
          if (!Array.isArray(list))
            throw new Error('expected an array of surveys, or { "surveys": [...] }');
          for (const config of list) add(config as SurveyConfig);
        })
        .catch((error) => console.error(`[hark] surveys from ${options.surveyUrl}:`, error));
    }
    if (hasPending()) {
      // Answers from an earlier visit wait in the outbox: send them once the page is idle.
      flushTimer = setTimeout(() => {
        loadUi()
          .then((ui) => ui.flushPending(options.collector))
          .catch((error) => console.warn('[hark] waiting answers could not be sent yet', error));
      }, 1000);
    }
  };

  for (const config of options.surveys ?? []) add(config);
  if (allowed()) start();

  return {
    show: async (surveyId) => {
      if (!allowed()) return false;
      await loaded; // a command queued before the surveys arrived waits for them
      const config = surveys.get(surveyId);
      if (config === undefined) {
        console.error(`[hark] show(${JSON.stringify(surveyId)}): no such survey`);
        return false;
      }
      return show(config, false);
    },
    track: (event) => {
      tracked.add(event);
      for (const listener of trackers) listener(event);
    },
    identify: (more) => {
      Object.assign(attributes, more);
    },
    consent: (granted) => {
      if (granted === consented) return;
      consented = granted;
      rememberRefusal(!granted);
      if (granted) {
        record.consent = true;
        save();
        if (allowed()) start();
      } else {
        // Withdrawn: nothing armed, nothing on screen, nothing remembered.
        stop();
        record = firstVisit();
        forgetVisitor();
      }
    },
    reset: () => {
      forgetVisitor();
      record = firstVisit();
      if (options.requireConsent && consented) record.consent = true;
      save();
    },
    destroy: () => {
      blocked = true;
      stop();
    },
    get visitorId() {
      return allowed() ? record.visitorId : undefined;
    },
  };
}
