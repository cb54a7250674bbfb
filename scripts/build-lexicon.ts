/**
 * npx tsx scripts/build-lexicon.ts <dir with freedict-eng-ara.index and .dict.dz> [out]
 *
 * Turns FreeDict's English–Arabic dictionary (Debian package dict-freedict-eng-ara)
 * into lexicon/eng-ara.tsv: one line per English headword, its senses separated by
 * "|", the translations of one sense by ",", normalized like the articles' text;
 * nothing after the tab for a word whose translations are all Arabic function words.
 * When the directory also holds FreeDict's Arabic–English dictionary
 * (dict-freedict-ara-eng), it is read backwards and merged in: the Arabic words a
 * definition gives an English word for, as one further sense of that word.
 * When WordNet's database (Debian package wordnet-base) sits beside that
 * directory (../wordnet), each headword also gets, in a third column, the
 * translations of its WordNet synonyms: further, weaker senses; and when
 * Aiksaurus's thesaurus (Debian package libaiksaurus-1.2-data) sits there too
 * (../aiksaurus), those of its synonyms that WordNet also relates to the word.
 * See lexicon/README.md for the steps and what is pruned.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseThesaurus, thesaurusSynonyms } from '../src/lexicon/aiksaurus.js';
import { borrowedSenses, type SynonymSource } from '../src/lexicon/borrowed-senses.js';
import { lemmaCandidates } from '../src/lexicon/english-lemmas.js';
import { pastsOfImperative } from '../src/lexicon/imperative.js';
import { parseWordNetData, parseWordNetIndex, synonymsOf, WORDNET_POS, type WordNetPart } from '../src/lexicon/wordnet.js';
import { createAnalyzer, hasArabicLetter, normalizeText, splitWords } from '../src/text/index.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A translation longer than this is an explanation ("نوع من الذرات"), not a word a passage would use. */
const MAX_TRANSLATION_WORDS = 3;
/** Diacritics and madda: normalization drops them, and a content word may then spell a function word. */
const AMBIGUOUS_MARKS = /[\u064B-\u0652\u0622]/;

/** Senses of a word, per part of speech, whose WordNet synonyms lend it their translations: the most frequent one (two: more noise than help). */
const SYNONYM_SYNSETS = 1;
/** Translations a word gets from its synonyms at most, from each thesaurus. */
const MAX_SYNONYM_TRANSLATIONS = 6;
/**
 * Aiksaurus's synonyms of a word lend theirs only when WordNet relates them too, in one of the word's
 * first this many senses per part of speech: Moby lists dozens of loose neighbours per meaning.
 */
const CONFIRMING_SYNSETS = 2;

/** An Arabic word that defines more English words than this is too loose a translation of any one of them. */
const MAX_REVERSE_GLOSSES = 4;
/** Arabic words taken from the reverse direction for one English word, the most direct first. */
const MAX_REVERSE_TRANSLATIONS = 2;

function decodeNumber(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 64 + BASE64.indexOf(ch);
  return n;
}

/**
 * The senses of one dictd entry: its numbered lines (the first line is the
 * headword and its pronunciation), each a list of translations separated by
 * commas; an explanation after " - " is dropped.
 */
function sensesOf(entry: string): string[][] {
  const lines = entry
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\s*\d+\.\s*/, '').trim())
    .filter(Boolean);
  return lines.map((line) =>
    line
      .split(/[،,;]/)
      .map((t) => t.split(/\s+-\s+/)[0]!.trim())
      .filter(Boolean),
  );
}

const [sourceDir, out = 'lexicon/eng-ara.tsv'] = process.argv.slice(2);
if (!sourceDir) {
  console.error('usage: npx tsx scripts/build-lexicon.ts <dir with freedict-eng-ara.index and freedict-eng-ara.dict.dz> [out]');
  process.exit(1);
}
const analyzer = createAnalyzer();

