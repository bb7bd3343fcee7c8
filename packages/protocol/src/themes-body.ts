/** What `GET /themes?surveyId=&from=&to=` answers. */
import type { ScoreBand, SurveyKind } from './kinds.js';

/** A word or phrase, and in how many comments it appears. */
export interface Theme {
  readonly text: string;
  readonly count: number;
}

/** The themes of one score band of one kind of answer. */
export interface BandThemes {
  readonly kind: SurveyKind;
  readonly band: ScoreBand;
  /** How many answers of this band have a comment. */
  readonly comments: number;
  readonly words: readonly Theme[];
  readonly phrases: readonly Theme[];
}

export interface ThemesBody {
  readonly surveyId: string;
  /** The query's bounds, null when not given. */
  readonly from: string | null;
  readonly to: string | null;
  /** Kinds and bands in scale order; bands without comments left out. */
  readonly themes: readonly BandThemes[];
}
