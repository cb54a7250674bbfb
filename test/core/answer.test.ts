import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answerQuestion, DEFAULT_ANSWER_OPTIONS } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
});

const ask = (question: unknown): Answer => answerQuestion(kb, question);

describe('answerQuestion', () => {
  it('quotes passages verbatim with their citation, best sentence and matched words', () => {
    const answer = ask('كم تعهد وزير الخارجية الأمريكي بتقديمه في مؤتمر الكويت؟');
    expect(answer.status).toBe('answered');
    const first = answer.passages[0]!;
    const article = kb.articles.find((a) => a.id === first.articleId)!;
    expect(article.paragraphs[first.paragraph - 1]!.text).toBe(first.text);
    expect(first.id).toBe(`${first.articleId}#${first.paragraph}`);
    expect(first.text.slice(first.sentenceSpan.start, first.sentenceSpan.end)).toBe(first.sentence);
    expect(first.text).toContain('200 مليون دولار');
    expect(first.sentence).toContain('200 مليون دولار');
    expect(first.date).toBe('2018-02-13');
    for (const span of first.termSpans) expect(first.terms).toContain(first.text.slice(span.start, span.end));
    expect(first.terms).toEqual(expect.arrayContaining(['تعهد', 'بتقديم']));
  });

  it('cites both outlets when they report different figures (75 and 74 countries)', () => {
    const answer = ask('كم دولة حضرت اجتماع التحالف ضد داعش في الكويت؟');
    const cited = [...answer.passages, ...answer.more].map((p) => p.articleId);
    expect(answer.status).toBe('answered');
    expect(new Set(answer.passages.map((p) => p.articleId)).size).toBeGreaterThan(1);
    expect(cited).toEqual(expect.arrayContaining(['002_83dec01cb59a7f27']));
  });

  it.each([
    [
      'a seventh-form verb the articles put in the first form, and a year only an undated article may be about',
      'وين انعقد اجتماع التحالف في ٢٠٢٤؟',
      '003_dbecf9ef6e395945',
    ],
    ['the seventh form, asking when', 'متى انعقد مؤتمر الكويت؟', '000_ef08b0032887354d'],
  ])('answers with %s', (_what, question, article) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.articleId).toBe(article);
  });

  it.each([
    ['a city no article mentions', 'ماذا قرر اجتماع التحالف الذي عقد في مدريد؟'],
    ['a year no article mentions', 'متى اجتمع التحالف سنة 2016؟'],
    ['an unrelated subject', 'ما هي عاصمة اليابان وكم عدد سكانها؟'],
    ['one shared word', 'ما هي أفضل طريقة لطهي الأرز مع التحالف؟'],
  ])('says nothing relevant was found for %s', (_what, question) => {
    const answer = ask(question);
    expect(answer.status).toBe('not_found');
    expect(answer.passages).toEqual([]);
  });

  it.each([
    ['an attribute no article gives (area)', 'ما هي مساحة الولايات المتحدة الأمريكية؟'],
    ['an attribute no article gives (population count)', 'ماهو تعداد سكان العراق؟'],
    ['mostly words no article uses', 'متى انطلقت بطولة كأس العالم لكرة القدم للسيدات في فرنسا؟'],
    ['a year every article rules out by its date or text', 'وين صار اجتماع التحالف سنة 2022؟'],
    ['a year outside the years the corpus names, for an undated article naming none', 'ماذا قال وزير الخارجية عن التحالف في 2005؟'],
  ])('stays silent on %s', (_what, question) => {
    expect(ask(question)).toMatchObject({ status: 'not_found', passages: [] });
  });

  it('stays silent when a passage shares no word of the question as written, only its relatives', () => {
    // «العرب» matches «العربية» through the stemmer: the topic, not an answer
    const question = 'من هم العرب؟';
    expect(answerQuestion(kb, question, { ...DEFAULT_ANSWER_OPTIONS, minWrittenShare: 0 }).status).toBe('answered');
    expect(ask(question)).toMatchObject({ status: 'not_found', passages: [] });
    // inflection is the same word: «المانحون» is written «المانحة» in the passage
    expect(ask('من هم المانحون؟').status).toBe('answered');
    // a name in Latin letters is never written so in an Arabic article: it crosses by sound
    expect(ask('من هو Tillerson؟').status).toBe('answered');
  });

  it('answers a question asking for a name although no article uses the word "name" (ما اسم…)', () => {
    // "اسم" names the category of what is asked: it is neither an attribute the corpus lacks nor weight a passage must match
    const answer = ask('ما اسم وزير الخارجية الكويتي؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('عبدالله اليحيا');
  });

  it.each([
    ['took', 'Who took part in the Gulf American summit in May according to Tillerson?', 'القمة الخليجية'],
    ['mentioned', 'Which two countries were mentioned as places liberated from Daesh by the coalition?', 'العراق وسورية'],
    ['used', 'What did the minister say the coalition used to weaken Daesh financially?', 'مالياً'],
    [
      'known',
      'Which Kuwaiti minister was known to have chaired the delegation at the ministerial meeting in Washington?',
      'عبدالله اليحيا',
    ],
  ])('answers an English question although the passage lacks its generic word "%s"', (_word, question, expected) => {
    // words that say how a question is asked, not what about, are not weight a translated passage must match
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.passages.some((p) => p.text.includes(expected))).toBe(true);
  });

  it.each([
    // "according" is left out; the passage matches it only through a WordNet synonym's weak «تنسيق»
    ['according', 'What is the current situation in Syria according to Tillerson?', 'الوضع الحالي في سورية'],
  ])('takes from the passage only what it earned for a left-out word matched weakly ("%s")', (_word, question, expected) => {
    // subtracting the word's whole weight left the paragraph that answers below the floor
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain(expected);
  });

  it.each([['What part did countries take?'], ['What do ministers usually say?'], ['What did Washington use?']])(
    'keeps the generic words of a short English question, which a passage would otherwise match by chance: %s',
    (question) => {
      expect(ask(question)).toMatchObject({ status: 'not_found', passages: [] });
    },
  );

  it('does not refuse a year an undated article may be about, and cites only such articles', () => {
    // the Washington article has no date and names September 2025 as an end date: it may be from 2024
    const answer = ask('من ترأس اجتماع واشنطن في 2024؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages.map((p) => p.articleId)).toContain('003_dbecf9ef6e395945');
    expect(answer.passages.some((p) => p.text.includes('وترأس'))).toBe(true);
    for (const p of [...answer.passages, ...answer.more]) expect(p.date ?? '2024').toBe('2024');
  });

  it.each([['كم عدد الدول التي شاركت في اجتماع التحالف ضد داعش بالكويت؟'], ['كم دولة شاركت في اجتماع التحالف؟']])(
    "cites each outlet's count (75 and 74) before a second paragraph of one: %s",
    (question) => {
      // the paragraph that counts countries («74 دولة») leads; the other outlets' «75 دولة» / «75 جهة ومنظمة» follow
      const [first, second] = ask(question).passages;
      expect(first!.articleId).toBe('002_83dec01cb59a7f27');
      expect(first!.text).toContain('74 دولة');
      expect(second!.articleId).not.toBe(first!.articleId);
      expect(second!.text).toMatch(/75 (?:دولة|جهة)/);
    },
  );

  it.each([
    ['an empty question', '', 'empty'],
    ['punctuation only', '?!؟', 'no_words'],
    ['5,000 characters', 'x'.repeat(5000), 'too_long'],
    ['control characters', '\u0000\u0001\u0002\u0003\u0004\u0005', 'unreadable'],
  ])('rejects %s with a reason', (_what, question, reason) => {
    const answer = ask(question);
    expect(answer).toMatchObject({ status: 'rejected', reason, passages: [] });
  });

  it.each(['When did the coalition meet in Kuwait?', 'متى عقد اجتماع التحالف الدولي في الكويت؟'])(
    'quotes only paragraphs whose own text holds a word of the question, not one matched by its headline alone: %s',
    (question) => {
      const answer = ask(question);
      expect(answer.status).toBe('answered');
      // article 001's third paragraph ("تيلرسون: - صاحب السمو يشارك في القمة…") shares only its headline's words
      for (const passage of [...answer.passages, ...answer.more]) expect(passage.terms, passage.id).not.toEqual([]);
    },
  );

  it.each([
    ['the verb of the articles’ verbal noun', 'متى اجتمع التحالف في الكويت؟'],
    ['the same, in dialect', 'ليش اجتمع التحالف بالكويت؟'],
    ['the same verb inflected', 'متى اجتمعت دول التحالف في الكويت؟'],
    ['the plural, its subject left unsaid', 'ليش اجتمعوا بالكويت؟'],
  ])('finds the meeting asked with %s («اجتمع», the articles say «اجتماع»)', (_, question) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    const lead = answer.passages[0]!;
    expect(lead.text).toMatch(/اجتماع/);
    // the meeting in Kuwait (articles 000–002), not the one in Washington or the 2020 statement
    expect(`${lead.title} ${lead.text}`).toMatch(/الكويت/);
  });

  it.each([['متى يجتمعون في ايطاليا؟'], ['متى بيجتمعوا بايطاليا؟']])(
    'finds the planned meeting asked with the imperfect of a derived verb (%s; the article says «اجتماع»)',
    (question) => {
      const answer = ask(question);
      expect(answer.status).toBe('answered');
      expect(answer.passages[0]!.text).toContain('إيطاليا');
    },
  );

  it('finds the pledge asked with a verb form no article uses («تعهدت»; the article says «تعهد»)', () => {
    const answer = ask('كم مليون دولار تعهدت امريكا؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('200 مليون دولار');
  });

  it.each([
    ['the perfect', 'كم دولة حضرت اجتماع الكويت؟'],
    ['the imperfect, in dialect', 'كم دولة بتحضر اجتماع الكويت؟'],
  ])('finds a verb no article uses through its verbal noun, asked with %s («حضر»; the article says «بحضور»)', (_, question) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.passages.map((p) => p.text).join(' ')).toContain('بحضور أكثر من 75 دولة');
  });

  it('finds a hollow verb no article uses through its verbal noun («يزور»; the article says «زيارة»)', () => {
    const answer = ask('متى يزور امير الكويت واشنطن؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('زيارة صاحب السمو الأمير');
  });

  it.each([
    ['ايمتى بتخلص مهمة التحالف بالعراق؟', 'نهاية سبتمبر 2025'], // «بتخلص»: «انتهاء»، «نهاية»
    ['شو حكا تيلرسون عن داعش؟', 'قال'], // «حكا»: «قال» (the paragraphs that go on with Tillerson's words)
    ['قديش فلوس بدها العراق لاعادة الاعمار؟', '88 مليار دولار'], // «فلوس»: «الأموال»
  ])('reads a dialect word no article uses as the Standard one news writes: %s', (question, expected) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.passages.map((p) => p.text).join(' ')).toContain(expected);
  });

  it.each([['لماذا اجتمع التحالف في الكويت؟'], ['Why did the coalition meet in Kuwait?']])(
    'leads a "why" question with a paragraph that gives a reason, not the headline every paragraph carries: %s',
    (question) => {
      const answer = ask(question);
      expect(answer.passages[0]!.text).not.toMatch(/^75 جهة ومنظمة شاركت/);
      // «…ان الاجتماع يأتي استكمالا للاجتماعات السابقة… بغية حشد الجهود الدولية»
      expect(answer.passages.map((p) => p.text).join(' ')).toContain('بغية حشد الجهود الدولية');
    },
  );

  it('reads a name typed one keystroke from a listed spelling as that name («تيلرسن»: synonyms.txt lists «تيلرسون»)', () => {
    const answer = ask('ماذا قال تيلرسن عن داعش؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages.some((p) => /ت[يل]+[لر]+س[و]?ن/.test(p.text) || p.speaker !== undefined)).toBe(true);
  });

  it('leads a "why" question with the paragraph that says what is asked, not another one giving a reason («بهدف…»)', () => {
    const answer = ask('لماذا حث تيلرسون الدول الأعضاء على عدم التراخي؟');
    expect(answer.passages[0]!.text).toContain('عدم التراخي');
  });

  it('answers what someone said about a thing the article reports with another verb («أكد البيان»), not «قال»', () => {
    const answer = ask('ماذا قال التحالف عن كورونا؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toContain('كورونا');
  });

  it('does not read a word of a listed name of several words as that word («شمال» of «حلف شمال الأطلسي»)', () => {
    for (const question of ['ما هي الدولة التي تقع شمال العراق؟', 'من يحد الكويت من الشمال؟']) {
      expect(ask(question).status, question).toBe('not_found');
    }
    // the name itself, or a word of it that is a name of its own, still answers
    expect(ask('ماذا قرر حلف الناتو بشأن العراق؟').passages[0]?.text).toContain('حلف شمال الأطلسي');
    expect(ask('ما هي أوضاع عائلات داعش في سوريا؟').passages[0]?.text).toContain('شمال شرق سوريا');
  });

  it('is silent on a figure the articles do not give, though they mention inhabitants and have numbers', () => {
    for (const question of ['What is the population of Iraq?', 'كم عدد سكان سوريا؟', 'ما هي مساحة العراق؟']) {
      expect(ask(question).status, question).toBe('not_found');
    }
  });

  it('answers a question about a stance although no article uses the word «موقف»', () => {
    const answer = ask('ما موقف التحالف من المقاتلين الأجانب؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages.some((p) => p.text.includes('المقاتلين الأجانب'))).toBe(true);
  });

  it('answers in the language of the question', () => {
    expect(ask('Who hosted the virtual meeting of the small group?').lang).toBe('en');
    expect(ask('من رعى الاجتماع الافتراضي للمجموعة المصغرة؟').lang).toBe('ar');
  });

  it('keeps further qualifying passages for "more sources"', () => {
    const answer = ask('ماذا قال تيلرسون عن داعش؟');
    expect(answer.passages).toHaveLength(3);
    expect(answer.more.length).toBeGreaterThan(0);
    const ids = [...answer.passages, ...answer.more].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('treats markup in a question as text', () => {
    const answer = ask('<b>تيلرسون</b> @everyone `200` مليون دولار');
    expect(answer.status).toBe('answered');
    expect(answer.question).toBe('<b>تيلرسون</b> @everyone `200` مليون دولار');
  });
});
