import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { countedTerms, countsWith } from '../../src/core/counting-paragraph.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { createAnalyzer, normalizeText } from '../../src/text/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('countsWith', () => {
  const analyzer = createAnalyzer();
  const countries = new Set([analyzer.termOf('الدول')!]);
  it.each([
    ['digits before the counted noun', 'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من 75 دولة ومنظمة دولية.', true],
    ['Arabic-Indic digits', 'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من ٧٥ دولة ومنظمة دولية.', true],
    ['a particle fused to the digits, with tatweel', 'والمقدر عددها بـ74 دولة، التصدي لهذا التنظيم على كل الجبهات', true],
    ['with diacritics', 'وَعَقَدَ مُمَثِّلُو 74 دَوْلَةً مُنْضَوِيَةً تَحْتَ لِوَاءِ هَذَا التَّحَالُفِ', true],
    ['a number counting something else', 'أعلن صباح الخالد مشاركة 75 جهة ومنظمة دينية ودولية في الاجتماع الوزاري لدول التحالف', false],
    ['the counted noun without a number', 'أكد وزراء خارجية دول التحالف الدولي ضد ما يسمى بتنظيم داعش', false],
  ])('%s', (_what, text, expected) => {
    expect(countsWith(text, countries, analyzer.termOf)).toBe(expected);
  });
});

describe('countsWith a dual', () => {
  const analyzer = createAnalyzer();
  const counted = (word: string) => new Set([analyzer.termOf(normalizeText(word))!]);
  it.each([
    ['a feminine dual: two sessions', 'جلسة', 'وشهد الاجتماع جلستين الاولى لمناقشة تطورات تنظيم داعش في سوريا والعراق', true],
    ['the same, nominative', 'جلسة', 'عقدت جلستان في الكويت', true],
    ["a nisba's plural is no dual", 'الدول', 'تحقيق الأمن والسلم الدوليين', false],
    ['a broken plural in «ان» is no dual', 'بلد', 'بالتنسيق الوثيق مع بلدان المنشأ', false],
  ])('%s', (_what, word, text, expected) => {
    expect(countsWith(text, counted(word), analyzer.termOf)).toBe(expected);
  });
});

describe('countedTerms', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });
  const termsOf = (counted: string, acrossLanguages: boolean) =>
    countedTerms(counted, kb.index.analyzer, kb.index.dictionary(), acrossLanguages);

  it.each([
    ['an Arabic word over Arabic passages: its own term', 'دوله', false, 'دولة'],
    ['an English word over Arabic passages: its translations', 'countries', true, 'البلدان'],
    ["and its synonyms' («الدولة» of state)", 'countries', true, 'دول'],
  ])('%s', (_what, counted, across, arabic) => {
    expect(termsOf(counted, across)).toContain(kb.index.analyzer.termOf(normalizeText(arabic)));
  });

  it('an English word over Arabic passages is not looked for as written', () => {
    expect(termsOf('countries', true)).not.toContain(kb.index.analyzer.termOf('countries'));
  });
});

describe('a "how many" answer cites the paragraph that gives the count', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });

  it('leads with it, not with the paragraph of its article that matches more words but has no number', () => {
    const answer = answerQuestion(kb, 'كم عدد الدول المشاركه في التحالف؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('75 دولة');
  });

  it("leads with a paragraph that counts when the best-ranked one gives no number, and cites each outlet's figure", () => {
    // Egyptian «كام»; the paragraph ranked first answers on «المؤتمر» and «الكويت» alone
    const answer = answerQuestion(kb, 'كام دولة حضرت مؤتمر الكويت؟');
    expect(answer.passages[0]!.text).toContain('75 دولة');
    expect(answer.passages.map((p) => p.text).join(' ')).toContain('74 دولة');
  });

  it('finds it for each article cited, wherever the ranking put it', () => {
    // article 000 says «أكثر من 75 دولة» in a paragraph that shares only «الدول» with the question
    const answer = answerQuestion(kb, 'كم عدد الدول اللي حضرت اجتماع وزراء التحالف ضد داعش بالكويت؟');
    const fromEach = new Map(answer.passages.map((p) => [p.articleId, p.text]));
    expect(fromEach.get('000_ef08b0032887354d')).toContain('75 دولة');
    expect(fromEach.get('002_83dec01cb59a7f27')).toMatch(/74 ?دولة/);
  });

  it.each([['كم دولة شاركت في مؤتمر الكويت؟'], ['قديش دولة حضرت مؤتمر الكويت؟']])(
    "cites another outlet's count of the event although none of its paragraphs matches the question's verb: %s",
    (question) => {
      // article 002 says «وعقد ممثلو 74 دولة… اجتماعهم» and names Kuwait in its first paragraph, with no «مؤتمر» nor «حضور»
      const texts = answerQuestion(kb, question).passages.map((p) => p.text);
      expect(texts.join(' ')).toContain('75 دولة');
      expect(texts.join(' ')).toMatch(/74 ?دولة/);
    },
  );

  it('does not cite an article that counts what is asked but is not about the place asked', () => {
    // article 002 counts 74 countries and names Kuwait only: not Washington
    const answer = answerQuestion(kb, 'كم دولة حضرت اجتماع واشنطن؟');
    expect(answer.passages.map((p) => p.articleId)).not.toContain('002_83dec01cb59a7f27');
  });

  it.each([['كم جلسة عقدت في اجتماع الكويت؟'], ['How many sessions did the Kuwait meeting have?']])(
    'leads with the paragraph that counts what is asked, by a dual, before one with another number: %s',
    (question) => {
      // «أعلن… مشاركة 75 جهة» gives a number, of something else
      expect(answerQuestion(kb, question).passages[0]!.text).toMatch(/^وشهد الاجتماع جلستين/);
    },
  );

  it.each([
    ['How many countries took part in the coalition meeting in Kuwait?'],
    ['How many states participated in the coalition meeting in Kuwait?'],
  ])("cites each outlet's count although one article's paragraphs, all carrying its headline, rank above the other's: %s", (question) => {
    // article 001's headline («75 جهة ومنظمة شاركت باجتماع التحالف في الكويت») is indexed with its twenty paragraphs
    const [first, second, third] = answerQuestion(kb, question).passages;
    expect([first, second, third].map((p) => p!.text).join(' ')).toContain('75 دولة');
    expect([first, second, third].map((p) => p!.text).join(' ')).toMatch(/74 ?دولة/);
    expect(new Set([first, second, third].map((p) => p!.articleId)).size).toBe(3);
  });

  it("an English question finds the count through the counted word's translations", () => {
    // "took part" is one phrase («شارك»), not «أخذ» and «جزء»
    const answer = answerQuestion(kb, 'How many countries took part in the Kuwait meeting?');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toMatch(/75 (?:جهة|دولة)/);
    expect(answer.passages.map((p) => p.text).join(' ')).toMatch(/74 ?دولة/);
  });
});
