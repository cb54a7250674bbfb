import { describe, expect, it } from 'vitest';
import { answerTypeOf, askedAttribute, countedNoun, datesItself, evidenceFrameWords, frameWords } from '../../src/search/answer-type.js';

describe('askedAttribute', () => {
  it.each([
    ['ما هي مساحة الولايات المتحدة الأمريكية؟', 'مساحه'],
    ['ماهو تعداد سكان العراق؟', 'تعداد'],
    ['ما عاصمة اليابان؟', 'عاصمه'],
    // a share asked for: the passage gives the figure, not the word
    ['ما نسبة الأراضي التي يسيطر عليها التحالف؟', undefined],
    ['متى تم تأسيس الأمم المتحدة؟', 'تاسيس'],
    ['What is the area of Kuwait?', 'area'],
    ['How old is Tillerson?', 'age'], // the attribute named without its word
    // a category and a relative clause: the passage names an instance, not the category
    ['ما هي الوظيفة التي شغلها؟', undefined],
    ['ما هو المبلغ الذي تعهد به؟', undefined],
    // a preposition, not a construct
    ['ما هو مرادف للحمض النووي؟', undefined],
    ['ما الذي أكدته دول التحالف؟', undefined],
    ['ماذا قال تيلرسون عن العراق؟', undefined],
    ['What did Tillerson pledge?', undefined],
    // the category of what is asked: the passage gives the name or the kind without the word
    ['ما اسم وزير الخارجية الكويتي؟', undefined],
    // a stance, a reason, an aim, a role: what the passage says, seldom by that word
    ['ما موقف التحالف من المقاتلين الأجانب؟', undefined],
    ['ما سبب اجتماع التحالف في واشنطن؟', undefined],
    ['ما أهداف التحالف الدولي؟', undefined],
    ['ما دور الكويت في التحالف؟', undefined],
    ['ما هو نوع الدعم الذي قدمته الكويت؟', undefined],
    ['What is the name of the Kuwaiti foreign minister?', undefined],
  ])('%s → %s', (question, attribute) => {
    expect(askedAttribute(question)).toBe(attribute);
  });
});

