import type { CsatLook } from '../components/csat/hark-csat.component.js';
import type { SurveyKind } from '../internal/survey-kind.js';

/** A survey described as data: what the script-tag loader and product teams hand to <hark-survey>. */
export interface SurveyDefinition {
  /** The survey's id, sent with every answer. */
  readonly id: string;
  readonly kind: SurveyKind;
  /** The question; the kind's standard question when absent. */
  readonly question?: string;
  readonly lowLabel?: string;
  readonly highLabel?: string;
  /** Follow-up prompts per score band, or `false` for no follow-up question. */
  readonly followUp?:
    | false
    | { readonly detractor?: string; readonly passive?: string; readonly promoter?: string };
  /** A/B variant of the wording, sent with the answer. */
  readonly variant?: string;
  /** CSAT only: how the points look. */
  readonly look?: CsatLook;
}

/** One thing wrong with a definition: where (a JSON Pointer) and why. */
export interface DefinitionIssue {
  readonly path: string;
  readonly message: string;
}

const KINDS: readonly string[] = ['nps', 'csat', 'ces'];
const LOOKS: readonly string[] = ['numbers', 'emoji', 'stars'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const TEXT_KEYS = ['question', 'lowLabel', 'highLabel'] as const;
const BANDS = ['detractor', 'passive', 'promoter'] as const;
const KNOWN = new Set([
  'id',
  'kind',
  'question',
  'lowLabel',
  'highLabel',
  'followUp',
  'variant',
  'look',
]);

/**
 * Checks a survey definition. Returns every issue (empty when valid); never throws. Ids and
 * variants follow wire protocol v1, so the collector will accept what the survey sends.
 */
export function checkDefinition(value: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const text = (path: string, v: unknown, max = 500) => {
    if (typeof v !== 'string' || v.trim() === '')
      issues.push({ path, message: 'must be a non-empty string' });
    else if (v.length > max)
      issues.push({ path, message: `must be at most ${max} characters long` });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path: '', message: 'must be an object' }];
  }
  const d = value as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!KNOWN.has(key)) issues.push({ path: `/${key}`, message: 'is not a known field' });
  }
  if (typeof d.id !== 'string' || !ID.test(d.id)) {
    issues.push({
      path: '/id',
      message:
        'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
    });
  }
  if (typeof d.kind !== 'string' || !KINDS.includes(d.kind)) {
    issues.push({ path: '/kind', message: 'must be one of "nps", "csat", "ces"' });
  }
  for (const key of TEXT_KEYS) if (d[key] !== undefined) text(`/${key}`, d[key]);
  if (d.variant !== undefined && (typeof d.variant !== 'string' || !ID.test(d.variant))) {
    issues.push({
      path: '/variant',
      message:
        'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
    });
  }
  if (d.look !== undefined) {
    if (d.kind !== 'csat') issues.push({ path: '/look', message: 'applies to csat surveys only' });
    else if (typeof d.look !== 'string' || !LOOKS.includes(d.look)) {
      issues.push({ path: '/look', message: 'must be one of "numbers", "emoji", "stars"' });
    }
  }
  const followUp = d.followUp;
  if (followUp !== undefined && followUp !== false) {
    if (typeof followUp !== 'object' || followUp === null || Array.isArray(followUp)) {
      issues.push({
        path: '/followUp',
        message: 'must be false or an object of prompts by score band',
      });
    } else {
      for (const [band, prompt] of Object.entries(followUp)) {
        if (!(BANDS as readonly string[]).includes(band)) {
          issues.push({
            path: `/followUp/${band}`,
            message: 'is not a score band (detractor, passive, promoter)',
          });
        } else text(`/followUp/${band}`, prompt);
      }
    }
  }
  return issues;
}
