import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/search/vocabulary.js';
import {
  derivedPerfectOfImperfect,
  familyKey,
  perfectVerbBases,
  seventhFormBase,
  verbalNounPartners,
  verbalNounsOfStem,
  verbStems,
  WordFamilies,
  weakRootKey,
} from '../../src/search/word-families.js';
import { createAnalyzer } from '../../src/text/index.js';

describe('familyKey', () => {
  it.each([
    ['تشخيص', 'شخص'], // verbal noun
    ['يشخص', 'شخص'], // imperfect verb
    ['اكتشاف', 'كتشف'],
    ['يكتشف', 'كتشف'],
    ['مكتشف', 'كتشف'], // participle
    ['استخدام', 'خدم'], // tenth form
    ['تمرير', 'مرر'],
    ['سياس', undefined], // two letters would be left: no family
    ['ضغط', 'ضغط'],
    ['vote', undefined], // not Arabic
  ])('%s → %s', (stem, key) => {
    expect(familyKey(stem)).toBe(key);
  });
});

describe('weakRootKey', () => {
  const analyzer = createAnalyzer();
  const keyOf = (raw: string) => weakRootKey(analyzer.terms(raw)[0]!);
  // words of the bundled corpus, as typed, with and without diacritics: one root's forms share a key
  it.each([
    ['وترأس', 'ر*س'], // 003 ¶2: «وترأس وزير الخارجية عبدالله اليحيا وفد الكويت»
    ['برئاسة', 'ر*س'], // 004: «الحكومة العراقية الجديدة برئاسة مصطفى الكاظمي»
    ['ورئاسة', 'ر*س'], // 002: «ورئاسة خمس جمعيات»
    ['الرئيس', 'ر*س'],
    ['رئيسُ', 'ر*س'],
    ['يترأس', 'ر*س'],
    ['رؤساء', 'ر*س'],
    ['رأسها', 'ر*س'], // 001: «على رأسها سبل دعم»: the same root
    ['سؤال', 'س*ل'], // 001: «وردا على سؤال حول آليات التحالف»
    ['يتساءل', 'س*ل'],
    ['مسألة', 'س*ل'],
    ['يبدأ', 'بد'], // 000: «الذي بدأ الاثنين»; the stemmer drops the final seat
    ['بداية', 'بد'],
    ['مبدئي', 'بد'],
    ['مُهَنِّئاً', 'هن'],
    ['تهنئة', 'هن'],
    ['زيارة', 'ز*ر'], // a hollow root: the same folding of a weak letter
    ['يزور', 'ز*ر'],
    ['التحالف', undefined], // three strong letters: familyKey groups it
    ['اجتماع', undefined],
  ])('%s → %s', (raw, key) => {
    expect(keyOf(raw)).toBe(key);
  });

  it('keeps apart roots whose weak letter stands elsewhere', () => {
    expect(keyOf('رسالة')).not.toBe(keyOf('رئاسة')); // ر-س-ل: three strong letters
    expect(keyOf('البدو')).toBe('بد'); // a crude key: a final weak letter is not told from a final hamza
  });
});

describe('WordFamilies', () => {
  const vocabulary = new Vocabulary();
  const ids = ['تشخيص', 'يشخص', 'شخص', 'تشخيصات', 'ضغط'].map((term) => vocabulary.intern(term));
  vocabulary.countPassage([ids[0]!, ids[2]!]);
  vocabulary.countPassage([ids[2]!]);
  vocabulary.countPassage([ids[1]!, ids[2]!]);
  vocabulary.countPassage([ids[1]!]);
  const families = new WordFamilies(vocabulary);

  it('gives the other forms of the family, the most common first, never the word itself', () => {
    // "تشخيصات" keeps its plural ending in the key ("شخصت"): stems have none, so only a stem's relatives are found
    expect(families.of('تشخيص')).toEqual(['شخص', 'يشخص']);
    expect(families.of('تشخيص', 1)).toEqual(['شخص']);
  });

  it('works for a form the index does not hold', () => {
    expect(families.of('بشخص')).toEqual([]); // not a derivation prefix: another key
    expect(families.of('مشخص')).toEqual(['شخص', 'يشخص', 'تشخيص']);
  });

  it('gives nothing for a word without relatives', () => {
    expect(families.of('ضغط')).toEqual([]);
  });
});

describe('verbalNounPartners', () => {
  it.each([
    ['اجتمع', ['اجتماع']], // eighth form, as a question asks it («متى اجتمع التحالف»)
    ['اجتماع', ['اجتمع']], // and back
    ['انسحب', ['انسحاب']], // seventh
    ['استخدم', ['استخدام']], // tenth
    ['استخدام', ['استخدم']],
    ['اكبر', []], // an elative, not a fourth-form verb
    ['الارض', []], // a noun with its article («الاراضي» is no verbal noun of it)
    ['تحالف', []], // no leading alif
    ['meet', []],
  ])('%s → %j', (word, partners) => {
    expect(verbalNounPartners(word)).toEqual(partners);
  });
});

