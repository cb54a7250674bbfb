import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, CANDIDATES, DEFAULT_ANSWER_OPTIONS } from '../../src/core/answer.js';
import { evidenceNeeded } from '../../src/core/evidence.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { type HoldNeeds, heldConcepts, holdsQuestion } from '../../src/core/own-text-evidence.js';
import { type ConceptSummary, PassageIndex } from '../../src/search/index.js';
import { SynonymTable } from '../../src/search/synonym-table.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

// sentences of the bundled corpus
const LED_BY_US =
  'وعقد ممثلو 74 دولة منضوية تحت لواء هذا التحالف بقيادة الولايات المتحدة الأمريكية اجتماعهم لتقييم حربهم ضد هذا التنظيم في سوريا والعراق';
const GULF_SUMMIT =
  'معربا عن تقديره العالي للرئيس الأميركي دونالد ترامب على اهتمامه بالعلاقات الاستراتيجية بين دول مجلس التعاون والولايات المتحدة الأميركية';
const PLEDGE = 'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار';
const PLEDGE_HEADLINE = 'تيلرسون: الكويت شريك في أمن وسلم المنطقة';
const FINANCE = 'وأعلنت الكويت تقديم ملياري دولار لإعادة إعمار العراق على شكل قروض واستثمارات';
const AMERICA = ['أمريكا', 'أميركا', 'الولايات المتحدة', 'الولايات المتحدة الأمريكية'];

describe('heldConcepts', () => {
  const passages = [{ text: LED_BY_US }, { text: GULF_SUMMIT }, { text: PLEDGE, title: PLEDGE_HEADLINE }, { text: FINANCE }];
  const index = PassageIndex.build(passages, { synonyms: [AMERICA] });
  /** The question's words the passage holds, read word by word, and those the index counts. */
  const read = (question: string, passage: number) => {
    const { hits, concepts } = index.search(question, 10);
    const hit = hits.find((h) => h.passage === passage)!;
    const words = (set: Iterable<number>) => [...set].map((c) => concepts[c]!.words.join(' ')).sort();
    const { text, title } = passages[passage]!;
    return { held: words(heldConcepts(hit, concepts, text, title, index.analyzer)), counted: words(hit.matchedConcepts) };
  };

  it.each([
    // one «الولايات المتحدة» in the paragraph is the country, not the states too
    ['ما أكبر الولايات في الولايات المتحدة؟', 0, ['الولايات المتحده'], ['الولايات', 'الولايات المتحده']],
    ['ما أَكْبَرُ الوِلاياتِ في الوِلاياتِ المُتَّحِدَةِ؟', 0, ['الولايات المتحده'], ['الولايات', 'الولايات المتحده']],
    // another spelling of the name takes its words just the same
    ['ما أكبر الولايات في أمريكا؟', 1, ['امريكا'], ['الولايات', 'امريكا']],
    // words the name does not take are held as the index counts them
    ['من قاد التحالف ضد التنظيم في سوريا والعراق؟', 0, ['التحالف', 'التنظيم', 'ضد', 'سوريا', 'والعراق'], null],
    // the headline is indexed with its paragraphs: a word only there is held
    ['ماذا تعهد تيلرسون للكويت؟', 2, ['تعهد', 'تيلرسون', 'للكويت'], null],
  ])('%s (passage %i) holds %j', (question, passage, held, counted) => {
    const reading = read(question, passage);
    expect(reading.held).toEqual([...held].sort());
    expect(reading.counted).toEqual([...(counted ?? held)].sort());
  });
});

