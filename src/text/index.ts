export { normalizeText, hasArabicLetter, INVISIBLE_CONTROLS } from './normalize.js';
export { tokenize, splitWords, type WordToken } from './tokenize.js';
export { isStopword, ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.js';
export { stemArabic, stripDefiniteArticle, stripSuffixes, MIN_STEM_LENGTH } from './arabic-stemmer.js';
export { stemWithClitics, type StemCounts } from './clitics.js';
export { stemEnglish } from './english-stemmer.js';
export { createAnalyzer, preAnalyzed, beforeNormalization, type Analyzer, type AnalyzerOptions, type Token } from './analyzer.js';
export { isPlaceWord, PLACE_WORDS } from './places.js';
export { arabicSkeleton, latinSkeletons, nameDistance } from './skeleton.js';
