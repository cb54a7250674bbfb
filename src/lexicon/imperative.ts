/**
 * The past of an Arabic imperative, as the dictionary gives many verbs ("attend"
 * → "احضر", "betray" → "خن") while news text tells in the past ("حضر", "خان"),
 * which the Arabic pipeline then expands to the other persons and tenses: a
 * hollow verb's imperative of two consonants takes its long vowel back, a
 * form-I imperative (alif and three letters) loses its alif. Undefined for any
 * other word. Normalized text in, normalized text out.
 *
 * @example pastOfImperative('خن') // → 'خان'
 */
export function pastOfImperative(word: string): string | undefined {
  if (/^[^\sاويء]{2}$/.test(word)) return `${word[0]}ا${word[1]}`;
  if (/^ا[^\sا]\S{2}$/.test(word) && !word.startsWith('ال')) return word.slice(1);
  return undefined;
}