describe('heldConcepts, with the names a corpus lists', () => {
  // sentences of the bundled corpus; synonyms.txt lists «حلف شمال الأطلسي», «شمال شرق سوريا» and «سوريا»
  const NATO = 'كما رحب البيان بقرار اتخذه وزراء حلف شمال الأطلسي (ناتو) في أبريل الماضي بشأن دور بعثة الحلف في العراق';
  const NORTHEAST = 'وعبر عن القلق الشديد بخصوص أوضاع عناصر داعش وأفراد عائلاتهم في شمال شرق سوريا';
  const passages = [{ text: NATO }, { text: NORTHEAST }];
  const groups = [
    ['حلف شمال الأطلسي', 'ناتو', 'NATO'],
    ['شمال شرق سوريا', 'northeast Syria'],
    ['سوريا', 'سورية', 'Syria'],
  ];
  const index = PassageIndex.build(passages, { synonyms: groups });
  const names = new SynonymTable(groups, index.analyzer);
  const held = (question: string, passage: number) => {
    const { hits, concepts } = index.search(question, 10);
    const hit = hits.find((h) => h.passage === passage)!;
    return [...heldConcepts(hit, concepts, passages[passage]!.text, undefined, index.analyzer, names)]
      .map((c) => concepts[c]!.words.join(' '))
      .sort();
  };

  it.each([
    // the «شمال» of the alliance's name is no north
    ['ما الدولة التي تحد العراق من الشمال؟', 0, ['العراق']],
    // the name held whole, through its own words or another of its names
    ['ماذا قرر حلف شمال الأطلسي بشأن العراق؟', 0, ['العراق', 'حلف شمال الاطلسي']],
    ['ماذا قرر الناتو بشأن العراق؟', 0, ['العراق', 'الناتو']],
    // a word of the name that is a name of its own keeps its sense: north-east Syria is in Syria
    ['ماذا قال البيان عن عائلات داعش في سوريا؟', 1, ['داعش', 'سوريا', 'عايلات']],
    ['ما الدولة التي تحد سوريا شمالا؟', 1, ['سوريا']],
  ])('%s (passage %i) holds %j', (question, passage, words) => {
    expect(held(question, passage)).toEqual(words);
  });
});

describe('holdsQuestion', () => {
  // concepts as the bundled corpus weighs them: «الدول» is in most paragraphs, «الشرق الأوسط» is a name
  const concept = (words: string[], idf: number, known = true): ConceptSummary => ({
    words,
    idf,
    known,
    constraint: false,
    absent: !known,
    mass: idf,
  });
  const OLDEST = concept(['اقدم'], 3.86, false);
  const STATE = concept(['دوله'], 0.32);
  const MIDDLE_EAST = concept(['الشرق', 'الاوسط'], 6.62);
  const HOSTED = concept(['استضافت'], 3.86);
  const needs = (over: Partial<HoldNeeds> = {}): HoldNeeds => ({
    floor: 0.3,
    wordsNeeded: 2,
    conceptsNeeded: 2,
    leftOut: new Set(),
    ...over,
  });

  it.each([
    ['one word that tells passages apart and one every paragraph has', [OLDEST, STATE, MIDDLE_EAST], [1, 2], needs(), false],
    ['two words that tell passages apart', [OLDEST, STATE, MIDDLE_EAST, HOSTED], [2, 3], needs(), true],
    ['a question with one such word: the common one completes it', [STATE, MIDDLE_EAST], [0, 1], needs(), true],
    ['too little of the weight', [OLDEST, STATE, MIDDLE_EAST, HOSTED], [1, 3], needs(), false],
    ['too few concepts', [OLDEST, STATE, MIDDLE_EAST], [2], needs({ wordsNeeded: 1, conceptsNeeded: 2 }), false],
    [
      'a left-out word counts toward the words, not the weight',
      [OLDEST, MIDDLE_EAST, HOSTED],
      [1, 2],
      needs({ leftOut: new Set([0]) }),
      true,
    ],
  ])('%s', (_, concepts, held, given, expected) => {
    expect(holdsQuestion(new Set(held), concepts, given)).toBe(expected);
  });
});

describe('the passage cited first holds the question (bundled corpus)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = (await loadKnowledgeBase(BUNDLED_CORPUS)).kb;
  });
  /** Whether any leading candidate answers by the index's count, and whether one still does read word by word. */
  const leads = (question: string) => {
    const { hits, concepts } = kb.index.search(question, CANDIDATES);
    const needed = evidenceNeeded(kb, question, concepts, false, DEFAULT_ANSWER_OPTIONS)!;
    const answering = hits.slice(0, 5).filter((h) => needed.answers(h, kb.passages[h.passage]!.article.id));
    return { counted: answering.length > 0, held: answering.some((h) => needed.holds(h)) };
  };

  it.each([
    // «الدول» is in most paragraphs: a paragraph on the Middle East answers neither
    ['ما هي أقدم دولة في الشرق الأوسط؟', false],
    ['مَا هِيَ أَقْدَمُ دَوْلَةٍ فِي الشَّرْقِ الأَوْسَطِ؟', false],
    // «اجتماع» is in half of them, and tells the meetings' paragraphs apart
    ['من ترأس اجتماع واشنطن؟', true],
    ['متى عقد اجتماع التحالف الدولي في الكويت؟', true],
  ])('%s → answered: %s', (question, answered) => {
    expect(leads(question)).toEqual({ counted: true, held: answered });
    expect(answerQuestion(kb, question).status).toBe(answered ? 'answered' : 'not_found');
  });
});
