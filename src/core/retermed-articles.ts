import type { BaseWord } from '../search/index.js';
import { beforeNormalization, normalizeText, splitWords } from '../text/index.js';
import { indexedTitle } from './knowledge-base.js';
import type { SegmentBase } from './segment-reload.js';
import type { SnapshotReader } from './snapshot-format.js';

/**
 * The base's words whose term a delta's stem counts change, and the base's
 * articles holding them (see applyDelta): a full build would analyze them
 * again, so the delta indexes those articles again too. Found through the
 * analysis the snapshot saved of its words, a piece at a time.
 */

const yieldToQuestions = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The words of the base whose term depends on the count of one of `stems`
 * (the snapshot's saved analysis, see WordAnalysis.dependsOn), with their
 * term; undefined when the snapshot did not save that. The sections are read
 * a piece at a time, not whole: at archive scale they are megabytes that
 * would be held beside the index being built.
 */
export async function wordsDependingOn(
  reader: SnapshotReader,
  stems: readonly string[],
  pieceBytes = 256 << 10,
): Promise<BaseWord[] | undefined> {
  if (!reader.has('words.dependsOn') || !reader.has('words.list')) return undefined;
  const keyIds = await lineNumbers(await reader.utf8Bytes('words.keys'), stems);
  if (keyIds.size === 0) return [];
  // the places in words.dependsOn holding one of the keys, then the words those places belong to
  const hits: number[] = [];
  let at = 0;
  for await (const piece of reader.pieces('words.dependsOn', 'i32', pieceBytes)) {
    await yieldToQuestions();
    const numbers = numbersOf(piece);
    for (let k = 0; k < numbers.length; k++) if (keyIds.has(numbers[k]!)) hits.push(at + k);
    at += numbers.length;
  }
  const found: number[] = [];
  let hit = 0;
  let word = -1;
  for await (const piece of reader.pieces('words.dependsOn.offsets', 'i32', pieceBytes)) {
    await yieldToQuestions();
    const offsets = numbersOf(piece);
    // offsets[word] … offsets[word+1]-1 are the word's places; a hit below the next word's first place is the current word's
    for (let k = 0; k < offsets.length; k++, word++) {
      if (word >= 0 && hit < hits.length && hits[hit]! < offsets[k]!) {
        found.push(word);
        while (hit < hits.length && hits[hit]! < offsets[k]!) hit++;
      }
    }
  }
  if (found.length === 0) return [];
  const terms = await valuesAt(reader, 'words.term', found, pieceBytes);
  // the list is one word a line: walk the bytes to the lines wanted, decode only those
  const decoder = new TextDecoder();
  const out: BaseWord[] = [];
  let line = 0;
  let next = 0;
  let partial: Uint8Array[] = [];
  const wanted = () => next < found.length && line === found[next];
  for await (const piece of reader.pieces('words.list', 'utf8', pieceBytes)) {
    await yieldToQuestions();
    let start = 0;
    for (let b = 0; b < piece.length && next < found.length; b++) {
      if (piece[b] !== 10) continue;
      if (wanted()) out.push({ word: decoder.decode(joinBytes([...partial, piece.subarray(start, b)])), term: terms[next++]! });
      partial = [];
      line++;
      start = b + 1;
    }
    // a line running on into the next piece: its bytes copied (the piece's buffer is read into again)
    if (wanted()) partial.push(piece.slice(start));
  }
  if (wanted()) out.push({ word: decoder.decode(joinBytes(partial)), term: terms[next++]! });
  return out;
}

/** The numbers at `places` (ascending) of an i32 section, read a piece at a time. */
async function valuesAt(reader: SnapshotReader, name: string, places: readonly number[], pieceBytes: number): Promise<number[]> {
  const out: number[] = [];
  let at = 0;
  for await (const piece of reader.pieces(name, 'i32', pieceBytes)) {
    const numbers = numbersOf(piece);
    while (out.length < places.length && places[out.length]! < at + numbers.length) out.push(numbers[places[out.length]! - at]!);
    at += numbers.length;
  }
  return out;
}

/** An i32 section's piece as numbers (copied when it does not sit on a 4-byte boundary, as in a snapshot read from bytes). */
function numbersOf(piece: Uint8Array): Int32Array {
  const aligned = piece.byteOffset % 4 === 0 ? piece : piece.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts);
}

