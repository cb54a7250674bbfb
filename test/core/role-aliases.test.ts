import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { buildKnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Article, Corpus } from '../../src/corpus/index.js';

const article = (id: string, date: string, texts: string[]): Article => ({
  id,
  label: id,
  date,
  lang: 'ar',
  file: `${id}.txt`,
  paragraphs: texts.map((text, k) => ({ n: k + 1, line: k + 1, text })),
});

/** Two outlets: one names the minister by role and name once, the other by name only where he speaks. */
const corpus: Corpus = {
  articles: [
    article('a1', '2018-02-13', [
      'افتتح وزير الخارجية الأمريكي ريكس تيلرسون المؤتمر الدولي في الكويت بحضور وفود عربية وأجنبية.',
      'ناقش المؤتمر الأوضاع الإنسانية في المدن المحررة وسبل دعم المجتمعات المتضررة.',
      'وقال وزير الخارجية الأمريكي إن التحالف حقق نجاحا كبيرا في القضاء على داعش.',
    ]),
    article('a2', '2018-02-14', [
      'اختتمت أعمال المؤتمر الدولي في الكويت مساء أمس بمشاركة واسعة.',
      'وأعلن تيلرسون أن بلاده ستقدم مساعدات بقيمة 200 مليون دولار للنازحين العائدين إلى مدنهم.',
      'وأكدت الوفود المشاركة أهمية التعاون في مجال إعادة الإعمار.',
      'وقال مسؤولون عراقيون في المؤتمر إن تنظيم داعش فقد معظم الأراضي التي سيطر عليها.',
    ]),
  ],
  synonyms: [],
};

describe('role–name aliases mined at build time', () => {
  const kb = buildKnowledgeBase(corpus);
  const withoutAliases = { ...kb, index: kb.index.withSynonyms(corpus.synonyms) };

  it('a question by role leads with the paragraph that names the person only by name', () => {
    const question = 'ماذا قدم وزير الخارجية الأمريكي للنازحين العائدين؟';
    const answer = answerQuestion(kb, question);
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]?.id).toBe('a2#2');
    // without the mined names a paragraph that names the role and answers nothing leads
    expect(answerQuestion(withoutAliases, question).passages[0]?.id).toBe('a1#3');
  });

  it('a question by role with no other word of the answer still cites it, which it did not', () => {
    const question = 'ماذا أعلن وزير الخارجية الأمريكي؟';
    expect(answerQuestion(kb, question).passages.map((p) => p.id)).toContain('a2#2');
    expect(answerQuestion(withoutAliases, question).passages.map((p) => p.id)).not.toContain('a2#2');
  });

  it('a question by name is answered as without the mined names (a name does not widen to the office)', () => {
    const question = 'ماذا قال تيلرسون عن داعش؟';
    expect(answerQuestion(kb, question).passages.map((p) => p.id)).toEqual(
      answerQuestion(withoutAliases, question).passages.map((p) => p.id),
    );
  });
});
