/**
 * Results of a survey from the score counts storage returns: per kind, one summary of all
 * answers and one per group (day, locale or variant).
 */
import {
  type GroupSummary,
  SURVEY_KINDS,
  type Summary,
  type SummaryOf,
  type SurveyKind,
} from '@hark/protocol';
import type { ScoreCount } from '../storage/response-store.js';
import { summarizeCes } from './ces.js';
import { summarizeCsat } from './csat.js';
import { summarizeNps } from './nps.js';

/**
 * Everything one kind's answers say: all of them together, and each group alone, for one
 * grouping. `GET /results` joins one of these per grouping into a `KindBreakdown`.
 */
export interface KindResults {
  readonly kind: SurveyKind;
  /** All groups' answers merged. */
  readonly overall: Summary;
  /** Sorted by key, the null key last. */
  readonly groups: readonly GroupSummary[];
}

const SUMMARIZERS: {
  readonly [K in SurveyKind]: (counts: ReadonlyMap<number, number>) => SummaryOf<K>;
} = { nps: summarizeNps, csat: summarizeCsat, ces: summarizeCes };

/** Summarizes one kind's answers given as score → how many answers gave it. */
export function summarize<K extends SurveyKind>(
  kind: K,
  counts: ReadonlyMap<number, number>,
): SummaryOf<K> {
  return SUMMARIZERS[kind](counts);
}

/**
 * Summarizes storage rows, for each kind present (in `SURVEY_KINDS` order). Rows repeating a
 * kind, group and score add up.
 */
export function summarizeScoreCounts(rows: readonly ScoreCount[]): KindResults[] {
  const byKind = new Map<SurveyKind, Map<string | null, Map<number, number>>>();
  for (const { kind, group, score, count } of rows) {
    let groups = byKind.get(kind);
    if (groups === undefined) {
      groups = new Map();
      byKind.set(kind, groups);
    }
    let counts = groups.get(group);
    if (counts === undefined) {
      counts = new Map();
      groups.set(group, counts);
    }
    counts.set(score, (counts.get(score) ?? 0) + count);
  }

  const results: KindResults[] = [];
  for (const kind of SURVEY_KINDS) {
    const groups = byKind.get(kind);
    if (groups === undefined) continue;
    const overall = new Map<number, number>();
    for (const counts of groups.values()) {
      for (const [score, count] of counts) overall.set(score, (overall.get(score) ?? 0) + count);
    }
    results.push({
      kind,
      overall: summarize(kind, overall),
      groups: [...groups]
        .sort(([a], [b]) => compareKeys(a, b))
        .map(([key, counts]) => ({ key, ...summarize(kind, counts) })),
    });
  }
  return results;
}

/**
 * Code-unit order, not `localeCompare`: `YYYY-MM-DD` keys then sort by date, and the order does
 * not depend on the server's locale.
 */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
