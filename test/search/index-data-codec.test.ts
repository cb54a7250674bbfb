import { describe, expect, it } from 'vitest';
import { split } from '../../src/search/index-data-codec.js';
import { sameMap } from '../support/v8-shapes.js';

describe('split (a section of one word a line)', () => {
  it('gives the lines, none of them a view that keeps the whole text alive', () => {
    const words = Array.from({ length: 2000 }, (_, k) =>
      k % 3 === 0 ? `كلمةطويلةجدامنالكلمات${k}` : k % 3 === 1 ? `ab${k}` : `longerthantwelve${k}`,
    );
    const text = words.join('\n');
    const lines = split(text);
    expect(lines).toEqual(words);
    // a flat string of each kind (one-byte, two-byte), made the way no split can share
    const flatLatin = Buffer.from('longerthantwelve').toString('utf8');
    const flatArabic = Buffer.from('كلمةطويلةجدامنالكلمات').toString('utf8');
    for (const line of lines.filter((l) => l.length >= 13))
      expect(sameMap(line, /^[a-z]/.test(line) ? flatLatin : flatArabic), line).toBe(true);
  });

  it('gives no line for an empty section', () => {
    expect(split('')).toEqual([]);
  });
});
