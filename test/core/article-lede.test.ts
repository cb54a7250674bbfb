import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { ledeOf, ledeSetting } from '../../src/core/article-lede.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('the paragraph that opens a report', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });
  const passageOf = (start: string) => kb.passages.findIndex((p) => p.paragraph.text.startsWith(start));

  it('is the first paragraph of twelve words or more, past datelines and headline lines', () => {
    const opens = passageOf('عقد وزراء خارجية التحالف الدولي ضد ما يسمى «داعش» اجتماعا في العاصمة الأميركية واشنطن');
    expect(ledeOf(kb.passages, passageOf('وترأس وزير الخارجية عبدالله اليحيا'))).toBe(opens);
    // «تابعنا على», the headline and «الخميس 04 يونيو 2020…» come first in that article
    expect(kb.passages[ledeOf(kb.passages, passageOf('وترأس وزير الخارجية الكويتي الشيخ الدكتور'))!]!.paragraph.text).toMatch(
      /^أكد وزراء خارجية المجموعة المصغرة/,
    );
  });

  it('gives the other paragraphs its places and numbers, not its adjectives, and gives the lede itself nothing', () => {
    const setting = ledeSetting(kb.passages, passageOf('وترأس وزير الخارجية عبدالله اليحيا'));
    expect(setting).toContain('واشنطن');
    expect(setting).not.toContain('الاميركيه');
    expect(ledeSetting(kb.passages, passageOf('عقد وزراء خارجية التحالف الدولي ضد ما يسمى «داعش» اجتماعا'))).toEqual([]);
  });

  it.each([
    ["Who chaired Kuwait's delegation in Washington?"],
    ['Who led the Kuwaiti delegation to the Washington meeting?'],
    // the paragraph matches one thing of the question, a name of several words
    ['What did Abdullah Al-Yahya do in Washington?'],
    ['ماذا فعل عبدالله اليحيا في واشنطن؟'],
  ])('answers a question naming the place only the lede names: %s', (question) => {
    // the paragraph says who chaired Kuwait's delegation; «واشنطن» is in the article's first paragraph only
    const answer = answerQuestion(kb, question);
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toMatch(/^وترأس وزير الخارجية عبدالله اليحيا وفد الكويت/);
  });

  it('lends a place from a lede the ranking left out of the candidates, read through the terms other candidates matched it by', () => {
    // the pledge paragraph («وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار…») does not name Kuwait; its article's
    // lede («الكويت 13 فبراير 2018 / أكدت دول التحالف…») shares only that place with the question
    const answer = answerQuestion(kb, 'How much money did the US pledge at the Kuwait conference?');
    expect(answer.passages[0]!.text).toContain('200 مليون دولار');
  });

  it('does not lend a place the lede names only as an adjective', () => {
    // «العاصمة الأميركية» in the lede is no setting for "the US" in a question about something else
    expect(answerQuestion(kb, 'In the US, who decides on the requirements for teachers?').status).toBe('not_found');
  });

  it("after a reload by difference, finds a changed article's lede among its new paragraphs, not its old ones", () => {
    // the old and the new article share an id; their paragraphs are consecutive passages each
    const long = (words: string) => `${words} ${'وأضاف الوزير في المؤتمر الصحافي أن الاجتماع ناقش ملفات كثيرة مهمة'}`;
    const article = (paragraphs: string[]) => ({
      id: '003_x',
      label: 'x',
      lang: 'ar' as const,
      file: '003_x.txt',
      paragraphs: paragraphs.map((text, k) => ({ n: k + 1, line: k + 1, text })),
    });
    const old = article([long('عقد الاجتماع في واشنطن'), 'وترأس الوزير الوفد']);
    const changed = article([long('عقد الاجتماع في روما'), 'وترأس الوزير الوفد']);
    const passages = [...old.paragraphs, ...changed.paragraphs].map((paragraph, i) => ({
      id: `003_x#${paragraph.n}`,
      article: i < 2 ? old : changed,
      paragraph,
    }));
    expect(ledeOf(passages, 1)).toBe(0);
    expect(ledeOf(passages, 3)).toBe(2);
    expect(ledeSetting(passages, 3)).toContain('روما');
  });
});
