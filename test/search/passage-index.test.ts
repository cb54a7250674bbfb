import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { PassageIndex } from '../../src/search/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
});

/** Ids of the top passages for a question. */
const top = (question: string, k = 3) => kb.index.search(question, k).hits.map((h) => kb.passages[h.passage]!.id);

describe('PassageIndex on the bundled corpus', () => {
  it.each([
    ['the words of the article', 'تعهد بتقديم 200 مليون دولار', '000_ef08b0032887354d#11'],
    ['Arabic-Indic digits', 'تعهد بتقديم ٢٠٠ مليون دولار', '000_ef08b0032887354d#11'],
    ['diacritics', 'تَعَهَّدَ بِتَقْدِيمِ ٢٠٠ مَلْيُونِ دُولَارٍ', '000_ef08b0032887354d#11'],
    ['a prefix the article does not use', 'الوضع بعفرين', '001_a80aa5ff78102834#16'],
    ['ة written as ه and no hamza', 'القمه الخليجيه الامريكيه في مايو', '001_a80aa5ff78102834#9'],
    ['a dialect prefix', 'مخيمات النازحين عالهول وروج', '003_dbecf9ef6e395945#5'],
  ])('finds a passage from %s', (_what, question, expected) => {
    expect(top(question)).toContain(expected);
  });

  it('expands a name to the spellings the moderators listed', () => {
    // the corpus writes تريلسون, تريسلون, تيلرسون and تليرسون; the question only one of them
    const found = kb.index.search('تيلرسون', 20).hits.map((h) => kb.passages[h.passage]!.article.id);
    expect(new Set(found)).toEqual(new Set(['000_ef08b0032887354d', '001_a80aa5ff78102834', '002_83dec01cb59a7f27']));
  });

  it('answers an English question through the lexicon', () => {
    expect(top('How much money did Tillerson pledge in Kuwait?')).toContain('000_ef08b0032887354d#11');
  });

  it('splits two words typed without a space', () => {
    expect(top('تعهدبتقديم مليون دولار')).toContain('000_ef08b0032887354d#11');
  });

  it('ranks the passage holding a date first for a "when" question', () => {
    expect(top('متى تنتهي المهمة العسكرية للتحالف في العراق', 1)).toEqual(['003_dbecf9ef6e395945#9']);
  });

  it('reports coverage between 0 and 1 and the terms it matched', () => {
    const { hits } = kb.index.search('كم عدد الدول التي شاركت في اجتماع الكويت', 5);
    for (const hit of hits) {
      expect(hit.coverage).toBeGreaterThan(0);
      expect(hit.coverage).toBeLessThanOrEqual(1);
      expect(hit.matchedTerms.length).toBeGreaterThan(0);
    }
  });

  it('marks a place or number the corpus never mentions', () => {
    const { concepts } = kb.index.search('اجتماع التحالف في باريس سنة 2022');
    expect(concepts.filter((c) => c.constraint && !c.known).map((c) => c.words.join(' '))).toEqual(['باريس', '2022']);
  });

  it('finds nothing for a question of stop words only', () => {
    expect(kb.index.search('ما هو الذي في من').hits).toEqual([]);
  });
});

describe('PassageIndex.withSynonyms', () => {
  it('applies new synonym groups without re-indexing', () => {
    const index = PassageIndex.build([{ text: 'وقال الوزير إن الاجتماع ناجح' }, { text: 'صورة أخرى عن القمة' }]);
    expect(index.search('اللقاء').hits).toEqual([]);
    const taught = index.withSynonyms([['لقاء', 'اجتماع']]);
    expect(taught.search('اللقاء').hits.map((h) => h.passage)).toEqual([0]);
    expect(index.search('اللقاء').hits).toEqual([]);
  });
});

describe('PassageIndex matched terms', () => {
  it('names, for each concept matched, the terms through which the passage matches it', () => {
    const index = PassageIndex.build([{ text: 'وقال الوزير إن الاجتماع ناجح' }], { synonyms: [['لقاء', 'اجتماع']] });
    const { hits, concepts } = index.search('ماذا قال الوزير عن اللقاء؟');
    const [hit] = hits;
    const byWord = Object.fromEntries(hit!.matchedConcepts.map((c, k) => [concepts[c]!.words.join(' '), hit!.conceptTerms![k]]));
    // «وقال»: the passage's term, its «و» kept since no passage has «قال» alone; «اللقاء» through its synonym
    expect(byWord).toEqual({ قال: ['وقال'], الوزير: ['وزير'], اللقاء: ['اجتماع'] });
  });
});

