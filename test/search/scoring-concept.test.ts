import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('a phrase none of whose words the passages have weighs what stands for it', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });
  const massOf = (question: string, words: string) =>
    kb.index.search(question, 5).concepts.find((c) => c.words.join(' ') === words)?.mass ?? Number.NaN;
  const unknownWord = () => massOf('What did the Zorblax say?', 'zorblax');

  // synonyms.txt: داعش = … = Islamic State; المجموعة المصغرة = … = small group; أمريكا = … = United States
  it.each([
    ['What does the Islamic State sell?', 'islamic state'],
    ['What did the small group decide?', 'small group'],
    ['What did the United States sell?', 'united states'],
  ])('%s: less than a word no passage has', (question, words) => {
    expect(massOf(question, words)).toBeLessThan(unknownWord());
  });

  it('as much as the Arabic name it stands for', () => {
    expect(massOf('What does the Islamic State sell?', 'islamic state')).toBeCloseTo(massOf('ماذا يبيع داعش؟', 'داعش'), 6);
  });

  // the articles' subject, named in a third of the paragraphs, no longer carries the question alone
  it.each([['What does the Islamic State sell?'], ['What weapons does the Islamic State lack?']])('%s → not found', (question) => {
    expect(answerQuestion(kb, question).status).toBe('not_found');
  });
});
