import { type AnswerComment, type CommentsBody, scoreBand } from '@hark/protocol';
import { answerPages, LATEST } from '../export/answer-pages.js';
import type { ResponseStore } from '../storage/response-store.js';
import type { ValidationIssue } from '../validation/issue.js';
import { jsonOutgoing, type Outgoing } from './exchange.js';
import { parseResultsQuery } from './results-endpoint.js';

const BANDS = ['detractor', 'passive', 'promoter'];

/**
 * `GET /comments?surveyId=&band=&q=&limit=`: the latest comments, newest first, optionally of one
 * score band and containing a text (case-insensitive). At most `limit` (default 50, at most 200),
 * from the latest 50,000 answers.
 */
export async function commentsOutgoing(
  store: ResponseStore,
  params: URLSearchParams,
): Promise<Outgoing> {
  const issues: ValidationIssue[] = [];
  const band = params.get('band');
  if (band !== null && !BANDS.includes(band)) {
    issues.push({
      path: '/query/band',
      code: 'invalid_value',
      message: 'must be "detractor", "passive" or "promoter"',
    });
  }
  const limitText = params.get('limit') ?? '50';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > 200) {
    issues.push({
      path: '/query/limit',
      code: 'out_of_range',
      message: 'must be a whole number from 1 to 200',
    });
  }
  const query = parseResultsQuery(params, issues);
  const needle = (params.get('q') ?? '').trim().toLowerCase();
  const comments: AnswerComment[] = [];
  for await (const page of answerPages(store, query, LATEST)) {
    for (const { response: r } of page) {
      const written = r.comment;
      const comment = written?.trim();
      if (written === undefined || !comment) continue;
      if (band !== null && scoreBand(r.kind, r.score) !== band) continue;
      if (needle !== '' && !comment.toLowerCase().includes(needle)) continue;
      comments.push({
        id: r.id,
        kind: r.kind,
        score: r.score,
        band: scoreBand(r.kind, r.score),
        comment: written,
        locale: r.locale,
        answeredAt: r.answeredAt,
        ...(r.variant === undefined ? {} : { variant: r.variant }),
      });
      if (comments.length === limit) break;
    }
    if (comments.length === limit) break;
  }
  const body: CommentsBody = { surveyId: query.surveyId, comments };
  return jsonOutgoing(200, body);
}
