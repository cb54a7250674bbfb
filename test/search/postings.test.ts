import { describe, expect, it } from 'vitest';
import { ForwardIndexBuilder } from '../../src/search/forward-index.js';
import { PassageIndex } from '../../src/search/index.js';
import { cappedTfOf, Postings, passageOf, TF_UNKNOWN } from '../../src/search/postings.js';

describe('Postings', () => {
  const builder = new ForwardIndexBuilder();
  const passages = [[0, 1, 1], [1], Array.from({ length: 300 }, () => 2).concat([1]), [0, 2, 2, 2]];
  for (const ids of passages) builder.add(ids);
  const forward = builder.build();
  const distinct = passages.map((ids) => [...new Set(ids)]);
  const postings = Postings.build((p) => distinct[p]!, passages.length, [2, 3, 2]);
  postings.setFrequencies((p, t) => forward.frequency(p, t));

  it('lists each term’s passages in order, with the term’s frequency in each', () => {
    const read = (term: number) => [...postings.of(term)].map((e) => [passageOf(e), cappedTfOf(e)]);
    expect(read(0)).toEqual([
      [0, 1],
      [3, 1],
    ]);
    expect(read(1)).toEqual([
      [0, 2],
      [1, 1],
      [2, 1],
    ]);
    // a frequency the entry cannot hold says so: the forward index has it
    expect(read(2)).toEqual([
      [2, TF_UNKNOWN],
      [3, 3],
    ]);
    expect(forward.frequency(2, 2)).toBe(300);
  });

  it('gives the passages alone, and those holding every one of several terms', () => {
    expect([...postings.passagesOf(1)]).toEqual([0, 1, 2]);
    expect(postings.withAll([1, 2])).toEqual([2]);
    expect(postings.withAll([0, 2])).toEqual([3]);
    expect(postings.withAll([0, 1, 2])).toEqual([]);
  });
});

describe('PassageIndex over postings with frequencies', () => {
  it('scores a word repeated past what an entry holds by its true count', () => {
    // same length, 255 vs 300 occurrences: capped at the entry's byte they would tie, and the first would rank first
    const fewer = `${'تحالف '.repeat(255)}${'سلام '.repeat(45)}`;
    const more = 'تحالف '.repeat(300);
    const index = PassageIndex.build([{ text: fewer }, { text: more }, { text: 'كلمة أخرى' }], { lexicon: null });
    const hits = index.search('تحالف').hits;
    expect(hits.map((h) => h.passage)).toEqual([1, 0]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });
});
