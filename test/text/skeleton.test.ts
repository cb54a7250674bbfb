import { describe, expect, it } from 'vitest';
import { arabicSkeleton, latinSkeletons, nameDistance, normalizeText } from '../../src/text/index.js';

describe('consonant skeletons', () => {
  it.each([
    ['Tillerson', 'تيلرسون'],
    ['Kuwait', 'الكويت'],
    ['Washington', 'واشنطن'],
    ['Pompeo', 'بومبيو'],
    ['Blinken', 'بلينكن'],
    ['Kadhimi', 'الكاظمي'],
    ['Trump', 'ترامب'],
    ['Iraq', 'العراق'],
    ['Broncos', 'برونكوس'],
    ['Carolina', 'كارولينا'],
    ['Chopin', 'شوبان'],
    ['Chad', 'تشاد'],
    ['Warsaw', 'وارسو'],
    ['Victoria', 'فيكتوريا'],
    ['Denver', 'دنفر'],
  ])('%s and %s share a skeleton', (latin, arabic) => {
    expect(latinSkeletons(normalizeText(latin))).toContain(arabicSkeleton(normalizeText(arabic)));
  });

  it.each([
    ['Tillerson', 'بلينكن'],
    ['Kuwait', 'العراق'],
    ['Denver', 'دمشق'],
  ])('%s and %s do not', (latin, arabic) => {
    expect(latinSkeletons(normalizeText(latin))).not.toContain(arabicSkeleton(normalizeText(arabic)));
  });

  it('has none for a word of fewer than two consonants', () => {
    expect(latinSkeletons('ai')).toEqual([]);
    expect(arabicSkeleton('اي')).toBe('');
  });
});

describe('nameDistance', () => {
  it.each([
    ['tesla', 'تسلا', 'تواصل'],
    ['amazon', 'أمازون', 'مصانع'],
    ['bowl', 'بول', 'ابول'],
    ['tillerson', 'تيلرسون', 'تلرسن'],
  ])('puts the spelling of %s (%s) nearer than a word with the same consonants (%s)', (latin, name, other) => {
    expect(nameDistance(latin, normalizeText(name))).toBeLessThan(nameDistance(latin, normalizeText(other)));
  });

  it('is 0 for an exact transliteration', () => {
    expect(nameDistance('broncos', normalizeText('برونكوس'))).toBe(0);
  });
});
