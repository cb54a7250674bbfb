import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { countsVaguely, writesDual } from '../../src/core/count-evidence.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { createAnalyzer, normalizeText } from '../../src/text/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('writesDual', () => {
  const analyzer = createAnalyzer();
  const termsOf = (word: string) => new Set([analyzer.termOf(normalizeText(word))!]);
  it.each([
    ['a feminine dual', 'جلسة', 'وشهد الاجتماع جلستين الاولى لمناقشة تطورات تنظيم داعش في سوريا والعراق', true],
    ['a masculine dual', 'شهر', 'اجتماعهم لتقييم حربهم ضد هذا التنظيم في سوريا والعراق شهرين بعد إعلان السلطات العراقية', true],
    ['the singular', 'جلسة', 'فيما ناقشت الجلسة الثانية ملف مكافحة الارهاب في مناطق العالم عامة', false],
    ['another word in the dual', 'جلسة', 'يعني أن جميع الدول المشاركة في التحالف يجب ان تحافظ على الجهود', false],
  ])('%s', (_what, counted, text, expected) => {
    expect(writesDual(text, termsOf(counted), analyzer.termOf)).toBe(expected);
  });
});

describe('countsVaguely', () => {
  it.each([
    ['«العديد من»', 'واكتسي اللقاء أهمية خاصة في نظر العديد من المتتبعين للمسائل الأمنية في المنطقة العربية', true],
    ['«عدة» after its noun', 'بهدف ضمان استمرارية التنسيق في مجالات عدة، تشمل مواصلة مكافحة تمويل ما «داعش»', true],
    ['«عدد كبير»', 'من الاراضي السورية التي يقطنها عدد كبير من السكان بالإضافة الى حقول النفط', true],
    ['no quantity at all', 'ويجب على العالم دعم سكان البلاد المحررة', false],
    // «بعده» (after it) and «وعده» (his promise) only look like «عدة»
    ['«بعده», «وعده»', 'وأكد وعده بالدعم، وقال إن الاجتماع عقد بعده في الكويت', false],
  ])('%s', (_what, text, expected) => {
    expect(countsVaguely(text)).toBe(expected);
  });
});

describe('a "how many" question is answered only by a lead that can give the count', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });

  // the best passage matched «المحافظة» (upholding) and «العراق»: «من خلال المحافظة على ما تحقق»
  it.each([['كم محافظة في العراق؟'], ['كم عدد محافظات سوريا؟'], ['ما عدد المحافظات العراقية؟']])(
    'not found when the lead has no number: %s',
    (question) => {
      expect(answerQuestion(kb, question).status).toBe('not_found');
    },
  );

  it.each([
    ['a number', 'كم دولة شاركت في اجتماع التحالف؟', '74 دولة'],
    ['the counted word in the dual', 'كم جلسة شهد الاجتماع؟', 'جلستين'],
    ['the counted word in the dual, after «بلغ عدد»', 'كم بلغ عدد جلسات اجتماع الكويت؟', 'جلستين'],
    ['a count without a number', 'كم مجالا تشمل المبادئ التوجيهية؟', 'في مجالات عدة'],
  ])('answered when the lead gives %s', (_what, question, count) => {
    const answer = answerQuestion(kb, question);
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain(count);
  });
});
