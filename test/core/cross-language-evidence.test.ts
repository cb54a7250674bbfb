import { describe, expect, it, vi } from 'vitest';
import { answerQuestion, DEFAULT_ANSWER_OPTIONS } from '../../src/core/answer.js';
import { capitalizedNames, questionNames } from '../../src/core/cross-language-evidence.js';
import { buildKnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Article, Corpus } from '../../src/corpus/index.js';
import { shippedLexicon } from '../../src/lexicon/index.js';
import { createAnalyzer } from '../../src/text/index.js';

const analyzer = createAnalyzer();

describe('capitalizedNames', () => {
  it.each([
    ['When did Tesla move to Paris in 1884?', [['tesla'], ['paris'], ['1884']]],
    ['Which party won the election in South Africa?', [['south', 'africa']]],
    ['Who coached the Denver Broncos in the final?', [['denver', 'broncos']]],
    // the first word is capitalized anyway; words apart are names apart
    ['Tesla met Edison in New York', [['edison'], ['new', 'york']]],
    ['how many goals did they score?', []],
  ])('%s → %j', (question, names) => {
    expect(capitalizedNames(question, analyzer)).toEqual(names);
  });
});

describe('questionNames: which names an English question is about, and whether an Arabic passage writes them', () => {
  it.each([
    // a name the dictionary lacks, written by its sound
    ['Where did Jared Carter study law?', 'درس جاريد كارتر القانون في جامعة هارفارد.', 1],
    // a name, a dictionary transliteration and a number in Arabic-Indic digits
    ['When did Tesla move to Paris in 1884?', 'انتقل تسلا إلى باريس عام ١٨٨٤ للعمل في شركة إديسون.', 3],
    ['When did Tesla move to Paris in 1884?', 'انتقل المخترع إلى لندن عام ١٨٩٠.', 0],
    // a name of several words is written only when all its words are
    ['Which party won the election in South Africa?', 'فاز الحزب في الانتخابات التي جرت في جنوب أفريقيا.', 1],
    ['Which party won the election in South Africa?', 'فاز الحزب في الانتخابات التي جرت في أفريقيا.', 0],
    ['Who coached the Denver Broncos in the final?', 'درب جون فوكس فريق دنفر برونكوس لأربعة مواسم.', 1],
    // a word of the same sound with a meaning of its own is not the name: «الان» is "now", «كونها» "its being"
    ['How many goals did Allen score?', 'سجل الفريق الان ثلاثة أهداف.', 0],
    ['How many goals did Allen score?', 'سجل آلن ثلاثة أهداف في المباراة.', 1],
    ['What is Kenya known for?', 'وتعرف المنطقة بكونها مركزا للتجارة.', 0],
    // a name the dictionary writes with an Arabic ending
    ['What did the Saxon king build?', 'بنى الملك السكسوني قلعة كبيرة على النهر.', 1],
  ])('%s in «%s»: %i written', (question, passage, written) => {
    expect(questionNames(question, analyzer, shippedLexicon())?.writtenIn(passage)).toBe(written);
  });

  it.each([
    ['common words capitalized, which the dictionary translates by meaning', 'What did the West promise the Union?'],
    ['common words capitalized as a title', 'What did the Summer Festival offer?'],
    ['no capitalized word nor number', 'how many goals did they score?'],
    ['an Arabic question', 'ما هي عاصمة كينيا؟'],
  ])('has none for %s', (_what, question) => {
    expect(questionNames(question, analyzer, shippedLexicon())).toBeUndefined();
  });
});

const article = (id: string, texts: string[]): Article => ({
  id,
  label: id,
  lang: 'ar',
  file: `${id}.txt`,
  paragraphs: texts.map((text, k) => ({ n: k + 1, line: k + 1, text })),
});

const corpus: Corpus = {
  articles: [
    article('sport', [
      'قاد المدرب جون فوكس فريق دنفر برونكوس إلى المباراة النهائية بعد موسم قوي.',
      'وسجل جاريد كارتر ثلاثة أهداف في الشوط الثاني أمام جمهور كبير.',
      'انتقل اللاعب إلى نادي بولونيا الإيطالي مقابل عشرة ملايين يورو.',
    ]),
    article('science', [
      'انتقل المخترع تسلا إلى باريس عام ١٨٨٤ للعمل في شركة إديسون قبل سفره إلى نيويورك.',
      'يعتمد المحرك الكهربائي على المجال المغناطيسي الدوار الذي يحول الطاقة إلى حركة.',
      'وتعد المختبرات الحديثة من أهم مراكز البحث العلمي في العالم.',
    ]),
    article('city', [
      'تقع مدينة مونتريال على جزيرة في نهر سانت لورانس وقد استولت عليها القوات البريطانية عام ١٧٦٠.',
      'ويعمل معظم سكان المدينة في التجارة والخدمات والصناعة.',
    ]),
  ],
  synonyms: [],
};

describe('an English question over Arabic articles, when the passage writes its names', () => {
  const kb = buildKnowledgeBase(corpus);
  const withoutNames = { ...DEFAULT_ANSWER_OPTIONS, minCoverageWithNames: DEFAULT_ANSWER_OPTIONS.minCoverageAcrossLanguages };

  it.each([
    // the passage writes the name and matches less than half of the translated words
    ['How many goals did Jared Carter score against the visiting champions last winter?', 'sport#2'],
    ['What did Tesla invent after his long journey across the ocean?', 'science#1'],
    ['What did the inventor teach in Paris?', 'science#1'],
  ])('answers %s (%s), which the cross-language floor alone refuses', (question, id) => {
    expect(answerQuestion(kb, question).passages[0]?.id).toBe(id);
    expect(answerQuestion(kb, question, withoutNames).status).toBe('not_found');
  });

  it.each([
    // the same questions without the name, or with a name no passage writes
    'How many goals did the young striker score against the visiting champions last winter?',
    'How many goals did Peter Wilson score against the visiting champions last winter?',
    'What did the scientist invent after his long journey across the ocean?',
    'When was the island captured?',
    // a question of two words needs both, name or not: one shared word is a topic
    'When was Montreal captured?',
  ])('stays silent on %s', (question) => {
    expect(answerQuestion(kb, question).status).toBe('not_found');
  });

  it.each([
    'متى انتقل تسلا إلى باريس؟',
    'كم هدفا سجل جاريد كارتر؟',
    'متى استولت القوات البريطانية على مونتريال؟',
    'على ماذا يعتمد المحرك الكهربائي؟',
    'ما هي عاصمة كندا؟',
    'كم عدد سكان مونتريال عام ١٧٦٠؟',
    'ماذا أكل الصيادون والبحارة في الشتاء الطويل عام ١٨٨٤؟',
  ])('leaves an Arabic question as it was, never reading its names: %s', (question) => {
    const dictionary = vi.spyOn(kb.index, 'dictionary');
    const anyFloor = { ...DEFAULT_ANSWER_OPTIONS, minCoverageWithNames: 0 };
    expect(answerQuestion(kb, question, anyFloor)).toEqual(answerQuestion(kb, question, withoutNames));
    expect(dictionary).not.toHaveBeenCalled();
    answerQuestion(kb, 'What did the inventor study in Paris?');
    expect(dictionary).toHaveBeenCalled();
    dictionary.mockRestore();
  });
});
