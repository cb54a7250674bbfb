import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type CitedPassage } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { normalizeForScoring } from '../../src/eval/seed-scoring.js';
import { MESSAGES } from '../../src/present/catalogue.js';
import { projectRoot } from '../../src/project-root.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

/** Every question we show users as an example: /start, the empty-question hint, the README's transcript. */
function shownExamples(): string[] {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const transcript = [...readme.matchAll(/^؟ (.+)$/gm)].map((m) => m[1]!.trim());
  const hints = Object.values(MESSAGES.rejected.empty).map((text) => /\/ask (.+)$/.exec(text)?.[1]?.trim() ?? '');
  return [...new Set([...MESSAGES.examples, ...hints, ...transcript])].filter(Boolean);
}

/**
 * What answers each example, as a reader checks it: words the cited paragraph
 * must contain (any one of each group, after the seed scoring's
 * normalization) and, for "when" questions, the date its citation must show.
 */
const ANSWERS: Record<string, { words: string[][]; date?: string; within?: number }> = {
  'متى عقد اجتماع التحالف الدولي في الكويت؟': { words: [['الكويت']], date: '2018-02-13' },
  'متى عقد اجتماع التحالف في الكويت؟': { words: [['الكويت']], date: '2018-02-13' },
  'كم دولة شاركت في اجتماع التحالف؟': { words: [['75', '74']] },
  'شو قال تيلرسون عن العراق؟': {
    words: [
      ['تيلرسون', 'تريلسون', 'تليرسون'],
      ['العراق', 'للعراق'],
    ],
  },
  'كم تعهد تيلرسون في مؤتمر الكويت؟': { words: [['200 مليون دولار']] },
  // the articles' headline about Kuwait fills the first candidates with an undated article's «أمس»
  'When did the coalition meet in Kuwait?': { words: [['الكويت']], date: '2018-02-13' },
};

function answers(passage: CitedPassage, expected: (typeof ANSWERS)[string]): boolean {
  // the citation names the speaker a paragraph goes on with («وعن المساعدة… قال «ناقشنا…»»)
  const text = ` ${normalizeForScoring(passage.text)} ${normalizeForScoring(passage.speaker ?? '')} `;
  const hasWords = expected.words.every((group) => group.some((w) => text.includes(normalizeForScoring(w))));
  return hasWords && (expected.date === undefined || passage.date === expected.date);
}

let kb: KnowledgeBase;
beforeAll(async () => {
  ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
});

describe('the example questions we show', () => {
  const examples = shownExamples();

  it('are found in /start, the empty-question hint and the README', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s is answered by the passage cited first', (question) => {
    const expected = ANSWERS[question];
    expect(expected, `no expected answer written for the example «${question}»`).toBeDefined();
    const answer = answerQuestion(kb, question);
    expect(answer.status).toBe('answered');
    const cited = answer.passages.slice(0, expected!.within ?? 1);
    expect(
      cited.some((p) => answers(p, expected!)),
      `cited: ${cited.map((p) => p.id).join(', ')}`,
    ).toBe(true);
  });
});
