import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { refusalOf } from '../../src/eval/answer-path-eval.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('refusalOf', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = (await loadKnowledgeBase(BUNDLED_CORPUS)).kb;
  });
  const KUWAIT = 'متى عقد اجتماع التحالف الدولي في الكويت؟';

  it.each([
    ['a place no article mentions', 'متى عقد الاجتماع في باريس؟', ['000_ef08b0032887354d'], 'corpus cannot answer'],
    ['a gold article no passage of which is a candidate', KUWAIT, ['no_such_article'], 'gold not ranked'],
    [
      'a gold passage that would answer',
      KUWAIT,
      ['000_ef08b0032887354d', '001_a80aa5ff78102834', '002_83dec01cb59a7f27'],
      'gold ranked too low to lead',
    ],
  ])('names %s', (_, question, gold, reason) => {
    expect(refusalOf(kb, question, new Set(gold))).toBe(reason);
  });

  it('names a gold passage that covers too little of a question in the other language', () => {
    // "slept" has no translation the articles use: what the passages match is not enough of the question
    const question = 'Which ministers slept during the meeting in Kuwait?';
    expect(refusalOf(kb, question, new Set(kb.articles.map((a) => a.id)))).toBe('gold below the floor');
  });
});
