import { describe, expect, it } from 'vitest';
import { splitWords, tokenize } from '../../src/text/index.js';

describe('tokenize', () => {
  it('splits letters from digits: "بـ74" is a particle and a number', () => {
    expect(tokenize('المقدر عددها بـ74 دولة').map((t) => t.norm)).toEqual(['المقدر', 'عددها', 'ب', '74', 'دوله']);
  });

  it('gives offsets into the original text, diacritics and all', () => {
    const text = 'قُوَّةَ التَّنْظِيمِ';
    const [first, second] = tokenize(text);
    expect(text.slice(first!.start, first!.end)).toBe('قُوَّةَ');
    expect(text.slice(second!.start, second!.end)).toBe('التَّنْظِيمِ');
    expect(second!.norm).toBe('التنظيم');
  });

  it('splits on any Unicode punctuation, including Arabic comma and guillemets', () => {
    expect(splitWords('«داعش»، والعراق؛ 2025')).toEqual(['داعش', 'والعراق', '2025']);
  });

  it('keeps a word whole across a zero-width joiner', () => {
    expect(tokenize('داع\u200Dش').map((t) => t.norm)).toEqual(['داعش']);
  });

  it('counts every word for positions, stop words included', () => {
    expect(tokenize('من جانبه قال').map((t) => t.position)).toEqual([0, 1, 2]);
  });
});
