import { describe, expect, it } from 'vitest';
import { excerptAround, excerptText } from '../../src/present/excerpt.js';

const TEXT =
  'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار في افتتاح المؤتمر، أن هذه الأموال متعلقة بتحقيق الاستقرار في العراق وسوريا وتسهم بخلق ظروف لإعادة البناء والاعمار ومنها توصيل المرافق الأساسية في المنطقة.';
const words = new Set(TEXT.split(/\s+/));

describe('excerptAround', () => {
  it('returns the whole passage when it fits', () => {
    expect(excerptText(TEXT, excerptAround(TEXT, { start: 0, end: 10 }, 1000))).toBe(TEXT);
  });

  it.each([40, 60, 80, 120, 150])('fits %i characters, keeps the focus and never cuts a word', (max) => {
    const focusStart = TEXT.indexOf('أن هذه');
    const excerpt = excerptAround(TEXT, { start: focusStart, end: focusStart + 20 }, max);
    const shown = excerptText(TEXT, excerpt);
    expect(shown.length).toBeLessThanOrEqual(max);
    expect(shown).toContain('أن هذه');
    for (const word of shown.replace(/…/g, '').split(/\s+/)) expect(words).toContain(word);
    expect(shown.startsWith('…')).toBe(excerpt.clippedStart);
    expect(shown.endsWith('…')).toBe(excerpt.clippedEnd);
  });

  it('starts at the focus when the focus alone is longer than the budget', () => {
    const shown = excerptText(TEXT, excerptAround(TEXT, { start: 0, end: TEXT.length }, 50));
    expect(shown.startsWith('وذكر تريسلون')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(50);
  });

  it('moves a focus that starts inside a word to the word start', () => {
    const inside = TEXT.indexOf('المؤتمر') + 3;
    const shown = excerptText(TEXT, excerptAround(TEXT, { start: inside, end: inside + 5 }, 40));
    expect(shown).toContain('المؤتمر');
  });
});
