/**
 * Wire protocol v1 written in zod 4, as a team would write it without Hark: the comparison point
 * of the validation benchmark. Same rules as Hark's TypeBox schema wherever zod can say them, with
 * the pattern strings imported from Hark so neither side gets an easier regular expression.
 *
 * Known differences (none of them matter for the benchmark input, which is valid for both):
 * - `answeredAt` uses zod's own RFC 3339 check (`z.iso.datetime({ offset: true })`), which also
 *   rejects 30 February; it refuses a lowercase `z` and does not cap fractional digits at 9.
 * - `pageUrl` uses `z.url()` (WHATWG parser + protocol check) plus Hark's http(s) printable-ASCII
 *   pattern.
 */

import {
  EARLIEST_ANSWERED_AT,
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  LOCALE_PATTERN,
  MAX_CLOCK_SKEW_MS,
  MAX_COMMENT_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_METADATA_ENTRIES,
  MAX_METADATA_VALUE_LENGTH,
  MAX_RESPONSES_PER_SUBMISSION,
  MAX_URL_LENGTH,
  METADATA_KEY_PATTERN,
  PROTOCOL_VERSION,
  SCORE_RANGES,
  SEMVER_PATTERN,
  TEXT_PATTERN,
  UUID_PATTERN,
  VISITOR_ID_PATTERN,
} from '@hark/protocol';
import * as z from 'zod';

// Hark's schema compiles its patterns without flags (TypeBox does `new RegExp(pattern)`).
const re = (pattern) => new RegExp(pattern);

const identifier = () => z.string().min(1).max(MAX_IDENTIFIER_LENGTH).regex(re(IDENTIFIER_PATTERN));
const text = (max) => z.string().max(max).regex(re(TEXT_PATTERN));

const commonFields = {
  id: z.string().regex(re(UUID_PATTERN)),
  surveyId: identifier(),
  comment: text(MAX_COMMENT_LENGTH).optional(),
  locale: z.string().min(2).max(35).regex(re(LOCALE_PATTERN)),
  pageUrl: z
    .url({ protocol: /^https?$/ })
    .max(MAX_URL_LENGTH)
    .regex(re(HTTP_URL_PATTERN)),
  answeredAt: z.iso.datetime({ offset: true }).max(40),
  variant: identifier().optional(),
  visitorId: z.string().regex(re(VISITOR_ID_PATTERN)).optional(),
  metadata: z
    .record(z.string().regex(re(METADATA_KEY_PATTERN)), text(MAX_METADATA_VALUE_LENGTH))
    .refine((entries) => Object.keys(entries).length <= MAX_METADATA_ENTRIES, {
      message: `at most ${MAX_METADATA_ENTRIES} entries`,
    })
    .optional(),
  sdk: z.strictObject({
    name: z
      .string()
      .min(1)
      .max(MAX_IDENTIFIER_LENGTH)
      .regex(/^[a-z0-9@/._-]+$/),
    version: z.string().max(64).regex(re(SEMVER_PATTERN)),
  }),
};

const responseOf = (kind) =>
  z.strictObject({
    ...commonFields,
    kind: z.literal(kind),
    score: z.int().min(SCORE_RANGES[kind].min).max(SCORE_RANGES[kind].max),
  });

const ResponseSchema = z.discriminatedUnion('kind', [
  responseOf('nps'),
  responseOf('csat'),
  responseOf('ces'),
]);

const EARLIEST = Date.parse(EARLIEST_ANSWERED_AT);

/** The zod twin of `SubmissionSchema` + `validateSubmission`'s cross-response checks. */
export function zodSubmissionSchema(now) {
  const latest = now + MAX_CLOCK_SKEW_MS;
  return z
    .strictObject({
      protocol: z.literal(PROTOCOL_VERSION),
      responses: z.array(ResponseSchema).min(1).max(MAX_RESPONSES_PER_SUBMISSION),
    })
    .superRefine((submission, ctx) => {
      const seen = new Map();
      submission.responses.forEach((response, i) => {
        const first = seen.get(response.id);
        if (first === undefined) seen.set(response.id, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: ['responses', i, 'id'],
            message: `duplicates the id of /responses/${first}`,
          });
        }
        const time = Date.parse(response.answeredAt);
        if (time > latest) {
          ctx.addIssue({
            code: 'custom',
            path: ['responses', i, 'answeredAt'],
            message: 'is in the future',
          });
        } else if (time < EARLIEST) {
          ctx.addIssue({
            code: 'custom',
            path: ['responses', i, 'answeredAt'],
            message: `must not be before ${EARLIEST_ANSWERED_AT}`,
          });
        }
      });
    });
}

/** zod 4's ahead-of-time compiled variant of the same schema (`z.compile`), or why it refused. */
export function zodCompiledSubmissionSchema(now) {
  try {
    return { schema: z.compile(zodSubmissionSchema(now), { strict: true }) };
  } catch (error) {
    return { schema: undefined, refusal: error instanceof Error ? error.message : String(error) };
  }
}
