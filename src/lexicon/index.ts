export { lemmaCandidates } from './english-lemmas.js';
export { Lexicon, type Translation } from './lexicon.js';
export { LEXICON_FILE, PHRASES_FILE, shippedLexicon } from './load.js';
export { EnglishPhrases, type PhraseMatch } from './phrases.js';
