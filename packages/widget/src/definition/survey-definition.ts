import { SURVEY_KINDS, type SurveyKind } from '@hark/protocol';
import type { CsatLook } from '../components/csat/hark-csat.component.js';
import { widgetLocales } from '../i18n/localization.js';
import { type LocaleMatch, matchLocale } from '../i18n/match-locale.js';

/** Follow-up prompts per score band. */
export interface FollowUpPrompts {
  readonly detractor?: string;
  readonly passive?: string;
  readonly promoter?: string;
}

/** The words of a survey that its owner may write, in one language. */
export interface SurveyText {
  /** The question; the kind's standard question when absent. */
  readonly question?: string;
  readonly lowLabel?: string;
  readonly highLabel?: string;
  /** Follow-up prompts per score band, or `false` for no follow-up question. */
  readonly followUp?: false | FollowUpPrompts;
}

/** A survey described as data: what the script-tag loader and product teams hand to <hark-survey>. */
export interface SurveyDefinition extends SurveyText {
  /** The survey's id, sent with every answer. */
  readonly id: string;
  readonly kind: SurveyKind;
  /** A/B variant of the wording, sent with the answer. */
  readonly variant?: string;
  /** CSAT only: how the points look. */
  readonly look?: CsatLook;
  /** Level of the question's heading, 1 to 6 (default 2), to fit the page's outline. */
  readonly headingLevel?: number;
  /** BCP 47 tag of the language of this definition's own text (default `en`). */
  readonly locale?: string;
  /**
   * The same text in other languages, by BCP 47 tag. Each gives every field the definition's own
   * text gives (a question written by the owner is never replaced by the standard one).
   */
  readonly translations?: Readonly<Record<string, SurveyText>>;
}

/** One thing wrong with a definition: where (a JSON Pointer) and why. */
export interface DefinitionIssue {
  readonly path: string;
  readonly message: string;
}

