import { describe, expect, it } from 'vitest';
import { answerTypeOf, askedAttribute, countedNoun } from '../../src/search/answer-type.js';

describe('askedAttribute', () => {
  it.each([
    ['ما هي مساحة الولايات المتحدة الأمريكية؟', 'مساحه'],
    ['ماهو تعداد سكان العراق؟', 'تعداد'],
    ['ما عاصمة اليابان؟', 'عاصمه'],
    ['متى تم تأسيس الأمم المتحدة؟', 'تاسيس'],
    ['What is the area of Kuwait?', 'area'],
    // a category and a relative clause: the passage names an instance, not the category
    ['ما هي الوظيفة التي شغلها؟', undefined],
    ['ما هو المبلغ الذي تعهد به؟', undefined],
    // a preposition, not a construct
    ['ما هو مرادف للحمض النووي؟', undefined],
    ['ما الذي أكدته دول التحالف؟', undefined],
    ['ماذا قال تيلرسون عن العراق؟', undefined],
    ['What did Tillerson pledge?', undefined],
  ])('%s → %s', (question, attribute) => {
    expect(askedAttribute(question)).toBe(attribute);
  });
});

describe('countedNoun', () => {
  it.each([
    ['كم عدد الدول التي شاركت؟', 'الدول'],
    ['كم دولة شاركت في اجتماع التحالف؟', 'دوله'],
    ['How many countries attended?', 'countries'],
    ['متى عقد الاجتماع؟', undefined],
  ])('%s → %s', (question, noun) => {
    expect(countedNoun(question)).toBe(noun);
  });

  it('belongs to questions typed as numbers', () => {
    expect(answerTypeOf('كم دولة شاركت؟')).toBe('number');
  });
});
