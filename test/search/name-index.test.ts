import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../src/search/name-index.js';

const WORDS: [string, number][] = [
  ['تيلرسون', 0],
  ['تليرسون', 1],
  ['ماكرون', 2],
  ['الكويت', 3],
  ['tillerson', 4],
  ['macron', 5],
];

function built(): NameIndex {
  const names = new NameIndex();
  for (const [word, term] of WORDS) names.add(word, term);
  return names;
}

describe('NameIndex restored from its arrays (a snapshot)', () => {
  it('finds every word the built index finds, and saves the same arrays', () => {
    const restored = new NameIndex(built().arrays());
    for (const query of ['تيلرسون', 'Tillerson', 'tilerson', 'ماكرون', 'macron', 'الكويت', 'غائب'].map((w) => w.toLowerCase()))
      expect(restored.of(query), query).toEqual(built().of(query));
    expect(restored.of('tillerson').map((n) => n.word)).toContain('تيلرسون');
    expect(restored.arrays()).toEqual(built().arrays());
  });

  it("holds no array per skeleton: the saved ids are looked up by the skeleton's number", () => {
    const restored = new NameIndex(built().arrays()) as unknown as { wordsBySkeleton: Map<string, unknown> };
    expect(restored.wordsBySkeleton.size).toBe(0);
  });

  it("extends a restored index with a delta's words, the base's still found", () => {
    const extended = NameIndex.extending(new NameIndex(built().arrays()), () => true);
    extended.add('ترامب', 6);
    expect(extended.of('ترامب').map((n) => n.word)).toEqual(['ترامب']);
    expect(extended.of('ماكرون')).toEqual(built().of('ماكرون'));
  });
});
