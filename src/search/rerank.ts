import type { RankingParams } from './bm25.js';
import type { IndexData } from './index-data.js';
import type { ScoringConcept } from './scoring-concept.js';

/**
 * Adds to the top passages what a bag of stems cannot see: two concepts the
 * question puts side by side ("وزير الخارجية") found side by side, and words
 * found exactly as the question typed them (same prefixes and endings), each
 * worth its idf. `typed` maps the surface hash of each typed word to its idf.
 */
export function addProximityAndExactForm(
  top: readonly number[],
  score: Float64Array,
  data: IndexData,
  scoring: readonly ScoringConcept[],
  typed: ReadonlyMap<number, number>,
  ranking: RankingParams,
): void {
  const { proximityWeight, proximityWindow, exactFormWeight, densityWeight, densityWindow } = ranking;
  // a question has a handful of terms and words: scanning small typed arrays beats hashing
  const conceptTerms: number[] = [];
  const conceptOfTerm: number[] = [];
  scoring.forEach((concept, c) => {
    const ids = [...concept.singles.map((s) => s.id), ...concept.groups.flatMap((g) => g.ids)];
    for (const id of ids) {
      if (conceptTerms.includes(id)) continue;
      conceptTerms.push(id);
      conceptOfTerm.push(c);
    }
  });
  const terms = Int32Array.from(conceptTerms);
  const typedHashes = Int32Array.from(typed.keys());
  const typedWeights = Float64Array.from(typed.values());
  const lastSeen = new Int32Array(scoring.length);
  const paired = new Uint8Array(scoring.length);
  const exactSeen = new Uint8Array(typedHashes.length);
  const inWindow = new Int32Array(scoring.length);
  const conceptAt: number[] = [];
  for (const passage of top) {
    lastSeen.fill(-1_000_000);
    paired.fill(0);
    exactSeen.fill(0);
    const sequence = data.sequences.of(passage);
    const surface = data.surfaces.of(passage);
    let proximity = 0;
    let exact = 0;
    conceptAt.length = 0;
    for (let position = 0; position < sequence.length; position++) {
      const hash = surface[position]!;
      for (let k = 0; k < typedHashes.length; k++) {
        if (typedHashes[k] === hash && !exactSeen[k]) {
          exactSeen[k] = 1;
          exact += typedWeights[k]!;
        }
      }
      const term = sequence[position]!;
      let c = -1;
      for (let k = 0; k < terms.length; k++) {
        if (terms[k] === term) {
          c = conceptOfTerm[k]!;
          break;
        }
      }
      conceptAt.push(c);
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
    // the question's weight found within the best window: dense beats scattered
    let windowMass = 0;
    let best = 0;
    inWindow.fill(0);
    for (let position = 0; position < conceptAt.length; position++) {
      const entering = conceptAt[position]!;
      if (entering >= 0 && inWindow[entering]!++ === 0) windowMass += scoring[entering]!.idf;
      const leaving = position >= densityWindow ? conceptAt[position - densityWindow]! : -1;
      if (leaving >= 0 && --inWindow[leaving]! === 0) windowMass -= scoring[leaving]!.idf;
      if (windowMass > best) best = windowMass;
    }
    score[passage]! += proximityWeight * proximity + exactFormWeight * exact + densityWeight * best;
  }
}
