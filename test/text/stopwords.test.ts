import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/text/normalize.js';
import { isStopword, keepFoldedHamza } from '../../src/text/stopwords.js';

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
    // the relative pronouns as often typed, with a doubled «ل»
    ['اللتى', true],
    ['اللذي', true],
  ])('%s → %s', (word, expected) => {
    expect(isStopword(normalizeText(word))).toBe(expected);
  });
});

describe('keepFoldedHamza', () => {
  it.each([
    ['على ماذا هنأ الوزير', 'على ماذا هنء الوزير'], // congratulated, not «هنا»
    ['هَنَّأَ', 'هَنَّءَ'], // marks stay where they are
    ['فئة الشباب', 'فءة الشباب'],
    ['هنا الوزير', 'هنا الوزير'], // no hamza typed: the function word
    ['هؤلاء وأولئك إلى أن', 'هؤلاء وأولئك إلى أن'], // listed as typed
    ['وترأس وزير الخارجية', 'وترأس وزير الخارجية'], // no function word at all
  ])('%s → %s', (text, expected) => {
    expect(keepFoldedHamza(text)).toBe(expected);
    expect(keepFoldedHamza(text).length).toBe(text.length);
  });
});
