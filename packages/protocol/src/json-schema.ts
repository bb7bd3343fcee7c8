import { EARLIEST_ANSWERED_AT, MAX_CLOCK_SKEW_MS, MAX_SUBMISSION_BYTES } from './limits.js';
import { submissionSchema } from './submission-schema.js';

export const SUBMISSION_SCHEMA_ID = 'urn:hark:schema:submission:v1';

/**
 * The JSON Schema (draft 2020-12) of a v1 submission, for collectors not written in JavaScript.
 * It is the validator's own schema serialised, so the two cannot drift apart, and its patterns
 * alone give a validator without format checks the collector's verdict (a test runs one corpus
 * through the collector, Ajv and Python's jsonschema). What JSON Schema cannot express is listed
 * in `description`.
 */
export function submissionJsonSchema(): Record<string, unknown> {
  const body = JSON.parse(JSON.stringify(submissionSchema)) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SUBMISSION_SCHEMA_ID,
    title: 'Hark submission, wire protocol v1',
    description:
      `A batch of survey answers POSTed to /v1/responses as application/json, at most ${MAX_SUBMISSION_BYTES} bytes. ` +
      'String lengths are in Unicode code points, as maxLength counts them. ' +
      'Beyond this schema, a collector also rejects a batch in which two responses share an id; ' +
      `a response whose answeredAt lies more than ${MAX_CLOCK_SKEW_MS / 3_600_000} hours ahead of its clock or before ${EARLIEST_ANSWERED_AT}; ` +
      'a locale that repeats a variant or an extension singleton in another letter case (sl-rozaj-ROZAJ; the pattern refuses repeats spelled alike); ' +
      'and a pageUrl the WHATWG URL parser refuses for an invalid punycode label (xn--…), which no pattern can check.',
    ...body,
  };
}
