import { describe, expect, it } from 'vitest';
import { TypoNeighbors } from '../../src/search/typo-neighbors.js';
import { Vocabulary } from '../../src/search/vocabulary.js';
import { WordFamilies } from '../../src/search/word-families.js';

describe('groupIdsInPieces', () => {
  const vocabulary = new Vocabulary();
  const terms = ['تشخيص', 'يشخص', 'شخص', 'كيمياء', 'كيمياوي', 'يواجه', 'تليرس', 'تيلرس', 'اجتماع', 'ضغط', 'تشخيصات'];
  for (const term of terms) vocabulary.intern(term);
  vocabulary.countPassage([0, 2, 3, 7]);
  vocabulary.countPassage([1, 2, 7]);

  it('groups as groupIds does, pausing after every batch', async () => {
    const keysOf = (term: string) => [term.slice(0, 1), term.slice(-1)];
    let pauses = 0;
    const inPieces = await vocabulary.groupIdsInPieces(keysOf, async () => pauses++, 3);
    expect([...inPieces.entries()]).toEqual([...vocabulary.groupIds(keysOf).entries()]);
    expect(pauses).toBe(Math.ceil(terms.length / 3));
  });

  it('readies typo neighbours and word families that answer as the ones built on first use', async () => {
    const [typos, families] = [new TypoNeighbors(vocabulary), new WordFamilies(vocabulary)];
    let pauses = 0;
    await typos.prepare(async () => pauses++);
    await families.prepare(async () => pauses++);
    expect(pauses).toBeGreaterThan(0);
    for (const term of ['كمياء', 'تلرس', 'يشخص', 'تشخيص', 'ضغط']) {
      expect(typos.of(term)).toEqual(new TypoNeighbors(vocabulary).of(term));
      expect(families.of(term)).toEqual(new WordFamilies(vocabulary).of(term));
    }
    expect(families.of('يشخص').length).toBeGreaterThan(0);
    expect(typos.of('تلرس').length).toBeGreaterThan(0);
  });
});
