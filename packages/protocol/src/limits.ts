/** Bounds of wire protocol v1. Changing any of them is a protocol change. */

/** The protocol version this module describes; a v2 lives beside it under its own path. */
export const PROTOCOL_VERSION = 1;

/** Most responses one submission may carry. */
export const MAX_RESPONSES_PER_SUBMISSION = 100;

/** Largest request body, in bytes, the collector reads. Also the browser's keepalive budget. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;

/** Longest free-text comment, in Unicode code points (what JSON Schema's `maxLength` counts). */
export const MAX_COMMENT_LENGTH = 2000;

/** Longest page URL. */
export const MAX_URL_LENGTH = 2048;

/** Most metadata entries on one response. */
export const MAX_METADATA_ENTRIES = 20;

/** Longest metadata key and value, in code points. */
export const MAX_METADATA_KEY_LENGTH = 64;
export const MAX_METADATA_VALUE_LENGTH = 500;

/** Longest identifier (survey id, variant, visitor id, SDK name). */
export const MAX_IDENTIFIER_LENGTH = 64;

/** How far `answeredAt` may lie ahead of the collector's clock (visitors' clocks drift). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** The earliest `answeredAt` accepted: older dates are clock errors (and year 0 breaks storage). */
export const EARLIEST_ANSWERED_AT = '2000-01-01T00:00:00Z';