describe('derivedPerfectOfImperfect', () => {
  it.each([
    ['يجتمع', ['اجتمع']], // eighth form: «ت» after the first radical
    ['يجتمعون', ['اجتمع']],
    ['بيجتمعوا', ['اجتمع']], // dialect «ب» of the present
    ['ينسحب', ['انسحب']], // seventh
    ['يستخدمون', ['استخدم']], // tenth
    ['يحضر', []], // first form: its verbal nouns come from verbStems
    ['يتحدث', []], // fifth form («تحدّث»): the imperfect's stem is the perfect
    ['اجتمع', []], // a perfect already
    ['meet', []],
  ])('%s → %j', (word, perfects) => {
    expect(derivedPerfectOfImperfect(word)).toEqual(perfects);
  });
});

describe('perfectVerbBases', () => {
  it.each([
    ['تعهدت', ['تعهد']], // she / it pledged
    ['شاركت', ['شارك']],
    ['بدانا', ['بدا']], // we began (hamza folded)
    ['شاركتم', ['شارك']], // you (plural) took part
    ['بيت', []], // too short to be a suffixed verb
    ['الكويت', []], // a noun with its article
    ['اجتماع', []],
  ])('%s → %j', (word, bases) => {
    expect(perfectVerbBases(word)).toEqual(bases);
  });
});

describe('verbStems', () => {
  it.each([
    ['حضرت', ['حضر']], // perfect, she attended
    ['حضروا', ['حضر']], // perfect, they attended
    ['يحضر', ['حضر']], // imperfect
    ['يحضرون', ['حضر']],
    ['بيحضر', ['حضر']], // the dialects' present
    ['سيحضر', ['حضر']], // the future
    ['يشارك', ['شارك']], // third form
    ['شاركت', ['شارك']],
    ['الكويت', []], // a noun with its article
    ['حضر', []], // the stem itself is tried as typed
  ])('%s → %j', (word, stems) => {
    expect(verbStems(word)).toEqual(stems);
  });
});

describe('verbalNounsOfStem', () => {
  it.each([
    ['حضر', ['حضور', 'حضار', 'حضاره', 'تحضير', 'احضار']], // فعول (حضور), فعال, فعالة, تفعيل, إفعال
    ['شارك', ['مشاركه']], // third form: مفاعلة
    ['زور', ['زياره']], // a hollow root («يزور»): فعالة with «ي»
    ['قاد', ['قياده']],
    ['وجد', []], // a weak first radical: its verbal nouns follow other patterns («وجود»; «توجد» found it for «أين توجد…»)
    ['سمي', []],
    ['اعلن', []], // four letters, not of the third form
    ['حضور', []],
  ])('%s → %j', (stem, nouns) => {
    expect(verbalNounsOfStem(stem)).toEqual(nouns);
  });
});

describe('seventhFormBase', () => {
  it.each([
    ['انعقد', ['عقد']], // the meeting was held; the article: «عقد الوزراء اجتماعا»
    ['انسحب', ['سحب']],
    ['انتقل', []], // eighth form of «نقل»
    ['انواع', []], // «أنواع», a plural of the pattern أفعال once hamza is folded
    ['انسان', []],
    ['انعقاد', []], // a verbal noun: six letters
    ['الكويت', []],
    ['اجتمع', []],
  ])('%s → %j', (word, base) => {
    expect(seventhFormBase(word)).toEqual(base);
  });
});

describe('WordFamilies.ofWeakRoot', () => {
  const vocabulary = new Vocabulary();
  const ids = ['رييس', 'رياس', 'تراس', 'رسال', 'شخص'].map((term) => vocabulary.intern(term));
  vocabulary.countPassage([ids[0]!, ids[3]!]);
  vocabulary.countPassage([ids[0]!, ids[1]!]);
  vocabulary.countPassage([ids[0]!, ids[1]!, ids[2]!]);
  const families = new WordFamilies(vocabulary);

  it('gives the forms of the hamzated root, the most common first, never the word itself', () => {
    expect(families.ofWeakRoot('تراس')).toEqual(['رييس', 'رياس']);
    expect(families.ofWeakRoot('يتراس', 1)).toEqual(['رييس']); // a form no passage holds
  });

  it('leaves the ordinary families as they were', () => {
    expect(families.of('رييس')).toEqual([]); // two letters would be left: no family key
    expect(families.ofWeakRoot('شخص')).toEqual([]);
  });
});
