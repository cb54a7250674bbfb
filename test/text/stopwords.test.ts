import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/text/normalize.js';
import { isStopword } from '../../src/text/stopwords.js';

describe('isStopword', () => {
  it.each([
    ['هنا', true],
    ['وهذا', true], // a listed word behind a fused particle
    ['بما', true],
    ['ولا', true],
    ['فهل', true],
    ['دا', true], // Egyptian «this», listed
    ['ده', true],
    // corpus 000 ¶14: «مؤتمر اعادة إعمار العراق الذي بدأ الاثنين»: «بدأ» (began), hamza folded, is not «ب» + «دا»
    ['بدأ', false],
    ['بدا', false], // typed without its hamza, or «بدا» (seemed)
    ['بده', false], // dialect «he wants»: the demonstratives follow their noun, they take no particle
    ['الرئيس', false],
  ])('%s → %s', (word, expected) => {
    expect(isStopword(normalizeText(word))).toBe(expected);
  });
});
