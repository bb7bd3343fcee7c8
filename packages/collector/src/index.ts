/**
 * @hark/collector: receive, validate, store and summarise Hark survey answers.
 */
export * from './protocol/index.js';
export * from './validation/index.js';
export { type AllowedOrigins } from './http/cors.js';
export {
  type CollectorHandler,
  type CollectorOptions,
  createCollector,
  type RequestContext,
  RESULTS_PATH,
  SUBMIT_PATH,
} from './http/create-collector.js';
export { HttpError } from './http/http-error.js';
export { type RateLimiter, type RateVerdict, type TokenBucketOptions, tokenBucketLimiter } from './http/rate-limiter.js';
export * from './results/index.js';
export {
  type InsertOutcome,
  type ResponseStore,
  type ScoreCount,
  type ScoreGrouping,
  type ScoreQuery,
  StorageError,
  type StoredResponse,
} from './storage/response-store.js';
export { openSqliteStore, type SqliteStoreOptions } from './storage/sqlite-store.js';
export { openPostgresStore } from './storage/postgres-store.js';
