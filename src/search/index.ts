export { PassageIndex, type PassageInput, type PassageIndexOptions, type ScoredPassage, type SearchOutcome, type ConceptSummary } from './passage-index.js';
export { DEFAULT_RANKING, type RankingParams } from './bm25.js';
