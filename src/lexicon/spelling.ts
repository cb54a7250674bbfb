/**
 * Words one keystroke from a misspelled one ("countires" → "countries"): one
 * letter left out, added, changed, or two neighbours swapped (Damerau's
 * single edits), among those `known` accepts.
 *
 * @example oneEditAway('countires', (w) => w === 'countries') // → ['countries']
 */
export function oneEditAway(word: string, known: (candidate: string) => boolean): string[] {
  const found = new Set<string>();
  const check = (candidate: string) => {
    if (candidate !== word && known(candidate)) found.add(candidate);
  };
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    if (i < word.length) check(before + after.slice(1));
    if (i + 1 < word.length) check(before + after[1] + after[0] + after.slice(2));
    for (let c = 97; c <= 122; c++) {
      const letter = String.fromCharCode(c);
      if (i < word.length) check(before + letter + after.slice(1));
      check(before + letter + after);
    }
  }
  return [...found].sort();
}
