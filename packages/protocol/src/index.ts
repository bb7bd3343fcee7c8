/**
 * @hark/protocol: wire protocol v1 of Hark (what the widget sends and a collector accepts), the
 * survey kinds table, and the JSON Schema, all from one source and without dependencies. The
 * widget, the collector and the dashboard import it; a collector in another language reads the
 * JSON Schema `submissionJsonSchema()` returns (published as a file by @hark/collector). The
 * types of what the collector's read API answers (`/results`, `/themes`, `/comments`) are here
 * too, so the dashboard reads what the collector writes.
 */
export type { AnswerComment, CommentsBody } from './comments-body.js';
export * from './formats.js';
export { SUBMISSION_SCHEMA_ID, submissionJsonSchema } from './json-schema.js';
export {
  type BandEnds,
  isSurveyKind,
  KIND_MESSAGES,
  KIND_RESULTS,
  type KindMessages,
  type KindResult,
  SCORE_BANDS,
  SCORE_RANGES,
  type ScoreBand,
  SURVEY_KIND_TABLE,
  SURVEY_KINDS,
  type SurveyKind,
  type SurveyKindInfo,
  scoreBand,
} from './kinds.js';
export * from './limits.js';
export type { KindBreakdown, ResultsBody, ScoreTally } from './results-body.js';
export {
  type Infer,
  OPTIONAL,
  type Optional,
  type Schema,
  type SchemaNode,
  STRING_CHECK,
  type Typed,
} from './schema-node.js';
export {
  type CesResponse,
  type CsatResponse,
  type HarkResponse,
  type NpsResponse,
  RESPONSE_SCHEMAS,
  type ResponseOf,
  responseSchema,
  type Submission,
  submissionSchema,
} from './submission-schema.js';
export type {
  CesSummary,
  CsatSummary,
  GroupSummary,
  NpsSummary,
  Summary,
  SummaryOf,
} from './summary.js';
export type { BandThemes, Theme, ThemesBody } from './themes-body.js';
