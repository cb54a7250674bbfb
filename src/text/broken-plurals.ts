/**
 * The other number of an Arabic noun whose plural is "broken" (formed inside
 * the word, not by a suffix the light stemmer strips): "مال" / "اموال",
 * "طفل" / "اطفال", "قلب" / "قلوب". Guesses from the commonest patterns, on
 * normalized stems; the caller keeps only the ones its corpus has.
 *
 * @example brokenPluralForms('مال') // → ['اموال', 'ايال']
 */
const WEAK = new Set(['ا', 'و', 'ي']);

export function brokenPluralForms(stem: string): string[] {
  const letters = [...stem];
  const out: string[] = [];
  if (letters.length === 3) {
    const [c1, c2, c3] = letters as [string, string, string];
    if (WEAK.has(c2))
      out.push(`ا${c1}وا${c3}`, `ا${c1}يا${c3}`); // أفعال of a hollow root: مال → أموال
    else out.push(`ا${c1}${c2}ا${c3}`, `${c1}${c2}و${c3}`, `${c1}${c2}ا${c3}`); // أفعال, فعول, فعال: طفل → أطفال, قلب → قلوب
  } else if (letters.length === 5 && letters[0] === 'ا' && letters[3] === 'ا') {
    const [, c1, c2, , c3] = letters as [string, string, string, string, string];
    out.push(c2 === 'و' || c2 === 'ي' ? `${c1}ا${c3}` : `${c1}${c2}${c3}`); // back to the singular
  } else if (letters.length === 4 && letters[2] === 'و' && !WEAK.has(letters[1]!)) {
    out.push(letters[0]! + letters[1]! + letters[3]!); // فعول → فعل
  }
  return out;
}
