/**
 * Wire protocol v1: what the widget sends and the collector accepts. It lives in @hark/protocol
 * (types, kinds table, JSON Schema, without dependencies); this entry re-exports it for code
 * written against `@hark/collector/protocol`, with the TypeBox schemas the validator compiles.
 */
export * from '@hark/protocol';
export { ResponseSchema, SubmissionSchema } from './schema.js';
