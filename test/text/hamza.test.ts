import { describe, expect, it } from 'vitest';
import { hamzaSpelling, typedWithInnerHamza } from '../../src/text/hamza.js';
import { normalizeText } from '../../src/text/normalize.js';
import { isStopword, isStopwordAsTyped } from '../../src/text/stopwords.js';

describe('typedWithInnerHamza', () => {
  it.each([
    ['وترأس', true], // corpus 003 ¶2: «وترأس وزير الخارجية…»
    ['برئاسة', true], // corpus 004: «…الجديدة برئاسة مصطفى الكاظمي»
    ['بِرِئَاسَةِ', true], // the same with diacritics
    ['سؤال', true], // corpus 001: «وردا على سؤال حول آليات التحالف»
    ['بدأ', true], // corpus 000: «…الذي بدأ الاثنين بالكويت»
    ['تساءل', true], // a bare hamza
    ['برياسة', false], // typed without the hamza: nothing tells
    ['وأوضح', false], // an initial hamza, after a particle: folding keeps it in every form
    ['الأحمد', false], // after the article
    ['أكدت', false],
    ['إعمار', false],
  ])('%s → %s', (raw, expected) => {
    expect(typedWithInnerHamza(raw)).toBe(expected);
  });
});

describe('hamzaSpelling', () => {
  it.each([
    ['هَنَّأَ', 'هنأ'], // marks dropped, the hamza kept
    ['إلى', 'الي'], // an initial hamza on alef is typed either way
    ['وإلى', 'والي'],
    ['هؤلاء', 'هؤلاء'],
    ['فئة', 'فئه'],
  ])('%s → %s', (raw, expected) => {
    expect(hamzaSpelling(raw)).toBe(expected);
  });
});

describe('isStopwordAsTyped', () => {
  it.each([
    ['هنأ', false], // congratulated, not «هنا» (here)
    ['هَنَّأَ', false],
    ['بدأ', false], // began, not «ب» + «دا» (Egyptian «this»)
    ['فئة', false], // a group, not «فيه» (in it)
    ['هنا', true], // here, typed as the list has it
    ['فيه', true], // in it, typed as listed
    ['هؤلاء', true], // listed with its hamza
    ['وهؤلاء', true], // behind a fused particle
    ['أولئك', true],
    ['إلى', true], // an initial hamza, typed either way
    ['لأن', true],
    ['الرئيس', false], // no stop word at all
  ])('%s → %s', (raw, expected) => {
    expect(isStopword(normalizeText(raw)) && isStopwordAsTyped(raw, normalizeText(raw))).toBe(expected);
  });
});