const LOOKS: readonly string[] = ['numbers', 'emoji', 'stars'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const TEXT_KEYS = ['question', 'lowLabel', 'highLabel'] as const;
const BANDS = ['detractor', 'passive', 'promoter'] as const;
const TEXT = new Set([...TEXT_KEYS, 'followUp']);
const KNOWN = new Set([
  ...TEXT,
  'id',
  'kind',
  'variant',
  'look',
  'headingLevel',
  'locale',
  'translations',
]);
const MIRROR = 'must be given, as the survey’s own text gives it';
const ID_RULE =
  'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit';

function canonical(tag: unknown): string | undefined {
  try {
    return typeof tag === 'string' ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a survey definition. Returns every issue (empty when valid); never throws. Ids and
 * variants follow wire protocol v1, so the collector will accept what the survey sends.
 */
export function checkDefinition(value: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const checkString = (path: string, v: unknown) => {
    if (typeof v !== 'string' || v.trim() === '') issue(path, 'must be a non-empty string');
    else if (v.length > 500) issue(path, 'must be at most 500 characters long');
  };
  /** Checks one language's text; `own` is the definition's own text, which a translation mirrors. */
  const checkText = (at: string, t: Record<string, unknown>, own?: Record<string, unknown>) => {
    for (const key of TEXT_KEYS) {
      if (t[key] !== undefined) checkString(`${at}/${key}`, t[key]);
      else if (own?.[key] !== undefined) issue(`${at}/${key}`, MIRROR);
    }
    const followUp = t.followUp;
    const ownFollowUp = own?.followUp;
    if (own !== undefined && ownFollowUp === false && followUp !== undefined) {
      issue(`${at}/followUp`, 'must be absent: the survey asks no follow-up question');
    } else if (followUp !== undefined && followUp !== false) {
      if (!isObject(followUp)) {
        issue(`${at}/followUp`, 'must be false or an object of prompts by score band');
        return;
      }
      for (const [band, prompt] of Object.entries(followUp)) {
        if (!(BANDS as readonly string[]).includes(band)) {
          issue(`${at}/followUp/${band}`, 'is not a score band (detractor, passive, promoter)');
        } else checkString(`${at}/followUp/${band}`, prompt);
      }
    }
    if (isObject(ownFollowUp)) {
      for (const band of Object.keys(ownFollowUp)) {
        if (!isObject(followUp) || followUp[band] === undefined)
          issue(`${at}/followUp/${band}`, MIRROR);
      }
    }
  };

  if (!isObject(value)) return [{ path: '', message: 'must be an object' }];
  const d = value;
  for (const key of Object.keys(d)) if (!KNOWN.has(key)) issue(`/${key}`, 'is not a known field');
  if (typeof d.id !== 'string' || !ID.test(d.id)) issue('/id', ID_RULE);
  if (!(SURVEY_KINDS as readonly unknown[]).includes(d.kind)) {
    // Written out: deriving it from SURVEY_KINDS costs the UI chunk bytes it does not have.
    // test/widget/definition-kinds.test.ts fails when the table's kinds and this list differ.
    issue('/kind', 'must be one of "nps", "csat", "ces"');
  }
  checkText('', d);
  if (d.variant !== undefined && (typeof d.variant !== 'string' || !ID.test(d.variant))) {
    issue('/variant', ID_RULE);
  }
  if (d.look !== undefined) {
    if (d.kind !== 'csat') issue('/look', 'applies to csat surveys only');
    else if (typeof d.look !== 'string' || !LOOKS.includes(d.look)) {
      issue('/look', 'must be one of "numbers", "emoji", "stars"');
    }
  }
  const level = d.headingLevel;
  if (level !== undefined && ![1, 2, 3, 4, 5, 6].includes(level as number))
    issue('/headingLevel', 'must be an integer from 1 to 6');
  const own = d.locale === undefined ? 'en' : canonical(d.locale);
  if (own === undefined) issue('/locale', 'must be a BCP 47 language tag, like "en" or "pt-BR"');
  if (d.translations !== undefined) {
    if (!isObject(d.translations)) issue('/translations', 'must be an object of texts by locale');
    else {
      const seen = new Map<string, string>([[own ?? '', 'locale']]);
      for (const [tag, text] of Object.entries(d.translations)) {
        const at = `/translations/${tag}`;
        const locale = canonical(tag);
        if (locale === undefined) issue(at, 'is not a BCP 47 language tag');
        else if (seen.has(locale)) issue(at, `is the same locale as /${seen.get(locale)}`);
        else seen.set(locale, `translations/${tag}`);
        if (!isObject(text)) issue(at, 'must be an object of text fields');
        else {
          for (const key of Object.keys(text)) {
            if (!TEXT.has(key)) issue(`${at}/${key}`, 'is not a text field');
          }
          checkText(at, text, d);
        }
      }
    }
  }
  return issues;
}

/** A valid definition's text in the visitor's language. */
export interface LocalizedText {
  readonly text: SurveyText;
  /**
   * The visitor's tag that chose it (`pt-PT` for a `pt-BR` text), for the survey's `locale`, or
   * `undefined` when the definition has no text of its own and no translation matched.
   */
  readonly locale: string | undefined;
}

/**
 * Picks the definition's text for a visitor who prefers `requested`, with the same fallbacks as
 * the built-in strings. A definition with text of its own offers only its languages (a survey is
 * never half one language, half another); without, it offers every built-in locale.
 */
export function localizedText(d: SurveyDefinition, requested: readonly string[]): LocalizedText {
  const translations = d.translations ?? {};
  const own = d.locale ?? 'en';
  const hasOwnText = [...TEXT].some((key) => d[key as keyof SurveyText] !== undefined);
  // Translations first: on a tie their spelling is the one looked up below.
  const offered = [...Object.keys(translations), ...(hasOwnText ? [own] : widgetLocales)];
  const match: LocaleMatch | undefined = matchLocale(requested, offered);
  const translation = match === undefined ? undefined : translations[match.locale];
  return {
    text: translation === undefined ? d : { ...d, ...translation },
    locale: match?.requested ?? (hasOwnText ? own : undefined),
  };
}
