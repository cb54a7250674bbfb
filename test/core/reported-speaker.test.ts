import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/core/load.js';
import { openingSpeech, reportedSpeaker, speakerText } from '../../src/core/reported-speaker.js';
import { normalizeText, splitWords } from '../../src/text/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

const words = (text: string) => splitWords(normalizeText(text));

describe('openingSpeech', () => {
  it.each([
    ['a verb of saying and its speaker', 'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار في افتتاح المؤتمر', 'تريسلون'],
    ['with diacritics', 'وَذَكَرَ تريسلون الَّذِي تَعَهَّدَ بِتَقْدِيمِ 200 مَلْيُون دُولار', 'تريسلون'],
    [
      'after «من جانبه،»',
      'من جانبه, قال وزير الخارجية الأمريكي ريكس تريلسون في المؤتمر ذاته إن "التحالف حقق نجحا كبيرا"',
      'وزير الخارجية الأمريكي ريكس تريلسون',
    ],
    ['a feminine verb', 'وأكدت الوزارة أن الاجتماع يعقد غدا', 'الوزارة'],
    ['up to the comma', 'وأضاف صباح الخالد، خلال مؤتمر صحفي في ختام الاجتماع، أن اجتماع التحالف', 'صباح الخالد'],
    ['up to a preposition', 'أكد وزراء خارجية دول التحالف الدولي ضد ما يسمى بتنظيم داعش', 'وزراء خارجية دول التحالف الدولي'],
    ["up to the verb's object with a pronoun", 'كما أكد الوزراء عزمهم عقد اجتماع وزاري لجميع أعضاء التحالف', 'الوزراء'],
  ])('names the speaker: %s', (_what, text, speaker) => {
    expect(openingSpeech(text)).toEqual({ speaker: words(speaker) });
  });

  it('ends the speaker at a preposition fused to a word the corpus has, not at a name that begins like one', () => {
    const known = (word: string) => ['تشكيل', 'قرار'].includes(word);
    expect(openingSpeech('كما رحب البيان بتشكيل الحكومة العراقية الجديدة', known)).toEqual({ speaker: ['البيان'] });
    expect(openingSpeech('وقال وزير الخارجية مايك بومبيو إن التحالف باق', known)).toEqual({ speaker: words('وزير الخارجية مايك بومبيو') });
  });

  it.each([
    ['«أن» right after the verb', 'واعتبر أن داعش ظهر نتيجة ظروف معينة في سوريا والعراق'],
    ['«إلى أن»', 'ولفت الى ان التحالف الدولي حقق نجاحا كبيرا ولكن الحرب لم تنته'],
    ['a quotation right after the verb', 'وتابع «وضعنا رؤية للوضع المستقبلي للتحالف بعد دحر داعش»'],
    ['«على…»', 'وشدد على مواصلة "التعاون الوثيق مع حكومة العراق"'],
    ['hamza written or not', 'واوضح ان تلك المجالات تشمل مواصلة مكافحة تمويل تنظيم داعش'],
    ['the topic first, then the verb', 'وعن المساعدة التي ستقدمها الولايات المتحدة للعراق، قال «ناقشنا تحقيق الاستقرار»'],
    ['the topic first, no comma', 'وعن الوضع الحالي في سورية قال ان «اميركا وقوات التحالف تسيطر على 30 في المئة»'],
  ])('goes on with the speaker named before: %s', (_what, text) => {
    expect(openingSpeech(text)).toEqual({ continues: true });
  });

  it.each([
    ['no verb of saying first', 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت'],
    ['a verb of saying further in', 'وبخصوص معتقلي (داعش) أكد البيان التزام أعضاء التحالف'],
    ['a headline', 'تيلرسون:'],
  ])('neither: %s', (_what, text) => {
    expect(openingSpeech(text)).toBeUndefined();
  });
});

describe('speakerText', () => {
  it('gives the speaker as the paragraph writes them, hamza and diacritics kept', () => {
    const text = 'من جانبه, قال وزيرُ الخارجية الأمريكي ريكس تريلسون في المؤتمر ذاته';
    expect(speakerText(text, words('وزير الخارجية الامريكي ريكس تريلسون'))).toBe('وزيرُ الخارجية الأمريكي ريكس تريلسون');
    expect(speakerText(text, ['غائب'])).toBe('غائب');
  });
});

describe('a paragraph that goes on with a speaker named before', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await loadKnowledgeBase(BUNDLED_CORPUS));
  });
  const passageOf = (start: string) => kb.passages.findIndex((p) => p.paragraph.text.startsWith(start));

  it('takes its speaker from the paragraph that names them, across paragraphs that go on too', () => {
    expect(reportedSpeaker(kb.passages, passageOf('واعتبر أن داعش ظهر'))).toEqual({
      passage: passageOf('وذكر تريسلون'),
      words: ['تريسلون'],
    });
    // «وأوضح… وأضاف… وذكر أن…»: three paragraphs after «وأضاف حسني أن…»
    expect(reportedSpeaker(kb.passages, passageOf('وذكر أن المجتمعين'))?.words).toEqual(['حسني']);
    expect(reportedSpeaker(kb.passages, passageOf('وذكر تريسلون'))).toBeUndefined();
  });

  it('leads with it for a question naming that speaker', () => {
    // the paragraph that names him says «قال… إن التحالف حقق نجحا كبيرا», not why
    const answer = answerQuestion(kb, 'لماذا قال تيلرسون إن داعش ظهر؟');
    expect(answer.status).toBe('answered');
    expect(answer.passages[0]!.text).toMatch(/^واعتبر أن داعش ظهر/);
  });

  it.each([
    ['ماذا قال صباح الخالد عن مجلس الأمن؟', /^و[أا]كد [أا]ن دول التحالف مستمرة/],
    ['شو قال تيلرسون عن الحرب؟', /الحرب لم تنته/],
    // «وعن المساعدة… للعراق، قال «ناقشنا…»»: the topic before the verb
    ['شو قال تيلرسون عن العراق؟', /^وعن المساعدة التي ستقدمها الولايات المتحدة للعراق/],
  ])('ranks it by the speaker too: %s', (question, lead) => {
    const answer = answerQuestion(kb, question);
    expect(answer.passages[0]!.text).toMatch(lead);
    expect(answer.passages[0]!.speaker).toBeDefined();
  });
});