describe('countedNoun', () => {
  it.each([
    ['كم عدد الدول التي شاركت؟', 'الدول'],
    ['كم دولة شاركت في اجتماع التحالف؟', 'دوله'],
    // «يبلغ» (amounts to) before «عدد»: the count is of what follows
    ['كم يبلغ عدد سكان الكويت؟', 'سكان'],
    ['كم بلغ عدد جلسات اجتماع الكويت؟', 'جلسات'],
    ['How many countries attended?', 'countries'],
    ['شكد دولة حضرت اجتماع الكويت؟', 'دوله'], // Iraqi
    ['شحال من دولة شاركت فاجتماع الكويت؟', 'دوله'], // Moroccan, with «من»
    ['كم من دولة شاركت؟', 'دوله'],
    ['متى عقد الاجتماع؟', undefined],
  ])('%s → %s', (question, noun) => {
    expect(countedNoun(question)).toBe(noun);
  });

  it.each([
    ['شوكت صار اجتماع الكويت؟', 'date'], // Iraqi "when"
    ['وقتاش تعقد القمة؟', 'date'], // Maghrebi
    ['فاين تعقد القمة الخليجية الامريكية؟', 'place'], // Moroccan "where"
    ['شكد دولة حضرت؟', 'number'],
  ])('reads the dialects’ question words: %s → %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });

  it('belongs to questions typed as numbers', () => {
    expect(answerTypeOf('كم دولة شاركت؟')).toBe('number');
  });
});

describe('frameWords', () => {
  it.each([
    ['ما اسم وزير الخارجية الكويتي؟', ['اسم']],
    ['ما هو نوع الدعم الذي قدمته الكويت؟', ['نوع']],
    ['في أي عام تأسس التحالف؟', ['عام']],
    ['في أي سنة تأسس التحالف؟', ['سنه']],
    ['ماذا يسمى التنظيم؟', ['يسمي']],
    // «لأي غرض» is «لماذا»: the passage gives the purpose, not the word
    ['لأي غرض خصصت الأموال؟', ['غرض']],
    ['What is the name of the Kuwaiti foreign minister?', ['name']],
    ['What type of support did Kuwait offer?', ['type']],
    ['In which year was the coalition founded?', ['year']],
    ['What is the group called in Arabic?', ['called']],
    // "how many": the passage gives the number, not the word «عدد»; with diacritics and hamza too
    ['كم عدد الدول المشاركة في الاجتماع؟', ['عدد']],
    ['مَا هُوَ عَدَدُ المُشَارِكِينَ؟', ['عدد']],
    ['ما عدد القوات الأمريكية في العراق؟', ['عدد']],
    ['كم عدد الدول التي حضرت الاجتماع؟', ['عدد']],
    ['ما هو عدد أعضاء مجلس الأمن؟', ['عدد']],
    // «ما سبب…» asks why: the passage gives the reason, seldom the word
    ['ما سبب ظهور داعش حسب تيلرسون؟', ['سبب']],
    ['ما هي أسباب ظهور داعش؟', ['اسباب']],
    ['شو سبب الاجتماع؟', ['سبب']],
    // the word is what is asked about, not the category of the answer
    ['ما هي مساحة الكويت؟', []],
    ['متى عقد الاجتماع في عام 2018؟', []],
    ['Who gave his name to the coalition?', []],
    ['How many countries attended?', []],
    ['لماذا ازداد عدد المقاتلين الأجانب؟', []],
    // «عدد» asked about, or a count asked without it
    ['ما هو تعداد سكان العراق؟', []],
    ['كم دولة حضرت الاجتماع؟', []],
    ['متى صدر عدد المجلة الأول؟', []],
    ['هل ذكر البيان سبب الاجتماع؟', []],
  ])('%s → %j', (question, words) => {
    expect([...frameWords(question)]).toEqual(words);
  });
});

describe('evidenceFrameWords', () => {
  it.each([
    // a share or an amount: the passage gives the figure («30 في المئة»); left out of the evidence only
    ['كم نسبة الاراضي السورية اللي بيسيطر عليها التحالف؟', ['نسبه']],
    ['ما هي نسبة البطالة في الكويت؟', ['نسبه']],
    ['ما مقدار المساعدات الأمريكية؟', ['مقدار']],
    ['ما اسم وزير الخارجية الكويتي؟', ['اسم']],
    ['هل ارتفعت نسبة البطالة؟', []],
    // what someone said about a thing: the passage reports it with any verb of saying («أكد البيان»)
    ['ماذا قال التحالف عن كورونا؟', ['قال']],
    ['ماذا قالت الكويت بشأن إعادة الإعمار؟', ['قالت']],
    ['شو حكى تيلرسون عن داعش؟', ['حكي']],
    ['ماذا قال تيلرسون؟', []], // nothing asked about: the verb is most of the question
    ['متى قال الوزير إن التحالف باق؟', []],
  ])('%s → %j', (question, words) => {
    expect([...evidenceFrameWords(question)]).toEqual(words);
  });

  it('leaves the share word and the verb of saying their full weight in the ranking (frameWords)', () => {
    expect([...frameWords('كم نسبة الاراضي السورية؟')]).toEqual([]);
    expect([...frameWords('ماذا قال التحالف عن كورونا؟')]).toEqual([]);
  });
});

describe('datesItself', () => {
  it.each([
    ['a year', 'انتهاء المهمة العسكرية للتحالف في موعد اقصاه نهاية سبتمبر 2025', true],
    ['a month', 'القمة الخليجية الأميركية التي ستعقد في شهر مايو المقبل', true],
    ['a month with a particle', 'في اجتماع عقد بمايو', true],
    ['Arabic-Indic digits', 'عقد الاجتماع عام ٢٠١٨', true],
    ['a day relative to the article', 'أعلن صباح الخالد أمس مشاركة 75 جهة', false],
    ['a weekday', 'في ختام اجتماعهم اليوم (الثلاثاء) بالكويت', false],
    ['a number that is no year', 'مشاركة 75 جهة ومنظمة', false],
  ])('%s', (_what, text, expected) => {
    expect(datesItself(text)).toBe(expected);
  });
});
