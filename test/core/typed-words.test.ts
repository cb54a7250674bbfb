import { describe, expect, it } from 'vitest';
import { typedWords, writtenMatches } from '../../src/core/typed-words.js';
import { createAnalyzer } from '../../src/text/index.js';

const analyzer = createAnalyzer();
const none = () => false;
const matches = (question: string, text: string) => writtenMatches(typedWords(question, analyzer, 'ar', none), text);

// sentences of the bundled corpus
const DONORS = 'وشارك في أشغال هذه الندوة ممثلين عن عدد من الدول المانحة، والمنظمات الدولية والإقليمية';
const ARAB_LEAGUE = 'وقال نائب رئيس بعثة جامعة الدول العربية في واشنطن الوزير المفوض خالد حسني';
const PLEDGE = 'وذكر تريسلون الذي تعهد بتقديم 200 مليون دولار';
const FINANCE = 'وأعلنت الكويت تقديم ملياري دولار لإعادة إعمار العراق على شكل قروض واستثمارات';

describe('writtenMatches', () => {
  it.each([
    // the word as written, with or without the article or a fused particle
    ['من شارك في الندوة؟', DONORS, 2],
    ['كم تعهد تريسلون؟', PLEDGE, 2],
    ['ماذا قال نائب رئيس البعثة؟', ARAB_LEAGUE, 4],
    // diacritics and hamza forms are normalized away
    ['مَنْ هُمُ المانِحون؟', DONORS, 1],
    ['ما هي الأشغال؟', DONORS, 1],
    // Arabic-Indic digits are the same number
    ['من تعهد بتقديم ٢٠٠ مليون؟', PLEDGE, 4],
    // inflection of gender and number is the same word
    ['من هم المانحون؟', DONORS, 1],
    ['ما هي الدولة المانحة؟', DONORS, 2],
    // a derivation is another word, however the stemmer groups it
    ['من هم العرب؟', ARAB_LEAGUE, 0],
    ['ما هو المال؟', FINANCE, 0],
    ['من يقرض الكويت؟', FINANCE, 1],
  ])('%s in «%s» → %d', (question, text, expected) => {
    expect(matches(question, text)).toBe(expected);
  });

  it('leaves out the words it is told to (a year no passage can confirm)', () => {
    expect(typedWords('وين انعقد اجتماع التحالف سنة ٢٠٢٤؟', analyzer, 'ar', none, new Set(['2024'])).flat()).not.toContain('2024');
    expect(typedWords('وين انعقد اجتماع التحالف سنة ٢٠٢٤؟', analyzer, 'ar', none).flat()).toContain('2024');
  });

  it('leaves out stop words and question words', () => {
    expect(typedWords('من هو الذي قال ماذا؟', analyzer, 'ar', none).flat()).toEqual(['قال']);
  });

  it('leaves out words in a script the corpus does not write in (a name crosses by sound, not as written)', () => {
    expect(typedWords('من هو Tillerson؟', analyzer, 'ar', none)).toEqual([]);
    // unless the corpus has it
    expect(typedWords('من هو Tillerson؟', analyzer, 'ar', (term) => term === 'tillerson')).toHaveLength(1);
    // قال, ٢٠٠ (Arabic-Indic digits are digits in any script), مليون
    expect(typedWords('ماذا قال Tillerson عن ٢٠٠ مليون؟', analyzer, 'ar', none)).toHaveLength(3);
    expect(typedWords('What did Tillerson pledge?', analyzer, 'en', none).map((forms) => forms[0])).toEqual(['tillerson', 'pledge']);
  });
});
