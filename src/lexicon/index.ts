export { Lexicon, type Translation } from './lexicon.js';
export { shippedLexicon, LEXICON_FILE } from './load.js';
export { lemmaCandidates } from './english-lemmas.js';
