import type { Accumulator } from './accumulator.js';
import type { RankingParams } from './bm25.js';
import type { IndexData } from './index-data.js';
import type { ScoringConcept } from './scoring-concept.js';
import { SmallIntMap } from './small-int-map.js';

/**
 * Adds to the top passages what a bag of stems cannot see: two concepts the
 * question puts side by side ("وزير الخارجية") found side by side, and words
 * found exactly as the question typed them (same prefixes and endings), each
 * worth its idf. `typed` maps the surface hash of each typed word to its idf.
 */
export function addProximityAndExactForm(
  top: readonly number[],
  acc: Accumulator,
  data: IndexData,
  scoring: readonly ScoringConcept[],
  typed: ReadonlyMap<number, number>,
  ranking: RankingParams,
): void {
  const { proximityWeight, proximityWindow, exactFormWeight } = ranking;
  const conceptOfTerm = new SmallIntMap(
    scoring.flatMap((concept, c) =>
      [...concept.singles.map((s) => s.id), ...concept.groups.flatMap((g) => g.ids)].map((id) => [id, c] as const),
    ),
  );
  const typedWeights = [...typed.values()];
  const typedIndex = new SmallIntMap([...typed.keys()].map((hash, k) => [hash, k] as const));
  const lastSeen = new Int32Array(scoring.length);
  const paired = new Uint8Array(scoring.length);
  const exactSeen = new Uint8Array(typedWeights.length);
  for (const passage of top) {
    lastSeen.fill(-1_000_000);
    paired.fill(0);
    exactSeen.fill(0);
    const sequence = data.sequences.of(passage);
    const surface = data.surfaces.of(passage);
    let proximity = 0;
    let exact = 0;
    for (let position = 0; position < sequence.length; position++) {
      const k = typedIndex.get(surface[position]!);
      if (k >= 0 && !exactSeen[k]) {
        exactSeen[k] = 1;
        exact += typedWeights[k]!;
      }
      const c = conceptOfTerm.get(sequence[position]!);
      if (c < 0) continue;
      lastSeen[c] = position;
      // pair (c-1, c) is marked at c; pair (c, c+1) at c+1
      if (c > 0 && !paired[c] && position - lastSeen[c - 1]! <= proximityWindow) {
        paired[c] = 1;
        proximity += Math.min(scoring[c - 1]!.idf, scoring[c]!.idf);
      }
      if (c + 1 < scoring.length && !paired[c + 1] && position - lastSeen[c + 1]! <= proximityWindow) {
        paired[c + 1] = 1;
        proximity += Math.min(scoring[c]!.idf, scoring[c + 1]!.idf);
      }
    }
    acc.addScore(passage, proximityWeight * proximity + exactFormWeight * exact);
  }
}
