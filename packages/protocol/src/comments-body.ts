/** What `GET /comments?surveyId=&band=&q=&limit=` answers. */
import type { ScoreBand, SurveyKind } from './kinds.js';

/** One answer's comment, with what the dashboard shows beside it. */
export interface AnswerComment {
  /** The answer's id. */
  readonly id: string;
  readonly kind: SurveyKind;
  readonly score: number;
  readonly band: ScoreBand;
  /** As the visitor wrote it (never empty or blank). */
  readonly comment: string;
  readonly locale: string;
  readonly answeredAt: string;
  readonly variant?: string;
}

export interface CommentsBody {
  readonly surveyId: string;
  /** Newest first. */
  readonly comments: readonly AnswerComment[];
}
