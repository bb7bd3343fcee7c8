// The summary types live in @hark/protocol (the dashboard reads them too); they stay exported
// here, where @hark/collector published them first.
export type {
  CesSummary,
  CsatSummary,
  GroupSummary,
  NpsSummary,
  Summary,
  SummaryOf,
} from '@hark/protocol';
export { summarizeCes } from './ces.js';
export { summarizeCsat } from './csat.js';
export { summarizeNps } from './nps.js';
export { type KindResults, summarize, summarizeScoreCounts } from './summarize.js';
