/**
 * Okapi BM25 pieces. Parameters were chosen on the public datasets' dev
 * splits (npm run eval); the test splits only report.
 */
export interface RankingParams {
  /** term-frequency saturation */
  k1: number;
  /** length normalization strength */
  b: number;
  /**
   * Length normalization for passages longer than the average: a whole news
   * article that mentions every word of a question somewhere should not
   * outrank the paragraph that answers it.
   */
  bLong: number;
  /** how many times the average length makes a passage "long" (a whole article, not a paragraph) */
  longRatio: number;
  /**
   * Passages shorter than this share of the average length are scored as if
   * they had it: a two-word heading must not outrank the paragraph under it.
   */
  minLengthRatio: number;
  /** How much an occurrence in the article title counts, relative to the body (applied when the index is built, in whole occurrences). */
  titleWeight: number;
  /** Bonus for each concept of the question found in the passage's title, times its idf. */
  titleBonus: number;
  /** Bonus for two query concepts next to each other in the passage, times the smaller idf. */
  proximityWeight: number;
  /** Largest gap (in words) that still counts as "next to each other". */
  proximityWindow: number;
  /** Bonus for each word found exactly as typed (same prefixes and endings), times its idf. */
  exactFormWeight: number;
  /** How many top passages get the proximity pass. */
  rerankDepth: number;
  /** Weight of an expansion (synonym, spelling variant) relative to the word typed. */
  expansionWeight: number;
  /** Weight of another inflection of a verb ("تحد" for "يحد"), found in the vocabulary. */
  verbVariantWeight: number;
  /** Share of the best neighbouring passage's score (same article, next to it) a passage receives. */
  neighborWeight: number;
  /** How much more a place or number of the question counts toward coverage than another word of the same idf. */
  constraintWeight: number;
  /** Weight of a known term one edit away from a word of the question no passage contains (a typo). */
  typoWeight: number;
  /** Weight of a known term one edit away from a word of the question that only one passage contains (another spelling of a name). */
  rareNeighborWeight: number;
  /** Weight of another form of a word of the question, from the same family (see word-families.ts). */
  familyWeight: number;
  /** Score factor for a passage holding what the question asks for (a date for "متى", a number for "كم"). */
  answerTypeBoost: number;
  /** Weight of a sure translation of a word in the other language (see search/cross-language.ts); less sure ones weigh less. */
  translationWeight: number;
  /** Confidence in a translation borrowed from another word of the same family ("seasonal" for "season"). */
  relatedConfidence: number;
  /** Confidence in a name recognized by its consonant skeleton ("Tillerson" / "تيلرسون"), divided among the words that share it. */
  nameConfidence: number;
  /** A translation that is also the translation of more English words than this is generic, and weaker evidence (0: off). */
  genericFanIn: number;
  /** Confidence in another form of a translated word (word-families.ts), relative to the translation's; 0: it only reorders the top. */
  translatedFamilyConfidence: number;
  /**
   * Confidence in the verbal noun of a question's verb that no passage holds, or the verb of its verbal noun
   * («اجتمع» for «اجتماع», see verbalNounPartners); 0: off.
   */
  verbalNounConfidence: number;
  /**
   * A question in the other language: the top passages' scores are multiplied by the share of the
   * question they cover raised to this power (0: off). Through a dictionary, a passage that matches
   * more of the question's words is surer than one matching fewer words many times.
   */
  translatedCoverageExponent: number;
  /**
   * Weight of a word that only names the kind of answer asked («عام» in «في أي عام…», «عدد» in
   * «كم عدد…», "year" in "what year…"), relative to the word's own: the passage that answers gives
   * the year or the number, seldom the word. Coverage is unchanged.
   */
  frameWordWeight: number;
}

export const DEFAULT_RANKING: RankingParams = {
  k1: 1.35,
  b: 0.75,
  bLong: 1,
  longRatio: 1,
  minLengthRatio: 0.1,
  titleWeight: 4,
  proximityWeight: 0.25,
  titleBonus: 1,
  proximityWindow: 3,
  rerankDepth: 30,
  exactFormWeight: 0.5,
  expansionWeight: 0.9,
  answerTypeBoost: 0.3,
  verbVariantWeight: 0.4,
  typoWeight: 0.6,
  rareNeighborWeight: 0.3,
  familyWeight: 0.3,
  neighborWeight: 0.3,
  constraintWeight: 2,
  translationWeight: 0.9,
  relatedConfidence: 0.5,
  nameConfidence: 1,
  genericFanIn: 8,
  translatedFamilyConfidence: 0.8,
  verbalNounConfidence: 0.8,
  translatedCoverageExponent: 0.25,
  frameWordWeight: 0.5,
};

export function idf(documentFrequency: number, passages: number): number {
  return Math.log(1 + (passages - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

export function saturate(tf: number, length: number, averageLength: number, params: RankingParams): number {
  const b = length > params.longRatio * averageLength ? params.bLong : params.b;
  const norm = params.k1 * (1 - b + (b * Math.max(length, params.minLengthRatio * averageLength)) / averageLength);
  return (tf * (params.k1 + 1)) / (tf + norm);
}