describe('PassageIndex earned weight', () => {
  it.each([
    ['an Arabic question', 'كم عدد الدول التي شاركت في اجتماع الكويت'],
    ['an English one', 'What is the current situation in Syria according to Tillerson?'],
  ])('gives, for %s, the weight each matched concept earned, which adds up to the coverage', (_what, question) => {
    const { hits, concepts } = kb.index.search(question, 10);
    const total = concepts.reduce((sum, c) => sum + c.mass, 0);
    for (const hit of hits) {
      const earned = hit.conceptMass!;
      expect(earned).toHaveLength(hit.matchedConcepts.length);
      hit.matchedConcepts.forEach((c, k) => expect(earned[k]).toBeLessThanOrEqual(concepts[c]!.mass + 1e-9));
      expect(earned.reduce((a, b) => a + b, 0)).toBeCloseTo(hit.coverage * total, 6);
    }
  });

  it('gives a word matched only through a weak translation less than its weight', () => {
    // «تنسيق» (coordination) comes to "according" from a WordNet synonym
    const { hits, concepts } = kb.index.search('What is the current situation in Syria according to Tillerson?', 10);
    const according = concepts.findIndex((c) => c.words.join(' ') === 'according');
    const hit = hits.find((h) => h.matchedConcepts.includes(according))!;
    const k = hit.matchedConcepts.indexOf(according);
    expect(hit.conceptTerms![k]).toEqual(['تنسيق']);
    expect(hit.conceptMass![k]).toBeLessThan(concepts[according]!.mass / 4);
  });
});

describe('PassageIndex ranking', () => {
  it('prefers the passage with the rarer matching words (idf), not the longer one', () => {
    const index = PassageIndex.build([
      { text: 'اجتماع التحالف اجتماع التحالف اجتماع التحالف في العاصمة' },
      { text: 'اجتماع في الكويت لبحث إعادة الإعمار' },
      { text: 'اجتماع التحالف الدولي في واشنطن' },
    ]);
    expect(index.search('اجتماع الكويت').hits[0]!.passage).toBe(1);
  });

  it("gives a neighbouring paragraph of the same article a share of its neighbour's score", () => {
    const passages = [
      { text: 'عقد وزراء خارجية التحالف اجتماعا في العاصمة الأميركية واشنطن', group: 'a' },
      { text: 'وترأس الوزير وفد الكويت في الاجتماع الذي دعا إليه بلينكن', group: 'a' },
      { text: 'وعقد اجتماع آخر في روما', group: 'b' },
    ];
    const grouped = PassageIndex.build(passages);
    const ungrouped = PassageIndex.build(passages.map(({ text }) => ({ text })));
    const rank = (index: PassageIndex) => index.search('أين عقد الاجتماع الذي دعا إليه بلينكن').hits.map((h) => h.passage);
    expect(rank(grouped).indexOf(0)).toBeLessThan(rank(ungrouped).indexOf(0));
  });
});

