export { type CesSummary, summarizeCes } from './ces.js';
export { type CsatSummary, summarizeCsat } from './csat.js';
export { type NpsSummary, summarizeNps } from './nps.js';
export {
  type GroupSummary,
  type KindResults,
  type Summary,
  type SummaryOf,
  summarize,
  summarizeScoreCounts,
} from './summarize.js';
