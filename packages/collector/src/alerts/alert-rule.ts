import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HarkResponse } from '../protocol/schema.js';

/**
 * When to call a webhook: for answers of a survey (or `*`, every survey) whose score is at most
 * / at least a bound, or that carry a comment. Every given condition must hold.
 */
export interface AlertRule {
  /** Stable id; part of each delivery's id, so keep it when editing the rule. */
  readonly id: string;
  readonly surveyId: string;
  readonly when: {
    readonly scoreAtMost?: number;
    readonly scoreAtLeast?: number;
    readonly comment?: boolean;
  };
  /** The receiver: an https URL (http only on loopback). */
  readonly url: string;
  /** Shared secret for the HMAC-SHA256 signature (at least 16 characters). */
  readonly secret: string;
}

export function ruleMatches(rule: AlertRule, r: HarkResponse): boolean {
  const { scoreAtMost, scoreAtLeast, comment } = rule.when;
  return (
    (rule.surveyId === '*' || rule.surveyId === r.surveyId) &&
    (scoreAtMost === undefined || r.score <= scoreAtMost) &&
    (scoreAtLeast === undefined || r.score >= scoreAtLeast) &&
    (comment !== true || (r.comment ?? '').trim() !== '')
  );
}

/** The id of one answer's delivery to one rule: the same however often it is attempted. */
export function deliveryId(rule: AlertRule, responseId: string): string {
  return `${responseId}/${rule.id}`;
}

/** The JSON a receiver gets; `text` reads well in Slack (and anywhere else). */
export function alertPayload(rule: AlertRule, r: HarkResponse, id: string): string {
  const kind = r.kind.toUpperCase();
  const said = r.comment ? `: “${r.comment}”` : '';
  return JSON.stringify({
    id,
    type: 'hark.answer',
    rule: rule.id,
    text: `${kind} ${r.score} on ${r.surveyId}${said}`,
    answer: {
      id: r.id,
      surveyId: r.surveyId,
      kind: r.kind,
      score: r.score,
      ...(r.comment === undefined ? {} : { comment: r.comment }),
      locale: r.locale,
      pageUrl: r.pageUrl,
      answeredAt: r.answeredAt,
      ...(r.variant === undefined ? {} : { variant: r.variant }),
    },
  });
}

/**
 * The `Hark-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The time
 * is signed with the body, so a receiver that checks it refuses a replay.
 */
export function signAlert(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * For receivers: whether `header` signs `body` with `secret`, within `toleranceSeconds` of `now`
 * (default five minutes). Constant-time.
 */
export function verifyAlertSignature(
  secret: string,
  header: string,
  body: string,
  { now = Date.now(), toleranceSeconds = 300 }: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (match === null) return false;
  const t = Number(match[1]);
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signAlert(secret, body, t).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2] as string, 'hex'));
}
