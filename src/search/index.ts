export { PassageIndex, type PassageIndexOptions, type ScoredPassage, type SearchOutcome, type ConceptSummary } from './passage-index.js';
export { type PassageInput, type ReusedTokens } from './index-data.js';
export { DEFAULT_RANKING, type RankingParams } from './bm25.js';
export { INDEX_FORMAT_VERSION, indexDataFromSections, indexDataSections, readTokens } from './index-data-codec.js';
