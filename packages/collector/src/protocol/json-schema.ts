import { SubmissionSchema } from './schema.js';

export const SUBMISSION_SCHEMA_ID = 'urn:hark:schema:submission:v1';

/**
 * The JSON Schema (draft 2020-12) of a v1 submission, for collectors not written in JavaScript.
 * It is the validator's own schema serialised, so the two cannot drift apart.
 * Checks JSON Schema cannot express (ids unique within a batch, `answeredAt` neither in the
 * future nor before 2000, the 64 KiB body limit) are listed in `description`.
 */
export function submissionJsonSchema(): Record<string, unknown> {
  const body = JSON.parse(JSON.stringify(SubmissionSchema)) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SUBMISSION_SCHEMA_ID,
    title: 'Hark submission, wire protocol v1',
    description:
      'A batch of survey answers POSTed to /v1/responses as application/json, at most 65536 bytes. ' +
      'Beyond this schema, a collector also rejects a batch in which two responses share an id, ' +
      'and a response whose answeredAt lies more than 24 hours ahead of its clock or before 2000-01-01T00:00:00Z.',
    ...body,
  };
}
