import { normalizeText } from '../text/index.js';

/**
 * Content words of the spoken dialects (Levantine, Gulf, Iraqi, Egyptian,
 * Maghrebi) that news writes with another word, and the Standard Arabic
 * words it uses instead. Verbs are given by their stems, perfect and
 * imperfect («حكى» / «يحكي»): the dialects' prefixes are taken off before
 * looking up (see dialectStems). Function words of the dialects («شو»,
 * «هلق», «صار») are stop words instead (src/text/stopwords.ts).
 *
 * General, not of any corpus: a word here reaches the articles only where
 * they use the Standard word.
 */
const TABLE = `
خلص = انتهى انتهاء نهاية تنتهي ينتهي
حكى حكي حكا = قال تحدث صرح
اجا اجى اجو اجت جا جي جت = جاء زار زيارة وصل
شاف شوف = رأى شاهد
عطى عطي اعطى = أعطى قدم تقديم منح
جاب جيب = أحضر جلب
حط = وضع
سوى سوي سوا = فعل قام
بدو بدي بدها بدهم بدنا بدك = يريد أراد يسعى
اتكلم تكلم = تحدث
الجاي الجايه جاي جايه = المقبل القادم المقبلة القادمة
الفايت الفايته = الماضي الماضية
امبارح مبارح البارحه = أمس
بكرا بكره = غدا
مصاري فلوس مصريات = أموال مال تمويل
شغل = عمل
الريس = الرئيس
الامريكان امريكان = الأمريكيين الأمريكي الأميركي أمريكا أميركا
زلمه = رجل
ولاد = أولاد أطفال
البوليس = الشرطة
تلاته تلات = ثلاثة ثلاث
تلاتين = ثلاثين
اتنين تنين = اثنين اثنان
تمانيه = ثمانية
`;

function parse(table: string): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const line of table.split('\n')) {
    const [dialect, standard] = line.split('=').map((side) => side.trim().split(/\s+/).filter(Boolean));
    if (!dialect?.length || !standard?.length) continue;
    for (const word of dialect) words.set(normalizeText(word), standard);
  }
  return words;
}

const WORDS = parse(TABLE);

/**
 * What a dialect verb may be prefixed with: the present's «ب» / «ع» / «عم»,
 * the future's «رح» fused, «ه» / «ح» (Egyptian), and the person prefix.
 */
const DIALECT_VERB_PREFIX = /^(?:عم|رح|[بعهح])?[يتنا]?/;

/** The word, and what is left of it without a dialect verb's prefixes («بيحكي» → «حكي», «هتخلص» → «خلص»), two letters at least («بيجي» → «جي»). */
export function dialectStems(word: string): string[] {
  const stems = [word];
  const prefix = DIALECT_VERB_PREFIX.exec(word)?.[0] ?? '';
  if (prefix && word.length - prefix.length >= 2) stems.push(word.slice(prefix.length));
  // an imperfect of the plural: «بيحكوا», «يحكو»
  for (const stem of [...stems]) if (stem.length >= 4 && /(?:وا|و)$/.test(stem)) stems.push(stem.replace(/(?:وا|و)$/, ''));
  return stems;
}

/**
 * The Standard Arabic words news uses for a dialect word of a question, as
 * typed or once its verb prefixes are off («هتخلص» → «انتهى»، «نهاية»…);
 * none for a word that is not in the table.
 */
export function standardWordsFor(word: string): readonly string[] {
  const norm = normalizeText(word);
  for (const stem of dialectStems(norm)) {
    const standard = WORDS.get(stem);
    if (standard) return standard;
  }
  return [];
}
