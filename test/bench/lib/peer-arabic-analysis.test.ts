import { describe, expect, it } from 'vitest';
import { luceneArabicStem, PEER_ARABIC_STOPWORDS, peerArabicTerm } from '../../../bench/lib/peer-arabic-analysis.js';

describe("the peers' Arabic analysis", () => {
  it("loads lunr-languages' Arabic stop words from the installed package", () => {
    expect(PEER_ARABIC_STOPWORDS.size).toBeGreaterThan(300);
    expect(PEER_ARABIC_STOPWORDS.has('متي')).toBe(true);
  });

  it.each([
    ['الاجتماعات', 'اجتماع'],
    ['والتحالف', 'تحالف'],
    ['بالكويت', 'كويت'],
    ['وزير', 'زير'], // Lucene strips a leading و when the rest has three letters or more, root letter or not
    ['دولي', 'دول'],
  ])("stems %s → %s as Lucene's ArabicStemmer does", (word, stem) => {
    expect(luceneArabicStem(word)).toBe(stem);
  });

  it('drops stop words and normalizes the rest', () => {
    expect(peerArabicTerm('متى')).toBeNull();
    expect(peerArabicTerm('المؤتمرات')).toBe('مؤتمر');
    expect(peerArabicTerm('الأَمْرِيكيّة')).toBe('امريك');
  });
});
