import { describe, expect, it } from 'vitest';
import { checkQuestion, questionLanguage } from '../../src/core/question.js';

describe('checkQuestion', () => {
  it.each([
    ['an empty string', '', 'empty'],
    ['only spaces and newlines', '  \n\t ', 'empty'],
    ['only invisible characters', '\u200B\u200F\u202E', 'empty'],
    ['only punctuation', '؟؟!! ... ،', 'no_words'],
    ['only emoji', '🤔🤔', 'no_words'],
    ['10,000 characters', 'ا'.repeat(10_000), 'too_long'],
    ['binary garbage', '\u0000\u0001\u0002\u0003PK\u0004\u0005\uFFFD\uFFFD', 'unreadable'],
    ['a lone surrogate pair half', 'ab\uD800', 'unreadable'],
    ['not a string', 42, 'empty'],
  ])('rejects %s', (_what, input, reason) => {
    const checked = checkQuestion(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toBe(reason);
  });

  it('removes bidi overrides and zero-width characters but keeps the words', () => {
    const checked = checkQuestion('\u202Eمتى\u200B عقد   الاجتماع؟\u202C');
    expect(checked).toEqual({ ok: true, question: 'متى عقد الاجتماع؟' });
  });

  it('accepts a question at the length limit', () => {
    expect(checkQuestion('س'.repeat(1000)).ok).toBe(true);
  });
});

describe('questionLanguage', () => {
  it.each([
    ['شو قال تيلرسون عن العراق؟', 'ar'],
    ['How much did Tillerson pledge?', 'en'],
    ['ماذا قال Tillerson عن Iraq؟', 'ar'],
    ['2018?', 'ar'],
  ])('%s → %s', (question, lang) => {
    expect(questionLanguage(question)).toBe(lang);
  });
});
