/**
 * What normalization forgets about a word typed with a hamza. Folding every
 * seat to a plain letter (normalize.ts) is right for matching how people
 * type, but the raw word still tells two things apart: a hamza inside a word
 * marks a root whose forms the folding scatters («رئيس» → «رييس», «برئاسة» →
 * «برياسه», «ترأس» → «تراس»), and a word typed with a hamza where the function
 * word it folds into has none is not that function word («هنأ», congratulated,
 * is not «هنا», here; «بدأ» is not «ب» + «دا»; «فئة» is not «فيه»).
 */

/** Tashkeel, Quranic marks, the superscript alef and tatweel (as normalize.ts drops them). */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const HAMZA = /[أإآؤئء]/;
/** A fused particle or the article before a word-initial hamza on alef («وأن», «بأي», «الأمن», «للأمم»). */
const CLITIC_BEFORE_ALEF_HAMZA = /^(?:[وفبكل]?ال|لل|[وفبكل])(?=[أإآ])/;

/** The word with marks dropped and a word-initial hamza on alef (after a fused particle too) written as bare alef: people type it either way. */
export function hamzaSpelling(raw: string): string {
  const word = raw.replace(MARKS, '').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
  const clitic = CLITIC_BEFORE_ALEF_HAMZA.exec(word)?.[0] ?? '';
  return `${clitic}${word.slice(clitic.length).replace(/^[أإآ]/, 'ا')}`;
}

/**
 * Whether the raw word has a hamza past its first letter (particles and
 * article aside): «رئيس», «ترأس», «سؤال», «هنأ», «تساءل»; not «أعلن», «وأكد»,
 * «الأمن», whose initial hamza folding keeps in every form.
 */
export function typedWithInnerHamza(raw: string): boolean {
  return HAMZA.test(hamzaSpelling(raw));
}
