import type { Presentation } from '../components/survey/hark-survey.component.js';
import type { SurveyDefinition } from '../definition/survey-definition.js';
import { checkSurveyConfig } from './check-survey-config.js';
import { LOADER_KEYS, type SurveyConfig, type Trigger } from './survey-config.js';
import { isTargeted, pickVariant } from './targeting.js';
import { armTriggers } from './triggers.js';
import type { UiModule } from './ui-module.js';
import {
  forgetVisitor,
  hasPending,
  readVisitor,
  type VisitorRecord,
  writeVisitor,
} from './visitor-state.js';

/** How a site sets Hark up: the script tag's `data-*` attributes, or `createHark()`'s options. */
export interface HarkOptions {
  /** The collector's `POST /v1/responses` URL: the only place answers go. */
  readonly collector: string;
  readonly surveys?: readonly SurveyConfig[];
  /** Where to fetch more surveys (JSON: an array, or `{ "surveys": [...] }`). */
  readonly surveyUrl?: string;
  /** Show, store and send nothing until `consent(true)`. */
  readonly requireConsent?: boolean;
  /** Do nothing at all for visitors who send Global Privacy Control or Do Not Track. */
  readonly respectPrivacySignals?: boolean;
  /** No automatic survey within this many days of the last one shown. Default 14. */
  readonly recontactDays?: number;
  /** The language to show surveys in (default: the page's, else the browser's). */
  readonly locale?: string;
  /** `identify()` attributes that may be sent with answers (others only target). */
  readonly metadata?: readonly string[];
  /** Replace e-mail addresses and phone numbers in comments before they are stored. */
  readonly scrubPii?: boolean;
  readonly theme?: 'light' | 'dark';
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
  return variant === undefined
    ? (definition as unknown as SurveyDefinition)
    : ({ ...definition, ...variant, id: config.id, variant: variant.id } as SurveyDefinition);
}

/**
 * The Hark loader's logic: surveys, their triggers, targeting, frequency control and consent.
 * The survey UI is loaded by `loadUi` only when a survey is about to show.
 */
export function createHark(options: HarkOptions, loadUi: () => Promise<UiModule>): HarkApi {
  const surveys = new Map<string, SurveyConfig>();
  const trackers = new Set<(name: string) => void>();
  const attributes: Record<string, string | number | boolean> = {};
  const disarms: (() => void)[] = [];
  const blocked = options.respectPrivacySignals === true && privacySignal();
  let record: VisitorRecord = readVisitor();
  let consented = !options.requireConsent || record.consent === true;
  let showing = false;
  const onScreen = new Set<string>();
  let started = false;
  const allowed = () => consented && !blocked;
  const save = () => allowed() && writeVisitor(record);

  const visitorId = (): string => {
    if (record.visitorId === undefined) {
      record.visitorId = crypto.randomUUID();
      save();
    }
    return record.visitorId;
  };

  const languages = () => {
    const page = document.documentElement.lang;
    return options.locale ? [options.locale] : page ? [page] : navigator.languages;
  };

  /** Whether an automatic trigger may show the survey now. */
  const eligible = (config: SurveyConfig): boolean =>
    !(config.id in record.answered) &&
    !(config.id in record.dismissed) &&
    Date.now() - (record.lastShown ?? 0) >= (options.recontactDays ?? 14) * DAY &&
    isTargeted(config.targeting, config.id, {
      id: visitorId(),
      languages: languages(),
      attributes,
    });

  const show = async (config: SurveyConfig, automatic: boolean): Promise<boolean> => {
    // One floating survey at a time; an inline one is part of the page, placed by its owner.
    const floating = config.presentation !== 'inline';
    if (!allowed() || onScreen.has(config.id) || (floating && showing)) return false;
    if (automatic && !eligible(config)) return false;
    showing ||= floating;
    onScreen.add(config.id);
    const id = visitorId();
    const metadata: Record<string, string> = {};
    for (const key of options.metadata ?? []) {
      if (key in attributes) metadata[key] = String(attributes[key]);
    }
    try {
      const ui = await loadUi();
      const shown = await ui.mountSurvey({
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
          save();
        },
        onClosed: (answered) => {
          if (!answered) record.dismissed[config.id] = Date.now();
          if (floating) showing = false;
          onScreen.delete(config.id);
          save();
        },
      });
      if (shown) {
        record.lastShown = Date.now();
        save();
      } else {
        if (floating) showing = false;
        onScreen.delete(config.id);
      }
      return shown;
    } catch (error) {
      if (floating) showing = false;
      onScreen.delete(config.id);
      console.error('[hark] the survey could not be loaded', error);
      return false;
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
    const triggers: readonly Trigger[] = [config.trigger ?? { on: 'pageLoad' }].flat();
    disarms.push(
      armTriggers(
        triggers,
        () => void show(config, true),
        (listener) => {
          trackers.add(listener);
          return () => trackers.delete(listener);
        },
      ),
    );
  };

  let fetched = false;
  /** Settles once the surveys at `surveyUrl` are in (or failed to come). */
  let loaded: Promise<unknown> = Promise.resolve();
  const start = (): void => {
    started = true;
    for (const config of surveys.values()) arm(config);
    // Fetched once consent allows: before, Hark makes no request at all.
    if (!fetched) {
      fetched = true;
      if (options.surveyUrl !== undefined) {
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
    }
    if (hasPending()) {
      // Answers from an earlier visit wait in the outbox: send them once the page is idle.
      setTimeout(() => void loadUi().then((ui) => ui.flushPending(options.collector)), 1000);
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
      for (const listener of trackers) listener(event);
    },
    identify: (more) => {
      Object.assign(attributes, more);
    },
    consent: (granted) => {
      if (granted === consented) return;
      consented = granted;
      if (granted) {
        record.consent = true;
        save();
        start();
      } else {
        started = false;
        for (const disarm of disarms.splice(0)) disarm();
        record = { answered: {}, dismissed: {} };
        forgetVisitor();
      }
    },
    reset: () => {
      record = { answered: {}, dismissed: {} };
      if (options.requireConsent) record.consent = consented;
      forgetVisitor();
      save();
    },
    get visitorId() {
      return allowed() ? record.visitorId : undefined;
    },
  };
}
