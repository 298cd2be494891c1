// Shapes produced by the NLP layer. All offsets are UTF-16 offsets into the article text.

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Token index range [tokenStart, tokenEnd) into the document's token array. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export type TokenShape = 'word' | 'number' | 'punct';

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly shape: TokenShape;
  /** Lower-cased text, precomputed once because every matcher reads it. */
  readonly lower: string;
  /** First character is an upper-case letter. */
  readonly cap: boolean;
  readonly sentence: number;
}

/** What a gazetteer or recogniser says a span denotes. */
export type MentionKind =
  | 'state'      // Russia, the United States, Kazakhstan
  | 'state_adj'  // Russian, Kazakh, Syrian (demonym or adjective)
  | 'capital'    // Moscow, Damascus used for a government
  | 'sector'     // "Syrian opposition", "the Afghan government" → SYR.OPP, AFG.GOV
  | 'org'        // UN, EU, African Union
  | 'group'      // Taliban, Hayat Tahrir al-Sham
  | 'place'      // cities, regions with coordinates
  | 'person';

export interface Mention {
  readonly kind: MentionKind;
  /** Actor or place id per RECORD.md: `RUS`, `SYR.OPP`, `UN`, `GRP:taliban`, `astana@KZ`, `@sergei-lavrov`. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** Token index range [tokenStart, tokenEnd). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** ISO3 of the state a place, capital, adjective or group belongs to, when known. */
  readonly country?: string;
  /** Rule or gazetteer entry that produced the mention. */
  readonly rule: string;
}

/** A resolved time expression. */
export interface TimeExpr {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** ISO date at the text's precision: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www. */
  readonly value: string;
  /** Last day/period of a range ("two days of talks" from the 21st → 2017-12-22; "May 3-5"). */
  readonly endValue?: string;
  /** Relative position to the publication date, when it can be told. */
  readonly relation?: 'past' | 'present' | 'future';
  readonly rule: string;
}
