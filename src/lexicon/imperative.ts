/**
 * The pasts an Arabic imperative may come from, as the dictionary gives many
 * verbs ("attend" → "احضر", "betray" → "خن", "arrive" → "صل") while news text
 * tells in the past ("حضر", "خان", "وصل"), which the Arabic pipeline then
 * expands to the other persons and tenses: an imperative of two consonants is
 * a hollow verb's, which takes its long vowel back, or a verb's whose root
 * begins with waw, which takes it back (the spelling does not say which: both
 * are given, and the one no passage uses matches nothing); a form-I imperative
 * (alif and three letters) loses its alif. None for any other word.
 * Normalized text in, normalized text out.
 *
 * @example pastsOfImperative('خن') // → ['خان', 'وخن']
 */
export function pastsOfImperative(word: string): string[] {
  if (/^[^\sاويء]{2}$/.test(word)) return [`${word[0]}ا${word[1]}`, `و${word}`];
  if (/^ا[^\sا]\S{2}$/.test(word) && !word.startsWith('ال')) return [word.slice(1)];
  return [];
}
