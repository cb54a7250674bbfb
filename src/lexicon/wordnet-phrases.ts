/**
 * Reads WordNet's verb files (Debian package wordnet-base: index.verb,
 * data.verb) for the lexicon's phrase list: each phrase of a light verb
 * ("take_part", "set_up") with the one-word verbs of its most frequent sense
 * that the dictionary translates. See lexicon/README.md.
 */

const PHRASE = /^[a-z]+(?:_[a-z]+){1,2}$/;
/**
 * The verbs that say little on their own and make phrases with a particle or a
 * noun whose meaning is neither word's ("take part", "set up", "carry out"); a
 * phrase of a verb that means something itself ("depend on", "focus on") is
 * found through that verb.
 */
const LIGHT_VERBS = new Set('bring break carry come find get give go hold keep look make pick put run set take turn'.split(' '));
const WORD = /^[a-z]+$/;

/** The lines of a WordNet file that hold entries: the license header's lines begin with spaces. */
function entryLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0 && line[0] !== ' ');
}

/** data.<pos>: offset → its lemmas, lower case, without a syntactic marker ("able(a)"). */
function synsetWords(data: string): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const line of entryLines(data)) {
    const fields = line.split(' | ')[0]!.trim().split(' ');
    const count = Number.parseInt(fields[3] ?? '', 16);
    if (!(count > 0)) continue;
    const lemmas: string[] = [];
    for (let k = 0; k < count; k++) lemmas.push((fields[4 + 2 * k] ?? '').replace(/\([a-z]+\)$/, '').toLowerCase());
    words.set(fields[0]!, lemmas);
  }
  return words;
}

/**
 * Phrase (words separated by a space) → the one-word lemmas of its first
 * synset that `translated` accepts, other than its own words; phrases with none are left out.
 */
export function verbPhrases(index: string, data: string, translated: (word: string) => boolean): Map<string, string[]> {
  const synsets = synsetWords(data);
  const phrases = new Map<string, string[]>();
  for (const line of entryLines(index)) {
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    const count = Number(fields[2]);
    if (!PHRASE.test(lemma) || !LIGHT_VERBS.has(lemma.split('_')[0]!) || !(count > 0) || fields.length < 4 + count) continue;
    const first = fields[fields.length - count]!;
    const own = new Set(lemma.split('_'));
    // "team up" → "team" says nothing the phrase's own words do not
    const synonyms = (synsets.get(first) ?? []).filter((word) => WORD.test(word) && !own.has(word) && translated(word));
    if (synonyms.length > 0) phrases.set(lemma.replaceAll('_', ' '), [...new Set(synonyms)]);
  }
  return phrases;
}
