import { Encoder, Index } from 'flexsearch';
import type { Analyzer } from '../text/index.js';

/**
 * FlexSearch holds the inverted index: which passages contain a term. Its
 * Encoder runs our analyzer (normalize → split → stop words → stem), so the
 * index never sees FlexSearch's default Latin-oriented encoding, which cuts
 * Arabic words at hamza and tashkeel.
 */
export interface FlexPassageIndex {
  add(passage: number, text: string): void;
  /** Passages holding every term of a probe (a word or short phrase). */
  passagesWith(probe: string, limit: number): number[];
  /** What the encoder makes of a text: must equal analyzer.terms(text). */
  encode(text: string): string[];
}

export function createFlexPassageIndex(analyzer: Analyzer): FlexPassageIndex {
  const hooks = analyzer.encoderHooks;
  const encoder = new Encoder({
    normalize: hooks.normalize,
    prepare: hooks.prepare,
    split: hooks.split,
    filter: hooks.filter,
    finalize: hooks.finalize,
    // Our analyzer already did what these would do, differently:
    numeric: false, // they split "2018" into "201" + "8"
    dedupe: false, // it collapses doubled letters: "حقق" → "حق"
    rtl: false, // reverses indexed terms but not queries
    cache: false, // its cache keeps a timer alive after every call
  });
  // resolution 1: FlexSearch's position-based ordering is not used (BM25 ranks), so one slot per term is enough
  const index = new Index({ tokenize: 'strict', encoder, resolution: 1 });

  return {
    add(passage, text) {
      index.add(passage, text);
    },
    passagesWith(probe, limit) {
      return index.search(probe, { limit }) as number[];
    },
    encode(text) {
      return encoder.encode(text);
    },
  };
}
