import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';
import { Lexicon } from './lexicon.js';
import { EnglishPhrases } from './phrases.js';

/** The English–Arabic lexicon shipped with the project (lexicon/README.md). */
export const LEXICON_FILE = join('lexicon', 'eng-ara.tsv');
/** Its English verb phrases (lexicon/README.md). */
export const PHRASES_FILE = join('lexicon', 'eng-phrases.tsv');

let shipped: Lexicon | undefined;

/**
 * The shipped lexicon, read once per process (about 50 ms; every index built
 * afterwards shares it). An empty lexicon if the file is missing: questions in
 * the corpus's own language do not need it.
 */
export function shippedLexicon(): Lexicon {
  if (!shipped) {
    const path = join(projectRoot(), LEXICON_FILE);
    shipped = existsSync(path) ? Lexicon.parse(readFileSync(path, 'utf8')) : new Lexicon();
    const phrases = join(projectRoot(), PHRASES_FILE);
    if (existsSync(phrases)) shipped.phrases = EnglishPhrases.parse(readFileSync(phrases, 'utf8'));
  }
  return shipped;
}
