export { loadCorpus } from './loader.js';
export { parseSynonyms, SYNONYMS_FILE } from './synonyms.js';
export { splitParagraphs, type ParagraphMode } from './paragraphs.js';
export { stripBoilerplate, boilerplateReason, type DroppedLine, type BoilerplateReason } from './boilerplate.js';
export { articleMetadataSchema, ARTICLE_ID, type ArticleMetadata } from './metadata.js';
export { formatProblem, type Article, type Paragraph, type Corpus, type CorpusProblem, type CorpusLoadResult, type SynonymGroup } from './types.js';
