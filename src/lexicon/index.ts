export { lemmaCandidates } from './english-lemmas.js';
export { Lexicon, type Translation } from './lexicon.js';
export { LEXICON_FILE, shippedLexicon } from './load.js';
