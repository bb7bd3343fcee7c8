import {
  type GroupSummary,
  IDENTIFIER_PATTERN,
  isDateTime,
  type KindBreakdown,
  MAX_IDENTIFIER_LENGTH,
  type ResultsBody,
  type Summary,
  type SurveyKind,
} from '@hark/protocol';
import { type KindResults, summarizeScoreCounts } from '../results/summarize.js';
import type { ResponseStore, ScoreGrouping, ScoreQuery } from '../storage/response-store.js';
import type { ValidationIssue } from '../validation/issue.js';
import { jsonOutgoing, type Outgoing } from './exchange.js';
import { HttpError } from './http-error.js';

const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);
const GROUPINGS: readonly ScoreGrouping[] = ['day', 'week', 'locale', 'variant', 'page'];

/**
 * `GET /results?surveyId=&from=&to=`: per kind of answer in the survey, the overall summary, the
 * summaries by UTC day, ISO week, locale, variant and page path, and how many answers gave each score (`distribution`,
 * scores with none left out). Scores and margins are rounded to 2 decimals.
 */
export async function resultsOutgoing(
  store: ResponseStore,
  params: URLSearchParams,
): Promise<Outgoing> {
  const query = parseResultsQuery(params);
  const [[byDay, byWeek, byLocale, byVariant, byPage], counts] = await Promise.all([
    Promise.all(
      GROUPINGS.map(async (grouping) =>
        summarizeScoreCounts(await store.countScores(query, grouping)),
      ),
    ),
    store.countScores(query),
  ]);
  // Joined by kind, not by position: an answer of a new kind may land between the three reads.
  const groupsOf = (all: KindResults[] | undefined, kind: SurveyKind) =>
    (all?.find((results) => results.kind === kind)?.groups ?? []).map(rounded);
  const kinds: KindBreakdown[] = (byDay ?? []).map((results) => ({
    kind: results.kind,
    overall: rounded(results.overall),
    byDay: results.groups.map(rounded),
    byWeek: groupsOf(byWeek, results.kind),
    byLocale: groupsOf(byLocale, results.kind),
    byVariant: groupsOf(byVariant, results.kind),
    byPage: groupsOf(byPage, results.kind),
    distribution: counts
      .filter((row) => row.kind === results.kind)
      .map((row) => ({ score: row.score, count: row.count })),
  }));
  const body: ResultsBody = {
    surveyId: query.surveyId,
    from: query.from ?? null,
    to: query.to ?? null,
    kinds,
  };
  return jsonOutgoing(200, body);
}

/** `surveyId`, `from` and `to` from a query string; 400 with every issue. */
export function parseResultsQuery(
  params: URLSearchParams,
  more: ValidationIssue[] = [],
): ScoreQuery {
  const issues: ValidationIssue[] = [...more];
  const surveyId = params.get('surveyId');
  if (surveyId === null || surveyId === '') {
    issues.push({ path: '/query/surveyId', code: 'required', message: 'is required' });
  } else if (surveyId.length > MAX_IDENTIFIER_LENGTH || !IDENTIFIER.test(surveyId)) {
    issues.push({
      path: '/query/surveyId',
      code: 'invalid_format',
      message: 'is not a valid survey id',
    });
  }
  const bounds: { from?: string; to?: string } = {};
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value === null) continue;
    if (isDateTime(value)) bounds[name] = value;
    else {
      const message = 'must be an RFC 3339 date-time with an offset, like "2026-11-25T00:00:00Z"';
      issues.push({ path: `/query/${name}`, code: 'invalid_format', message });
    }
  }
  if (issues.length > 0)
    throw new HttpError(400, 'invalid_query', 'The query is invalid.', { issues });
  return { surveyId: surveyId as string, ...bounds };
}

function rounded<T extends Summary | GroupSummary>(summary: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    out[key] =
      typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
  }
  return out as T;
}
