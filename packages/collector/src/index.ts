/**
 * @hark/collector: receive, validate, store and summarise Hark survey answers.
 */

export { type AlertDispatcher, startAlertDispatcher } from './alerts/alert-dispatcher.js';
export { type AlertRule, signAlert, verifyAlertSignature } from './alerts/alert-rule.js';
export { checkAlertRules } from './alerts/check-alert-rules.js';
export { HostAllowlist } from './http/allowed-hosts.js';
export type { AllowedOrigins } from './http/cors.js';
export {
  type CollectorHandler,
  type CollectorOptions,
  createCollector,
  RESULTS_PATH,
  type ReadAccess,
  type RequestContext,
  SUBMIT_PATH,
} from './http/create-collector.js';
export type { CredentialThrottleOptions } from './http/credential-throttle.js';
export { HttpError } from './http/http-error.js';
export {
  type RateLimiter,
  type RateVerdict,
  type TokenBucketOptions,
  tokenBucketLimiter,
} from './http/rate-limiter.js';
export * from './protocol/index.js';
export * from './results/index.js';
export { openPostgresStore } from './storage/postgres-store.js';
export {
  type AlertDelivery,
  type AlertOutcome,
  type ErasureTarget,
  type ExportCursor,
  type InsertOutcome,
  type ResponseStore,
  type ScoreCount,
  type ScoreGrouping,
  type ScoreQuery,
  StorageError,
  type StoredResponse,
} from './storage/response-store.js';
export { openSqliteStore, type SqliteStoreOptions } from './storage/sqlite-store.js';
export { openSqliteStoreInWorker } from './storage/sqlite-worker-store.js';
export * from './validation/index.js';
