import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { namesNothing } from '../../src/core/vague-question.js';
import type { ConceptSummary } from '../../src/search/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

const concept = (words: string[], idf: number): ConceptSummary => ({
  words,
  idf,
  known: true,
  constraint: false,
  absent: false,
  mass: idf,
});

describe('namesNothing', () => {
  it.each([
    // in a quarter of the passages or more (idf below ln 4 ≈ 1.39)
    ['one common word', [concept(['قال'], 1.24)], true],
    ['one word a few passages have', [concept(['الكاظمي'], 3.86)], false],
    ['a name of two words, however common', [concept(['التحالف', 'الدولي'], 0.55)], false],
    ['two words', [concept(['قال'], 1.24), concept(['الوزير'], 1.3)], false],
    ['nothing weighed', [], false],
  ])('%s → %s', (_, weighed, expected) => {
    expect(namesNothing(weighed)).toBe(expected);
  });
});

describe('a question naming nothing in particular (bundled corpus)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = (await loadKnowledgeBase(BUNDLED_CORPUS)).kb;
  });

  it.each([
    ['ماذا قال؟', 'not_found'],
    ['مَاذَا قَالَ؟', 'not_found'],
    ['متى قال ذلك؟', 'not_found'],
    // a word of few paragraphs names someone
    ['من هو الكاظمي؟', 'answered'],
    ['مَنْ هُوَ الكاظِمِيّ؟', 'answered'],
  ])('%s → %s', (question, status) => {
    expect(answerQuestion(kb, question).status).toBe(status);
  });
});
