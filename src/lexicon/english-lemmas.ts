/**
 * Dictionary forms an inflected English word may come from, most likely first:
 * "meetings" → "meeting", "carried" → "carry", "held" is not guessed (irregular
 * forms are headwords of their own in the dictionary).
 *
 * @example lemmaCandidates('studies') // → ['study', 'studie', 'studi']
 */
export function lemmaCandidates(word: string): string[] {
  const out: string[] = [];
  const add = (candidate: string) => {
    if (candidate.length >= 2 && candidate !== word && !out.includes(candidate)) out.push(candidate);
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  for (const suffix of ['ed', 'ing']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const stem = word.slice(0, -suffix.length);
    add(stem);
    add(`${stem}e`);
    // "planned" → "plan"
    if (stem.length >= 3 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1));
  }
  if (word.endsWith('ly') && word.length > 5) add(word.slice(0, -2));
  return out;
}
