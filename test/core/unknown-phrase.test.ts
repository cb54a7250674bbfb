import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { namesUnknownPhrase } from '../../src/core/unknown-phrase.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('namesUnknownPhrase', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });
  const names = (question: string) => namesUnknownPhrase(question, kb.index.search(question, 5).concepts, new Set());

  it.each([
    ['a thing of two words no article has', 'متى ظهر حجر الفلاسفة لأول مرة في العراق؟', true],
    ["a person's first and last names", 'ماذا قال جون كيري عن التحالف الدولي؟', true],
    ['two such words apart', 'هل المسلسل عن داعش التلفزيوني؟', false],
    ['one such word beside a known one', 'متى ظهر حجر رئيس الوزراء في العراق؟', false],
    ['words the articles have', 'ما هو الفضاء الإلكتروني؟', false],
  ])('%s: %s', (_what, question, expected) => {
    expect(names(question)).toBe(expected);
  });

  it('leaves out what it is told to (a word naming what is asked)', () => {
    const question = 'لأي غرض خصصت الأموال التي تعهد بها تيلرسون؟';
    const { concepts } = kb.index.search(question, 5);
    expect(namesUnknownPhrase(question, concepts, new Set())).toBe(true);
    expect(namesUnknownPhrase(question, concepts, new Set(concepts.filter((c) => c.words.includes('غرض'))))).toBe(false);
  });
});

describe('a question naming what no article has is not found', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });

  // «ظهوره لأول مرة في العراق» in a paragraph on the group's first appearance matched the rest
  it('not found: a thing of two words no article has', () => {
    expect(answerQuestion(kb, 'متى ظهر حجر الفلاسفة لأول مرة في العراق؟').status).toBe('not_found');
  });

  // «لأي غرض» asks why, like «لماذا»: a word naming what is asked, which the passage does not write
  it('answered: «لأي غرض» with a verb the articles word otherwise', () => {
    const answer = answerQuestion(kb, 'لأي غرض خصصت الأموال التي تعهد بها تيلرسون؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('200 مليون دولار');
  });
});
