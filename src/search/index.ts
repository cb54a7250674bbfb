export { DEFAULT_RANKING, type RankingParams } from './bm25.js';
export type { PassageInput, ReusedTokens } from './index-data.js';
export { INDEX_FORMAT_VERSION, indexDataFromSections, indexDataSections, readTokens } from './index-data-codec.js';
export { type ConceptSummary, PassageIndex, type PassageIndexOptions, type ScoredPassage, type SearchOutcome } from './passage-index.js';
export { type BaseWord, type Delta, type DeltaTexts, type Pause, retermedWords, stemCountsAfter } from './segments.js';
