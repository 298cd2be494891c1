// The NLP layer's public surface: sentences, tokens, gazetteer mentions, people, times, ordinals,
// lexicons. Everything here is a pure function of the text (plus the publication date).
export type { Sentence, Token, TokenShape, Mention, MentionKind, TimeExpr } from './types.js';
export { splitSentences, withTokenRanges } from './sentences.js';
export { tokenize } from './tokens.js';
export { loadGazetteer, type Gazetteer, type PlaceInfo, type StateInfo } from './gazetteer.js';
export { findMentions, scanMentions, type SectorCue } from './mentions.js';
export { findPeople, placesInNames, type PersonMention } from './people.js';
export { findTimes, findDurations, timesBySentence, type Duration } from './dates.js';
export { findOrdinals, parseOrdinal, parseCardinal, parseRoman, type RoundOrdinal, type RelativeRound } from './ordinals.js';
export { loadLexicon, type Lexicon, type CueClass, type CuePayload } from './lexicon.js';
export { PhraseIndex, type PhraseMatch } from './phrases.js';
export { slug } from './slug.js';
export { isProbablyEnglish, isProbablyEnglishTokens } from './language.js';
