import { describe, expect, it } from 'vitest';
import { isHit, longestCommonSubstring, normalizeForScoring, type SeedQuestion, scoreAtK } from '../../src/eval/seed-scoring.js';

describe('the seed scoring rule', () => {
  it('normalizes as the README says', () => {
    expect(normalizeForScoring('أكّد «داعش»: ٧٥ دولةً، IS')).toBe('اكد داعش 75 دوله is');
  });

  it('finds the longest common substring', () => {
    expect(longestCommonSubstring('abcdef', 'zcdex')).toBe(3);
    expect(longestCommonSubstring('', 'x')).toBe(0);
  });

  const gold = { doc: '000_x.txt', evidence: 'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من 75 دولة' };

  it('counts a passage from the right doc that contains the evidence, or 60% of it', () => {
    expect(isHit({ articleId: '000_x', text: `مقدمة. ${gold.evidence} ومنظمة دولية.` }, gold)).toBe(true);
    expect(isHit({ articleId: '000_x', text: 'وشهد المؤتمر مشاركة دولية واسعة تمثلت' }, gold)).toBe(true);
    expect(isHit({ articleId: '000_x', text: 'وشهد المؤتمر مشاركة' }, gold)).toBe(false);
    expect(isHit({ articleId: '001_y', text: gold.evidence }, gold)).toBe(false);
  });

  const question = (over: Partial<SeedQuestion>): SeedQuestion => ({
    id: 'q',
    lang: 'ar',
    question: '?',
    answerable: true,
    gold: [gold],
    answer: '',
    kind: 'howmany',
    variant: 'plain',
    ...over,
  });

  it('scores hit@k, multi coverage and unanswerable questions', () => {
    const hit = { articleId: '000_x', text: gold.evidence };
    const miss = { articleId: '000_x', text: 'شيء آخر تماما لا علاقة له' };
    expect(scoreAtK(question({}), [miss, hit], false, 1)).toBe(0);
    expect(scoreAtK(question({}), [miss, hit], false, 3)).toBe(1);
    const multi = question({
      kind: 'multi',
      gold: [gold, { doc: '002_z.txt', evidence: 'وعقد ممثلو 74 دولة منضوية تحت لواء هذا التحالف' }],
    });
    expect(scoreAtK(multi, [hit], false, 3)).toBe(0.5);
    const none = question({ answerable: false, gold: [] });
    expect(scoreAtK(none, [], true, 3)).toBe(1);
    expect(scoreAtK(none, [miss], false, 3)).toBe(0);
  });
});
