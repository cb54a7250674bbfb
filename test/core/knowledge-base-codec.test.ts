import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/core/knowledge-base.js';
import { encodeSnapshot, restoreSnapshot } from '../../src/core/snapshot-store.js';
import type { Article } from '../../src/corpus/index.js';
import { sameMap } from '../support/v8-shapes.js';

const TOPICS = ['التحالف الدولي', 'مؤتمر الكويت', 'إعادة الإعمار', 'اللاجئين في سوريا', 'قمة باريس'];

/** Articles with the same fields, as a corpus's metadata gives them, a few with no headline. */
function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, k) => {
    const topic = TOPICS[k % TOPICS.length]!;
    const id = `a${k}`;
    const paragraphs = [
      { n: 1, line: 1, text: `خبر رقم ${k} عن ${topic} في الصفحة الأولى.` },
      { n: 2, line: 3, text: `وأضاف التقرير ${k} تفاصيل أخرى عن ${topic}.` },
    ];
    if (k % 7 === 3) return { id, label: `خبر رقم ${k}`, lang: 'ar', file: `${id}.txt`, paragraphs };
    return {
      id,
      title: `${topic} ${k}`,
      label: `${topic} ${k}`,
      source: 'وكالة',
      date: '2018-02-14',
      lang: 'ar',
      file: `${id}.txt`,
      paragraphs,
    };
  });
}

describe('a knowledge base restored from a snapshot', () => {
  it('gives articles with the same fields one hidden class, not one each', async () => {
    const built = buildKnowledgeBase({ articles: articles(200), synonyms: [] });
    const { kb } = await restoreSnapshot(encodeSnapshot(built, 'k', [], []));
    const withTitle = kb.articles.filter((a) => a.title !== undefined);
    expect(withTitle.length).toBeGreaterThan(150);
    for (const article of withTitle) expect(sameMap(article, withTitle[0]), article.id).toBe(true);
    expect(kb.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.length }))).toEqual(
      built.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.length })),
    );
  });

  it('holds no id string per passage: the id is worked out from its article and paragraph when read', async () => {
    const built = buildKnowledgeBase({ articles: articles(20), synonyms: [] });
    const { kb } = await restoreSnapshot(encodeSnapshot(built, 'k', [], []));
    for (const passages of [built.passages, kb.passages]) {
      expect(passages.map((p) => p.id)).toEqual(articles(20).flatMap((a) => a.paragraphs.map((p) => `${a.id}#${p.n}`)));
      for (const passage of passages) expect(Object.keys(passage)).not.toContain('id');
    }
  });
});