describe('PassageIndex loose relatives', () => {
  const coverageOf = (index: PassageIndex, question: string, passage: number) =>
    index.search(question).hits.find((h) => h.passage === passage)?.coverage;

  it('lets another form of a word ("يشخص" for "تشخيص") lift a passage, without counting it as covered', () => {
    const passages = [
      { text: 'ارتفاع ضغط الدم عند الرضع نادر' },
      { text: 'يشخص ارتفاع ضغط الدم بقياسه مرات' }, // one word longer: without its relative, it loses
      { text: 'قياس الحرارة' },
      { text: 'يشخص الطبيب المرض' },
    ];
    const question = 'تشخيص ارتفاع ضغط الدم';
    const withFamilies = PassageIndex.build(passages);
    const without = PassageIndex.build(passages, { ranking: { familyWeight: 0 } });
    expect(without.search(question).hits[0]!.passage).toBe(0);
    expect(withFamilies.search(question).hits[0]!.passage).toBe(1);
    expect(coverageOf(withFamilies, question, 1)).toBeCloseTo(coverageOf(without, question, 1)!, 10);
  });

  // sentences of the bundled corpus (003 ¶2, 004, 003); the first without its verb
  it.each([
    ['رئيس', 'مين رئيس وفد الكويت في الاجتماع الوزاري؟'],
    ['رئيس, with diacritics', 'مَنْ رَئِيسُ وَفْدِ الكويتِ في الاجتماعِ الوزاريِّ؟'],
    ['رئاسة', 'رئاسة وفد الكويت في الاجتماع الوزاري'],
  ])('lets a word typed with a hamza (%s) find its root in another seat («وترأس»), without counting it as covered', (_, question) => {
    const passages = [
      { text: 'وفد الكويت المشارك في الاجتماع الوزاري الذي يأتي بدعوة من وزير الخارجية الأميركي' },
      { text: 'وترأس وزير الخارجية عبدالله اليحيا وفد الكويت المشارك في الاجتماع الوزاري' },
      { text: 'كما رحب البيان بتشكيل الحكومة العراقية الجديدة برئاسة مصطفى الكاظمي' },
      { text: 'وقال نائب رئيس بعثة جامعة الدول العربية في واشنطن' },
    ];
    const withFamilies = PassageIndex.build(passages);
    const without = PassageIndex.build(passages, { ranking: { familyWeight: 0 } });
    expect(withFamilies.search(question).hits[0]!.passage).toBe(1);
    expect(without.search(question).hits[0]!.passage).toBe(0);
    expect(coverageOf(withFamilies, question, 1)).toBeCloseTo(coverageOf(without, question, 1)!, 10);
    // typed without the hamza, nothing says the root has one: no relatives
    const bare = question.replace(/[ئ]/g, 'ي').replace(/رِيِّ/g, 'رِي');
    expect(withFamilies.search(bare).hits[0]!.passage).toBe(0);
  });

  it.each([
    ['على ماذا هنأ البيان الحكومة العراقية؟', 1],
    ['على ماذا هَنَّأَ البيانُ الحكومةَ العراقية؟', 1],
    ['ماذا قال البيان هنا عن الحكومة العراقية؟', 0], // «هنا» (here) typed as such: a function word, as before
  ])('keeps «هنأ» (congratulated) apart from «هنا» (here) in questions and passages: %s', (question, first) => {
    const passages = [
      // 004 ¶4, and the same sentence with the verb «هنأ»
      { text: 'كما رحب البيان بتشكيل الحكومة العراقية الجديدة برئاسة مصطفى الكاظمي' },
      { text: 'كما هنأ البيان الحكومة العراقية الجديدة برئاسة مصطفى الكاظمي على تشكيلها وقدم له الشكر' },
    ];
    const index = PassageIndex.build(passages);
    expect(index.search(question).hits[0]!.passage).toBe(first);
  });

  it('tries another spelling of a name only one passage has ("توجو" for "توغو")', () => {
    const passages = [
      { text: 'اللغة الرسمية الإنجليزية' },
      { text: 'اللغة الرسمية في توغو هي الفرنسية' },
      { text: 'توغو بلد في غرب أفريقيا' },
      { text: 'سافر توجو إلى المدينة' },
    ];
    const question = 'ما هي اللغة الرسمية في توجو';
    expect(PassageIndex.build(passages, { ranking: { rareNeighborWeight: 0 } }).search(question).hits[0]!.passage).toBe(0);
    expect(PassageIndex.build(passages).search(question).hits[0]!.passage).toBe(1);
  });

  it('counts a listed spelling of a name as covered, though it is also one letter from a rare spelling', () => {
    // «أميركا» is one edit from «أمريكا» and in few passages: a loose relative, unless the moderators list it
    const passages = [
      { text: 'وقال وزير الخارجية الأميركي إن الاجتماع ناجح' },
      { text: 'أمريكا بلد كبير' },
      { text: 'وصل الوفد العراقي' },
      { text: 'انتهى الاجتماع أمس' },
    ];
    const question = 'ماذا قال وزير خارجية أمريكا';
    const plain = PassageIndex.build(passages);
    const listed = PassageIndex.build(passages, { synonyms: [['أمريكا', 'أميركا']] });
    expect(coverageOf(listed, question, 0)!).toBeGreaterThan(coverageOf(plain, question, 0)! + 0.2);
    expect(listed.search(question).hits.find((h) => h.passage === 0)!.matchedConcepts).toHaveLength(4);
  });
});

