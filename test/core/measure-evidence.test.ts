import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { buildKnowledgeBase } from '../../src/core/knowledge-base.js';
import { givesMeasure, isMeasuredAttribute } from '../../src/core/measure-evidence.js';
import type { Article, Corpus } from '../../src/corpus/index.js';
import { askedAttribute, countedNoun } from '../../src/search/answer-type.js';

describe('isMeasuredAttribute', () => {
  it.each([
    ['What is the population of Iraq?', askedAttribute, true],
    ['ما هي مساحة العراق؟', askedAttribute, true],
    ['ما هو ارتفاع سد الموصل؟', askedAttribute, true],
    ['كم عدد سكان الكويت؟', countedNoun, true],
    ['كم دولة شاركت في الاجتماع؟', countedNoun, false],
    ['ما هي عاصمة العراق؟', askedAttribute, false],
  ] as const)('%s → %s', (question, read, measured) => {
    expect(isMeasuredAttribute(read(question))).toBe(measured);
  });
});

describe('givesMeasure', () => {
  it.each([
    ['يبلغ عدد سكانها نحو 4,5 مليون نسمة', 'سكان', true],
    ['كان من بين 711.988 من السكان 56,2٪ من الكاثوليك', 'population', true],
    ['وتبلغ مساحة الإمارة 1165 كم مربعاً', 'مساحه', true],
    ['The state covers 163,696 square miles', 'area', true],
    ['ورحلتها الفنية الطويلة لأكثر من 25 عاما', 'طول', true],
    // inhabitants mentioned, and a number about something else
    ['تسيطر على 30 في المئة من الاراضي السورية التي يقطنها عدد كبير من السكان', 'سكان', false],
    ['تعهد بتقديم 200 مليون دولار لإعادة الإعمار', 'سكان', false],
    ['ويجب على العالم دعم سكان البلدان المحررة', 'population', false],
    ['تقع المدينة على مساحة واسعة من الأراضي الزراعية', 'مساحه', false],
  ])('%s (%s) → %s', (text, attribute, gives) => {
    expect(givesMeasure(text, attribute)).toBe(gives);
  });
});

const article = (id: string, texts: string[]): Article => ({
  id,
  label: id,
  date: '2018-02-13',
  lang: 'ar',
  file: `${id}.txt`,
  paragraphs: texts.map((text, k) => ({ n: k + 1, line: k + 1, text })),
});

describe('a question asking for a measured figure', () => {
  const corpus: Corpus = {
    articles: [
      article('war', [
        'وتسيطر قوات التحالف على 30 في المئة من الأراضي السورية التي يقطنها عدد كبير من السكان بالإضافة إلى حقول النفط.',
        'وبحث الوزراء في الكويت سبل دعم سكان المدن السورية المحررة وإعادة الخدمات إليها.',
      ]),
      article('census', [
        'أعلنت الحكومة الكويتية نتائج التعداد العام في البلاد بعد عام من العمل الميداني.',
        'ويبلغ عدد سكان الكويت 4,8 مليون نسمة بحسب التعداد الأخير.',
      ]),
    ],
    synonyms: [],
  };
  const kb = buildKnowledgeBase(corpus);
  const warOnly = buildKnowledgeBase({ ...corpus, articles: corpus.articles.slice(0, 1) });

  it('is answered by the paragraph that gives the figure', () => {
    const answer = answerQuestion(kb, 'كم عدد سكان الكويت؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('4,8 مليون نسمة');
  });

  it('is not answered by a paragraph that mentions inhabitants beside another number', () => {
    expect(answerQuestion(warOnly, 'كم عدد سكان سوريا؟').status).toBe('not_found');
    expect(answerQuestion(warOnly, 'ما هو عدد سكان سوريا؟').status).toBe('not_found');
  });
});
