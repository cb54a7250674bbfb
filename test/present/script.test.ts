import { describe, expect, it } from 'vitest';
import { hasArabic, localeLang, textLang } from '../../src/present/index.js';

describe("the Arabic-script test and the asker's language", () => {
  it.each([
    ['متى عقد اجتماع التحالف في الكويت؟', true],
    ['ما قال Tillerson عن العراق؟', true],
    ['When did the coalition meet?', false],
    ['2018-02-13', false],
    ['', false],
  ])('hasArabic(%j) is %s', (text, expected) => {
    expect(hasArabic(text)).toBe(expected);
  });

  it.each([
    ['متى عقد اجتماع التحالف؟', 'en', 'ar'],
    ['ما قال Tillerson؟', 'en', 'ar'],
    ['When did the coalition meet?', 'ar', 'en'],
    ['2018', 'ar', 'ar'],
    ['؟؟', 'en', 'en'],
    ['', 'ar', 'ar'],
  ] as const)("textLang(%j, %s) is %s: the question's letters first, the locale when it has none", (text, locale, expected) => {
    expect(textLang(text, locale)).toBe(expected);
  });

  it.each([
    ['ar', 'ar'],
    ['ar-SA', 'ar'],
    ['AR', 'ar'],
    ['en-US', 'en'],
    ['fr', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ] as const)('a platform locale %j reads as %s', (locale, expected) => {
    expect(localeLang(locale)).toBe(expected);
  });
});
