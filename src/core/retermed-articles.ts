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
 * term; undefined when the snapshot did not save that.
 */
export async function wordsDependingOn(reader: SnapshotReader, stems: readonly string[]): Promise<BaseWord[] | undefined> {
  if (!reader.has('words.dependsOn') || !reader.has('words.list')) return undefined;
  const keyIds = await lineNumbers(await reader.utf8Bytes('words.keys'), stems);
  if (keyIds.size === 0) return [];
  const offsets = await reader.i32('words.dependsOn.offsets');
  const dependsOn = await reader.i32('words.dependsOn');
  const found: number[] = [];
  for (let word = 0; word + 1 < offsets.length; word++) {
    if (word % 50_000 === 49_999) await yieldToQuestions();
    for (let d = offsets[word]!; d < offsets[word + 1]!; d++) {
      if (keyIds.has(dependsOn[d]!)) {
        found.push(word);
        break;
      }
    }
  }
  if (found.length === 0) return [];
  const terms = await reader.i32('words.term');
  // the list is one word a line: walk the bytes to the lines wanted, decode only those
  const list = await reader.utf8Bytes('words.list');
  const decoder = new TextDecoder();
  const out: BaseWord[] = [];
  let line = 0;
  let start = 0;
  let next = 0;
  for (let at = 0; at <= list.length && next < found.length; at++) {
    if (at % 200_000 === 199_999) await yieldToQuestions();
    if (at < list.length && list[at] !== 10) continue;
    if (line === found[next]) {
      out.push({ word: decoder.decode(list.subarray(start, at)), term: terms[line]! });
      next++;
    }
    line++;
    start = at + 1;
  }
  return out;
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