describe('a word that only names the kind of answer asked', () => {
  const passages = [
    { text: 'تأسس نادي الزمالك سنة 1911 في القاهرة باسم نادي قصر النيل.' },
    { text: 'يقيم نادي الزمالك كل عام حفلا لأعضائه، وفي عام 2011 احتفل النادي بمرور قرن على تأسيسه.' },
    { text: 'يبلغ عدد أعضاء مجلس الأمن 15 عضوا، منهم خمسة دائمون.' },
    { text: 'يضم مجلس الأمن خمسة عشر عضوا تنتخب الجمعية العامة عشرة منهم.' },
    { text: 'Kuwait hosted the meeting of the coalition in the year 2018.' },
    { text: 'The coalition was founded in 2014 in Washington.' },
    { text: 'تقع القاهرة على نهر النيل وهي عاصمة مصر.' },
  ];
  const scores = (question: string, frameWordWeight: number) => {
    const index = PassageIndex.build(passages, { ranking: { frameWordWeight }, lexicon: null });
    return new Map(index.search(question, 10).hits.map((h) => [h.passage, h] as const));
  };

  it.each([
    // question, passage with the frame word, passage without it
    ['في أي عام تأسس نادي الزمالك؟', 1, 0],
    ['كم عدد أعضاء مجلس الأمن؟', 2, 3],
    ['In which year was the coalition founded?', 4, 5],
  ])('%s: weighs less where the passage has it, its share of the question stays', (question, withWord, without) => {
    const full = scores(question, 1);
    const light = scores(question, 0.5);
    expect(light.get(withWord)!.score).toBeLessThan(full.get(withWord)!.score);
    expect(light.get(withWord)!.coverage).toBeCloseTo(full.get(withWord)!.coverage, 10);
    expect(light.get(without)!.score).toBeCloseTo(full.get(without)!.score, 10);
  });
});

describe("PassageIndex: a question's verb no passage holds", () => {
  const index = PassageIndex.build([
    { text: 'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار في افتتاح المؤتمر' },
    { text: 'قدم الوزير مساعدات للمتضررين واللاجئين' },
    { text: 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق' },
  ]);
  const coveredBy = (question: string) =>
    index
      .search(question, 3)
      .hits.filter((h) => h.matchedConcepts.includes(0))
      .map((h) => h.passage);

  it.each([
    ['the perfect with an object pronoun («قدمته»: the stemmer leaves «قدمت»)', 'قدمته الولايات المتحدة؟'],
    ['the perfect', 'قدمت الولايات المتحدة؟'],
  ])('finds its uninflected perfect and verbal noun, asked with %s', (_what, question) => {
    // «قدم» as written, and «تقديم», its second form's verbal noun
    expect(coveredBy(question).sort()).toEqual([0, 1]);
  });
});

describe('PassageIndex: a name no passage holds', () => {
  const index = PassageIndex.build([
    { text: 'أعلنت الولايات المتحدة والعراق انتهاء المهمة العسكرية للتحالف في نهاية سبتمبر' },
    { text: 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق' },
  ]);

  it('is not read as a verb whose imperfect the stemmer cuts down to a word of the passages («هاواي»: «نهاواي» → «نها», as «نهاية»)', () => {
    const { hits } = index.search('اين تقع ولاية هاواي؟', 3);
    expect(hits.filter((h) => h.matchedConcepts.includes(2))).toEqual([]);
  });

  it('still finds a perfect verb through its imperfect («عقد» and «يعقد»)', () => {
    const verbs = PassageIndex.build([{ text: 'يعقد الوزراء اجتماعهم المقبل في روما' }, { text: 'وأكد البيان دعم الحكومة' }]);
    const [hit] = verbs.search('اين عقد الوزراء اجتماعهم؟', 2).hits;
    expect(hit?.passage).toBe(0);
    expect(hit?.matchedConcepts).toContain(0);
  });
});
