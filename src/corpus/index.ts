export { type BoilerplateReason, boilerplateReason, type DroppedLine, stripBoilerplate } from './boilerplate.js';
export { loadCorpus } from './loader.js';
export { ARTICLE_ID, type ArticleMetadata, articleMetadataSchema } from './metadata.js';
export { type ParagraphMode, splitParagraphs } from './paragraphs.js';
export { parseSynonyms, SYNONYMS_FILE } from './synonyms.js';
export {
  type Article,
  type Corpus,
  type CorpusLoadResult,
  type CorpusProblem,
  formatProblem,
  type OneWaySynonym,
  type Paragraph,
  type SynonymEntry,
  type SynonymGroup,
} from './types.js';