/** More lines than this are looked up in one pass over the text rather than searched for one by one. */
const MANY_LINES = 40;

/**
 * The line numbers of `lines` in UTF-8 text of one distinct line each, found
 * by a native byte search and counted in one walk: no string per line of a
 * list of hundreds of thousands.
 */
async function lineNumbers(bytes: Uint8Array, lines: readonly string[]): Promise<Set<number>> {
  if (lines.length > MANY_LINES) {
    // many: one pass over every line is quicker than a search for each
    const wanted = new Set(lines);
    const found = new Set<number>();
    const all = new TextDecoder().decode(bytes).split('\n');
    for (let line = 0; line < all.length; line++) {
      if (line % 20_000 === 19_999) await yieldToQuestions();
      if (wanted.has(all[line]!)) found.add(line);
    }
    return found;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts: number[] = [];
  for (const [k, line] of lines.entries()) {
    if (k % 20 === 19) await yieldToQuestions();
    const inside = text.indexOf(`\n${line}\n`);
    if (inside >= 0) starts.push(inside + 1);
    else if (text.subarray(0, Buffer.byteLength(line) + 1).equals(Buffer.from(`${line}\n`))) starts.push(0);
    else if (text.length > 0 && text.subarray(text.length - Buffer.byteLength(line) - 1).equals(Buffer.from(`\n${line}`)))
      starts.push(text.length - Buffer.byteLength(line));
    else if (text.equals(Buffer.from(line))) starts.push(0);
  }
  starts.sort((a, b) => a - b);
  const found = new Set<number>();
  let line = 0;
  let at = 0;
  for (const start of starts) {
    for (; at < start; at++) {
      if (at % 200_000 === 199_999) await yieldToQuestions();
      if (text[at] === 10) line++;
    }
    found.add(line);
  }
  return found;
}

/** More passages than this share holding a term of a retermed word: not looked through one by one. */
const CANDIDATES_SHARE = 0.2;

/**
 * The base's articles (other than `gone`) holding one of `words`, in a
 * passage or in the title: the passages holding each word's term are read
 * again and split into words (their texts were checked when the snapshot was
 * read), since a term stands for many words.
 */
export async function articlesHolding(
  base: SegmentBase,
  words: readonly BaseWord[],
  gone: ReadonlySet<string>,
): Promise<{ articles: Set<string> } | { tooMany: number }> {
  const { kb } = base;
  const wanted = new Map<number, Set<string>>();
  let candidates = 0;
  for (const { word, term } of words) {
    if (term < 0) continue;
    for (const p of kb.index.built.postings.passagesOf(term)) {
      if (gone.has(kb.passages[p]!.article.id)) continue;
      let set = wanted.get(p);
      if (!set) {
        set = new Set();
        wanted.set(p, set);
        candidates++;
      }
      set.add(word);
    }
    if (candidates > CANDIDATES_SHARE * kb.passages.length) return { tooMany: candidates };
  }
  const articles = new Set<string>();
  const titleChecked = new Set<string>();
  let k = 0;
  for (const [p, set] of wanted) {
    if (++k % 200 === 0) await yieldToQuestions();
    const { article, paragraph } = kb.passages[p]!;
    if (articles.has(article.id)) continue;
    const holds = (text: string | undefined) =>
      text !== undefined && splitWords(normalizeText(beforeNormalization(text))).some((w) => set.has(w));
    if (holds(paragraph.text)) articles.add(article.id);
    else if (!titleChecked.has(article.id)) {
      // the title's words are in each passage's terms: checked once per article, for every word wanted there
      titleChecked.add(article.id);
      const all = new Set(words.map((w) => w.word));
      if (splitWords(normalizeText(beforeNormalization(indexedTitle(article) ?? ''))).some((w) => all.has(w))) articles.add(article.id);
    }
  }
  return { articles };
}
