/**
 * Wire protocol v1: what the widget sends and the collector accepts.
 * The widget imports only types from here; the values are for collectors.
 */
export * from './formats.js';
export { submissionJsonSchema } from './json-schema.js';
export * from './limits.js';
export {
  type CesResponse,
  type CsatResponse,
  type HarkResponse,
  type NpsResponse,
  ResponseSchema,
  type Submission,
  SubmissionSchema,
} from './schema.js';
