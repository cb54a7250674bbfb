/**
 * npx tsx scripts/build-lexicon.ts <dir with freedict-eng-ara.index and .dict.dz> [out]
 *
 * Turns FreeDict's English–Arabic dictionary (Debian package dict-freedict-eng-ara)
 * into lexicon/eng-ara.tsv: one line per English headword, its senses separated by
 * "|", the translations of one sense by ",", normalized like the articles' text;
 * nothing after the tab for a word whose translations are all Arabic function words.
 * See lexicon/README.md for the steps and what is pruned.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { lemmaCandidates } from '../src/lexicon/english-lemmas.js';
import { createAnalyzer, hasArabicLetter, normalizeText, splitWords } from '../src/text/index.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A translation longer than this is an explanation ("نوع من الذرات"), not a word a passage would use. */
const MAX_TRANSLATION_WORDS = 3;
/** Diacritics and madda: normalization drops them, and a content word may then spell a function word. */
const AMBIGUOUS_MARKS = /[\u064B-\u0652\u0622]/;

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
const data = gunzipSync(readFileSync(join(sourceDir, 'freedict-eng-ara.dict.dz')));
const analyzer = createAnalyzer();

/** headword → its senses, each a list of translations */
const entries = new Map<string, string[][]>();
for (const line of readFileSync(join(sourceDir, 'freedict-eng-ara.index'), 'utf8').split('\n')) {
  const [headword, offset, length] = line.split('\t');
  if (!headword || !offset || !length || headword.startsWith('00database')) continue;
  // one plain word: multiword headwords (42) and abbreviations with symbols cannot be matched word by word
  if (!/^[a-z]+$/i.test(headword)) continue;
  const key = headword.toLowerCase();
  if (analyzer.termOf(key) === null) continue; // an English stop word
  const start = decodeNumber(offset);
  const raw = sensesOf(data.subarray(start, start + decodeNumber(length)).toString('utf8'));
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
  const unique = [...new Map(senses.map((sense) => [sense.join(','), sense])).values()];
  lines.push(`${headword}\t${unique.map((sense) => sense.join(',')).join('|')}`);
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${entries.size} headwords, ${pruned} inflections found through their dictionary form → ${lines.length} lines in ${out}`);
