import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { answerPathOn, refusalOf } from '../../src/eval/answer-path-eval.js';
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
    const question = 'Which foreign ministers slept during the meeting in Kuwait?';
    expect(refusalOf(kb, question, new Set(kb.articles.map((a) => a.id)))).toBe('gold below the floor');
  });
});

describe('answerPathOn', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = (await loadKnowledgeBase(BUNDLED_CORPUS)).kb;
  });
  const question = (q: string, gold: string) => ({ id: q, question: q, answers: [], passage_id: gold });

  it('counts the gold cited by the answer and ranked by the engine, and the answers that lose an engine top-3 gold', () => {
    const kuwait = 'متى عقد اجتماع التحالف الدولي في الكويت؟';
    const cited = kb.index.search(kuwait, 3).hits.map((h) => kb.passages[h.passage]!.article.id);
    const r = answerPathOn(kb, [question(kuwait, cited[0]!), question('ما هي عاصمة اليابان وكم عدد سكانها؟', cited[0]!)]);
    expect(r).toMatchObject({ questions: 2, answered: 0.5, top3: 0.5, reordered: 0 });
    expect(r.engineTop3).toBeGreaterThanOrEqual(0.5);
    expect(r.refusals['corpus cannot answer'] + r.refusals['gold below the floor'] + r.refusals['gold matches too few words']).toBe(1);
  });
});
