import type { HarkResponse } from '@hark/protocol';
import type { HarkSubmitDetail } from '../events/hark-submit.js';
import type { Submitter } from '../internal/scale-survey.js';
import type { Delivery } from './delivery.js';
import { pageUrlOf } from './page-url.js';
import { uuidv7 } from './uuidv7.js';

/** What an answer says about where and how it was given, beyond the survey's own fields. */
export interface AnswerContext {
  /**
   * BCP 47 tag for answers that do not say which language they were shown in (surveys always do):
   * default the page's `lang`, else `en`.
   */
  readonly locale?: string;
  readonly visitorId?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** The SDK's name and version, sent with every answer. */
  readonly sdk?: { readonly name: string; readonly version: string };
}

export const SDK = { name: '@hark/widget', version: '0.1.0' } as const;

/**
 * Turns a survey's answer into a wire-protocol-v1 response, with its id generated now, once: a
 * re-send carries the same id, so the collector stores it once.
 */
export function toResponse(
  answer: HarkSubmitDetail,
  context: AnswerContext = {},
  now = Date.now(),
): HarkResponse {
  return {
    id: uuidv7(now),
    surveyId: answer.surveyId,
    kind: answer.kind,
    score: answer.score,
    ...(answer.comment === undefined ? {} : { comment: answer.comment }),
    locale: answer.locale ?? context.locale ?? (document.documentElement.lang || 'en'),
    pageUrl: pageUrlOf(location.href),
    answeredAt: new Date(now).toISOString(),
    ...(answer.variant === undefined ? {} : { variant: answer.variant }),
    ...(context.visitorId === undefined ? {} : { visitorId: context.visitorId }),
    ...(context.metadata === undefined ? {} : { metadata: wireMetadata(context.metadata) }),
    sdk: { ...(context.sdk ?? SDK) },
  } as HarkResponse;
}

/**
 * Metadata values as the collector takes them: a page's attribute can hold anything, and a
 * control character, half a surrogate pair or more than 500 characters would get the whole
 * answer refused for good. So they are cleaned and cut here (to 500 code points), not sent as is.
 */
function wireMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
  const clean = (value: string) =>
    Array.from(
      String(value)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes
        .replace(/[\0-\x08\v\f\x0e-\x1f\x7f-\x9f]/g, '')
        .replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        ),
    )
      .slice(0, 500)
      .join('');
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, clean(value)]));
}

/**
 * A survey's `submitter` that queues the answer in `delivery`: the survey thanks the visitor once
 * the answer is written to the outbox, and delivery goes on in the background.
 */
export function outboxSubmitter(delivery: Delivery, context: AnswerContext = {}): Submitter {
  return (answer) => delivery.enqueue(toResponse(answer, context));
}
