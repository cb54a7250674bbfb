/**
 * npx tsx scripts/build-phrases.ts <dir with WordNet's index.verb and data.verb> [lexicon] [out]
 *
 * Writes lexicon/eng-phrases.tsv: one line per English verb phrase of WordNet
 * ("take part"), a tab, then the one-word verbs of its most frequent sense
 * that lexicon/eng-ara.tsv translates ("participate"). Run it after
 * build-lexicon.ts. See lexicon/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verbPhrases } from '../src/lexicon/wordnet-phrases.js';
import { ENGLISH_FRAME_WORDS } from '../src/search/english-frame-words.js';

/** A verb of the SMART stop list in any of its forms ("happen": "happens" is listed). */
function isGenericVerb(verb: string): boolean {
  return [verb, `${verb}s`, `${verb}es`, `${verb}d`, `${verb}ed`, `${verb}ing`].some((form) => ENGLISH_FRAME_WORDS.has(form));
}

const [wordnetDir, lexiconFile = 'lexicon/eng-ara.tsv', out = 'lexicon/eng-phrases.tsv'] = process.argv.slice(2);
if (!wordnetDir) {
  console.error('usage: npx tsx scripts/build-phrases.ts <dir with index.verb and data.verb> [lexicon] [out]');
  process.exit(2);
}

const translated = new Set<string>();
for (const line of readFileSync(lexiconFile, 'utf8').split('\n')) {
  const [headword, senses] = line.split('\t');
  if (headword && senses) translated.add(headword);
}
const phrases = verbPhrases(
  readFileSync(join(wordnetDir, 'index.verb'), 'utf8'),
  readFileSync(join(wordnetDir, 'data.verb'), 'utf8'),
  (word) => translated.has(word),
);
// "take place" means "happen", which says how a question asks ("when did it take place?"), not what about:
// such a phrase is left to its words, of which the generic ones are left out of the evidence (english-frame-words.ts)
for (const [phrase, synonyms] of phrases) if (synonyms.some(isGenericVerb)) phrases.delete(phrase);
const lines = [...phrases.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([phrase, words]) => `${phrase}\t${words.join(',')}`);
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${phrases.size} verb phrases with a translated one-word synonym → ${out}`);
