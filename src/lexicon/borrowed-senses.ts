/**
 * Further, weaker senses a headword borrows from the words a thesaurus gives
 * as its synonyms: their translations, one group per synonym. Used by the
 * lexicon build for WordNet's synonyms and Aiksaurus's (lexicon/README.md).
 */

/** Where a word's synonyms come from, and how many translations they may lend it at most. */
export interface SynonymSource {
  synonymsOf: (word: string) => readonly string[];
  maxTranslations: number;
}

/**
 * For each headword with translations, the translations of its synonyms, one
 * group per synonym, source by source and each source's synonyms in order,
 * leaving out those whose index terms (`termsOf`) the headword's own senses or
 * an earlier group already have; at most each source's `maxTranslations`.
 *
 * @example "pledge" (own «الوعد»), WordNet's ["plight", "promise", "assure"] → [['المحنه'], ['اكد']]
 */
export function borrowedSenses(
  entries: ReadonlyMap<string, readonly (readonly string[])[]>,
  sources: readonly SynonymSource[],
  termsOf: (translation: string) => string[],
): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const [word, senses] of entries) {
    if (senses.length === 0) continue; // a function word stays one
    const known = new Set(senses.flat().flatMap(termsOf));
    const groups: string[][] = [];
    for (const source of sources) {
      let count = 0;
      for (const synonym of source.synonymsOf(word)) {
        if (count >= source.maxTranslations) break;
        const group: string[] = [];
        for (const translation of (entries.get(synonym) ?? []).flat()) {
          if (count >= source.maxTranslations) break;
          const terms = termsOf(translation);
          if (terms.length === 0 || terms.every((t) => known.has(t))) continue;
          for (const t of terms) known.add(t);
          group.push(translation);
          count++;
        }
        if (group.length > 0) groups.push(group);
      }
    }
    if (groups.length > 0) out.set(word, groups);
  }
  return out;
}
