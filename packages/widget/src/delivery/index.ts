export { Delivery, type DeliveryEventMap, type DeliveryOptions } from './delivery.js';
export type { DeadLetter, Outbox, OutboxEntry } from './outbox.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
export { type AnswerContext, outboxSubmitter, toResponse } from './submitter.js';
export {
  type FetchTransportOptions,
  fetchTransport,
  type Send,
  type SendOptions,
  type SendOutcome,
} from './transport.js';
export { uuidv7 } from './uuidv7.js';