/** The entries of a dictd dictionary: its headword (as the index spells it) and the text of its entry. */
function* dictEntries(name: string): Generator<{ headword: string; text: string }> {
  const data = gunzipSync(readFileSync(join(sourceDir!, `${name}.dict.dz`)));
  for (const line of readFileSync(join(sourceDir!, `${name}.index`), 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00database')) continue;
    const start = decodeNumber(offset);
    yield { headword, text: data.subarray(start, start + decodeNumber(length)).toString('utf8') };
  }
}

/** One plain English word that is not a stop word, lower case: multiword headwords and abbreviations with symbols cannot be matched word by word. */
function englishWord(text: string): string | undefined {
  if (!/^[a-z]+$/i.test(text)) return undefined;
  const key = text.toLowerCase();
  return analyzer.termOf(key) === null ? undefined : key;
}

/** headword → its senses, each a list of translations */
const entries = new Map<string, string[][]>();
for (const { headword, text } of dictEntries('freedict-eng-ara')) {
  const key = englishWord(headword);
  if (!key) continue;
  const raw = sensesOf(text);
  const senses = raw
    .map((sense) => sense.map(usableTranslation).filter((t): t is string => t !== undefined))
    .filter((sense) => sense.length > 0);
  if (senses.length > 0) entries.set(key, [...(entries.get(key) ?? []), ...senses]);
  // every translation an Arabic function word ("until" → "حتى"): the English word is one too; not when the
  // translation only became one by normalization ("adapt" → "كيّف", not "كيف"; "mechanism" → "آلية", not "اليه")
  else if (!entries.has(key) && raw.flat().every((t) => hasArabicLetter(t) && !AMBIGUOUS_MARKS.test(t) && analyzer.terms(t).length === 0)) {
    entries.set(key, []);
  }
}

/** Normalized, short, Arabic only and not all stop words ("من" for "who"). */
function usableTranslation(raw: string): string | undefined {
  const words = splitWords(normalizeText(raw));
  if (words.length === 0 || words.length > MAX_TRANSLATION_WORDS || !words.every(hasArabicLetter)) return undefined;
  const text = words.join(' ');
  return analyzer.terms(text).length > 0 ? text : undefined;
}

/**
 * FreeDict's Arabic–English dictionary read backwards: for each English word,
 * the Arabic headwords whose definitions give it, most direct first (an Arabic
 * word that defines only this word, then one that gives it first), no more
 * than MAX_REVERSE_TRANSLATIONS, and none that defines more than
 * MAX_REVERSE_GLOSSES English words: a word that appears in the definitions of
 * forty Arabic words does not get forty translations.
 */
function reverseTranslations(): Map<string, string[]> {
  const candidates = new Map<string, { text: string; rank: number }[]>();
  for (const { text } of dictEntries('freedict-ara-eng')) {
    const [first = '', ...definitions] = text.split('\n');
    const arabic = first
      .replace(/\s*\/[^/]*\/\s*$/, '')
      .split(/[،,;]/)
      .map(usableTranslation)
      .filter((t): t is string => t !== undefined);
    const glosses = definitions.map((line) => line.replace(/^\s*\d+\.\s*/, '').trim()).filter(Boolean);
    if (arabic.length === 0 || glosses.length > MAX_REVERSE_GLOSSES) continue;
    glosses.forEach((gloss, position) => {
      const key = englishWord(gloss);
      if (!key) return;
      const list = candidates.get(key) ?? [];
      for (const t of arabic) list.push({ text: t, rank: glosses.length + position / MAX_REVERSE_GLOSSES });
      candidates.set(key, list);
    });
  }
  const out = new Map<string, string[]>();
  for (const [key, list] of candidates) {
    const ranked = [...new Set(list.sort((a, b) => a.rank - b.rank).map((c) => c.text))];
    out.set(key, ranked.slice(0, MAX_REVERSE_TRANSLATIONS));
  }
  return out;
}

let merged = 0;
if (existsSync(join(sourceDir, 'freedict-ara-eng.index'))) {
  for (const [key, translations] of reverseTranslations()) {
    const senses = entries.get(key) ?? [];
    if (entries.has(key) && senses.length === 0) continue; // a function word stays one
    const known = new Set(senses.flat().flatMap((t) => analyzer.terms(t)));
    const added = translations.filter((t) => !analyzer.terms(t).every((term) => known.has(term)));
    if (added.length === 0) continue;
    entries.set(key, [...senses, added]);
    merged++;
  }
}

/** Whether the dictionary has a past or a participle of an English word: then it is a verb. */
const isVerb = (headword: string) =>
  [`${headword}ed`, `${headword}d`, `${headword}ing`, `${headword.replace(/e$/, '')}ing`].some(
    (form) => form !== headword && entries.has(form),
  );

// an imperative ("احضر") gets its past beside it ("حضر"): the form news text uses
let pasts = 0;
for (const [headword, senses] of entries) {
  if (senses.length === 0 || !isVerb(headword)) continue;
  entries.set(
    headword,
    senses.map((sense) => {
      const out: string[] = [];
      for (const t of sense) {
        out.push(t);
        for (const past of pastsOfImperative(t)) {
          if (sense.includes(past) || out.includes(past) || analyzer.terms(past).length === 0) continue;
          out.push(past);
          pasts++;
        }
      }
      return out;
    }),
  );
}

const synonyms = new Map<string, string[][]>();
/** WordNet's database, beside the dictd directory when both packages are unpacked in one place (usr/share/wordnet). */
const wordnetDir = join(sourceDir, '..', 'wordnet');
/** Aiksaurus's thesaurus, likewise (usr/share/aiksaurus). */
const aiksaurusDir = join(sourceDir, '..', 'aiksaurus');
const parts: WordNetPart[] = existsSync(join(wordnetDir, 'index.noun'))
  ? WORDNET_POS.map((pos) => ({
      pos,
      index: parseWordNetIndex(readFileSync(join(wordnetDir, `index.${pos}`), 'utf8')),
      data: parseWordNetData(readFileSync(join(wordnetDir, `data.${pos}`), 'utf8')),
    }))
  : [];
const sources: SynonymSource[] = [];
if (parts.length > 0) {
  const options = { maxSynsets: SYNONYM_SYNSETS, verbHypernyms: true };
  sources.push({ synonymsOf: (word) => synonymsOf(parts, word, options), maxTranslations: MAX_SYNONYM_TRANSLATIONS });
}
if (parts.length > 0 && existsSync(join(aiksaurusDir, 'words.dat'))) {
  const thesaurus = parseThesaurus(readFileSync(join(aiksaurusDir, 'words.dat')), readFileSync(join(aiksaurusDir, 'meanings.dat')));
  const confirming = { maxSynsets: CONFIRMING_SYNSETS, verbHypernyms: true };
  sources.push({
    synonymsOf: (word) => {
      const related = new Set(synonymsOf(parts, word, confirming));
      return thesaurusSynonyms(thesaurus, word).filter((synonym) => related.has(synonym));
    },
    maxTranslations: MAX_SYNONYM_TRANSLATIONS,
  });
}
for (const [word, groups] of borrowedSenses(entries, sources, (t) => analyzer.terms(t))) synonyms.set(word, groups);

const termsOf = (senses: string[][]) => new Set(senses.flat().flatMap((t) => analyzer.terms(t)));

// an inflected form that says nothing its dictionary form does not is found through that form at run time
let pruned = 0;
const lines: string[] = [];
for (const [headword, senses] of [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const lemma = lemmaCandidates(headword).find((candidate) => entries.has(candidate));
  if (lemma && senses.length > 0) {
    const lemmaTerms = termsOf(entries.get(lemma)!);
    if ([...termsOf(senses)].every((term) => lemmaTerms.has(term))) {
      pruned++;
      continue;
    }
  }
  lines.push(lineOf(headword, senses));
}

function lineOf(headword: string, senses: string[][]): string {
  const unique = [...new Map(senses.map((sense) => [sense.join(','), sense])).values()];
  const own = `${headword}\t${unique.map((sense) => sense.join(',')).join('|')}`;
  const further = synonyms.get(headword);
  return further ? `${own}\t${further.map((group) => group.join(',')).join('|')}` : own;
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(
  `${entries.size} headwords (${merged} with a sense from the Arabic–English direction, ${pasts} pasts beside imperatives, ${synonyms.size} words with their synonyms' translations), ${pruned} inflections found through their dictionary form → ${lines.length} lines in ${out}`,
);
