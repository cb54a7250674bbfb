import type { SynonymEntry } from '../corpus/index.js';
import { type Lexicon, shippedLexicon } from '../lexicon/index.js';
import { typedWithInnerHamza } from '../text/hamza.js';
import type { Analyzer, Token } from '../text/index.js';
import { Accumulator } from './accumulator.js';
import { ANSWER_TYPE_BIT, answerTypeOf, frameWords } from './answer-type.js';
import { DEFAULT_RANKING, idf, type RankingParams, saturate } from './bm25.js';
import { CrossLanguage } from './cross-language.js';
import { buildIndexData, type IndexData, type PassageInput, type ReusedTokens } from './index-data.js';
import { cappedTfOf, passageOf, TF_UNKNOWN } from './postings.js';
import { planQuery } from './query-plan.js';
import { addProximityAndExactForm } from './rerank.js';
import { type ScoringConcept, type SingleTerm, toScoringConcept } from './scoring-concept.js';
import { type Delta, type Pause, segmentedIndexData } from './segments.js';
import { surfaceHash } from './surface-hash.js';
import { SynonymTable } from './synonym-table.js';
import { TypoNeighbors } from './typo-neighbors.js';
import { WordFamilies } from './word-families.js';

export type { PassageInput };

export interface PassageIndexOptions {
  synonyms?: readonly SynonymEntry[];
  ranking?: Partial<RankingParams>;
  /** Stop gathering candidates once this many passages are in hand. */
  candidateBudget?: number;
  /** the bilingual dictionary for questions in the other language (default: the shipped English–Arabic one; null: none) */
  lexicon?: Lexicon | null;
  /** passages already tokenized in a snapshot (a rebuild by difference) */
  reuse?: ReusedTokens;
}

/**
 * A passage that matches, with how well.
 *
 * @example { passage: 12, score: 9.4, coverage: 0.82, matchedTerms: ['تعهد', 'تريلس'], matchedWords: 3 }
 */
export interface ScoredPassage {
  passage: number;
  score: number;
  /** share of the question's weight (idf) that this passage matches, 0…1 */
  coverage: number;
  /** index terms of the question found in the passage */
  matchedTerms: string[];
  /** how many of the question's words the passage matches (through any of their forms or synonyms) */
  matchedWords: number;
  /** which of the question's concepts (indices into SearchOutcome.concepts) the passage matches, loose relatives and guesses aside */
  matchedConcepts: number[];
  /** for each of matchedConcepts, in the same order, the index terms through which the passage matches it */
  conceptTerms?: string[][];
  /**
   * for each of matchedConcepts, in the same order, the weight it earned toward coverage: its mass, times
   * how sure the surest translation the passage holds is for a concept known only through translations
   */
  conceptMass?: number[];
  /** the answer types the passage's text offers (bits of ANSWER_TYPE_BIT) */
  answerTypes: number;
}

/** How the question was read: its concepts, how rare each is, and whether the index knows it. */
export interface ConceptSummary {
  words: string[];
  idf: number;
  known: boolean;
  /** a place or a number: what the question is pinned to */
  constraint: boolean;
  /** no passage has it in any form, nor a word one typo away */
  absent: boolean;
  /** its weight in coverage: idf, more for a constraint (coverage is the matched share of the concepts' total) */
  mass: number;
}

export interface SearchOutcome {
  hits: ScoredPassage[];
  concepts: ConceptSummary[];
}

const DEFAULT_CANDIDATE_BUDGET = 2500;

/**
 * Walking a posting list costs a read and a candidate check per entry (the
 * frequency is in the entry); looking a term up in a passage costs a binary
 * search over its distinct terms, scattered in memory. Measured at 31k
 * passages (`npm run bench -- --only ours --dataset scale`): 16 entries per
 * candidate gave the best p50 and p99; 8 (the ratio when each entry walked
 * needed that binary search too) a p50 ~60% higher, 32 a higher p99.
 */
const WALK_POSTINGS_RATIO = 16;

/** A term in at most this many passages may be one spelling of a name among several (see QueryPlanContext.rare). */
const RARE_DF = 1;

/**
 * A word in more than this share of the passages gets no family: its own form
 * already finds plenty, and its relatives would mostly add noise.
 */
const FAMILY_MAX_SHARE = 0.1;
const FAMILY_LIMIT = 4;

/**
 * The searchable form of a set of passages. The postings give the passages
 * holding the question's rarest concepts; BM25 over a forward index scores
 * them, term at a time for those concepts and passage at a time for the rest;
 * a last pass reorders the top by neighbours, proximity and exact forms.
 */
/** The shipped lexicon is read on the first question in the other language, not before: most never need it. */
function lexiconOf(options: PassageIndexOptions): (() => Lexicon) | null {
  if (options.lexicon === undefined) return shippedLexicon;
  const lexicon = options.lexicon;
  return lexicon && (() => lexicon);
}

export class PassageIndex {
  readonly analyzer: Analyzer;
  /** passages searched (a delta's removed ones not counted) */
  readonly size: number;
  /** passage numbers in use: `size`, plus the removed ones of a base with a delta */
  private readonly slots: number;
  private readonly data: IndexData;
  private readonly lexicon: (() => Lexicon) | null;
  private readonly synonyms: SynonymTable;
  private readonly ranking: RankingParams;
  private readonly candidateBudget: number;
  private scratch: Accumulator | undefined;
  private readonly typos: TypoNeighbors;
  private readonly families: WordFamilies;
  private readonly crossLanguage: CrossLanguage | undefined;
  // scratch results of scoreConceptAt, to score without allocating
  private lastScore = 0;
  private lastMass = 0;
  private lastWords = 0;
  private lastEvidence = 1;

  private constructor(
    data: IndexData,
    synonyms: readonly SynonymEntry[],
    ranking: RankingParams,
    candidateBudget: number,
    lexicon: (() => Lexicon) | null,
    typos?: TypoNeighbors,
    families?: WordFamilies,
    crossLanguage?: CrossLanguage,
  ) {
    this.data = data;
    this.analyzer = data.analyzer;
    this.size = data.size;
    this.slots = data.segmented?.slots ?? data.size;
    this.lexicon = lexicon;
    this.synonyms = new SynonymTable(synonyms, data.analyzer);
    this.ranking = ranking;
    this.candidateBudget = candidateBudget;
    this.typos = typos ?? new TypoNeighbors(data.vocabulary);
    this.families = families ?? new WordFamilies(data.vocabulary);
    this.crossLanguage =
      crossLanguage ?? (lexicon ? new CrossLanguage(lexicon, data.names, data.vocabulary, data.analyzer, ranking) : undefined);
  }

  static build(passages: readonly PassageInput[], options: PassageIndexOptions = {}): PassageIndex {
    const ranking = { ...DEFAULT_RANKING, ...options.ranking };
    return new PassageIndex(
      buildIndexData(passages, ranking.titleWeight, options.reuse),
      options.synonyms ?? [],
      ranking,
      options.candidateBudget ?? DEFAULT_CANDIDATE_BUDGET,
      lexiconOf(options),
    );
  }

  /** An index over data built before (a loaded snapshot); see index-data-codec.ts. */
  static fromData(data: IndexData, options: PassageIndexOptions = {}): PassageIndex {
    const ranking = { ...DEFAULT_RANKING, ...options.ranking };
    if (ranking.titleWeight !== data.titleWeight)
      throw new Error(`PassageIndex.fromData: the data was built with titleWeight ${data.titleWeight}, not ${ranking.titleWeight}`);
    return new PassageIndex(data, options.synonyms ?? [], ranking, options.candidateBudget ?? DEFAULT_CANDIDATE_BUDGET, lexiconOf(options));
  }

  /**
   * This index as the base segment of a delta (see segments.ts): the base's
   * arrays are shared, only the delta's passages are indexed, and the typo
   * buckets and word families of the base are reused. Call prepare() before
   * it serves. `pause()` is awaited every few hundred passages.
   */
  async withDelta(delta: Delta, synonyms: readonly SynonymEntry[], pause?: Pause): Promise<PassageIndex> {
    const data = await segmentedIndexData(this.data, delta, pause);
    return new PassageIndex(
      data,
      synonyms,
      this.ranking,
      this.candidateBudget,
      this.lexicon,
      new TypoNeighbors(data.vocabulary, this.typos),
      new WordFamilies(data.vocabulary, this.families),
    );
  }

  /**
   * Builds now, a piece at a time with `pause()` between pieces, what the
   * index otherwise builds on its first question (typo buckets, word
   * families): a reload readies it this way before it serves, so no question
   * waits for that.
   */
  async prepare(pause: () => Promise<unknown>): Promise<void> {
    await this.typos.prepare(pause);
    await this.families.prepare(pause);
  }

  /**
   * The per-passage totals of a search, made on the first search: a base
   * under a delta (see segments.ts) is never searched itself, and holds
   * none (32 bytes a passage).
   */
  private get acc(): Accumulator {
    this.scratch ??= new Accumulator(this.slots, this.data.segmented?.removed, this.data.segmented?.order);
    return this.scratch;
  }

  /** What the index was built from and holds, for a snapshot (read only). */
  get built(): IndexData {
    return this.data;
  }

  /** The same index with other synonym groups: no passage is re-indexed. */
  withSynonyms(groups: readonly SynonymEntry[]): PassageIndex {
    return new PassageIndex(
      this.data,
      groups,
      this.ranking,
      this.candidateBudget,
      this.lexicon,
      this.typos,
      this.families,
      this.crossLanguage,
    );
  }

  get vocabularySize(): number {
    return this.data.vocabulary.size;
  }

  get synonymGroups(): number {
    return this.synonyms.size;
  }

  /** The bilingual dictionary questions in the other language cross over with (undefined when off). */
  dictionary(): Lexicon | undefined {
    return this.lexicon?.() ?? undefined;
  }

  /** How much a term tells apart passages (0 for a term the index lacks). */
  termIdf(term: string): number {
    const id = this.data.vocabulary.id(term);
    return id === undefined ? 0 : idf(this.data.vocabulary.df(id), this.size);
  }

  /** Ranks passages for a question, best first. */
  search(question: string, limit = 10): SearchOutcome {
    const { vocabulary } = this.data;
    const tokens = this.analyzer.analyze(question);
    const crossLanguage = this.crossLanguage?.mayApplyTo(question) ? this.crossLanguage : undefined;
    const capitalized = (token: Token) => token.position > 0 && /\p{Lu}/u.test(question[token.start] ?? '');
    const concepts = planQuery(tokens, {
      analyzer: this.analyzer,
      synonyms: this.synonyms,
      known: (term) => vocabulary.id(term) !== undefined,
      expansionWeight: this.ranking.expansionWeight,
      verbVariantWeight: this.ranking.verbVariantWeight,
      typoNeighbors: (term) => this.typos.of(term),
      typoWeight: this.ranking.typoWeight,
      rare: (term) => {
        const id = vocabulary.id(term);
        return id !== undefined && vocabulary.df(id) <= RARE_DF;
      },
      rareNeighborWeight: this.ranking.rareNeighborWeight,
      family: (term) => {
        const id = vocabulary.id(term);
        return id !== undefined && vocabulary.df(id) > FAMILY_MAX_SHARE * this.size ? [] : this.families.of(term, FAMILY_LIMIT);
      },
      familyWeight: this.ranking.familyWeight,
      hamzaRelatives: (token) =>
        typedWithInnerHamza(question.slice(token.start, token.end)) ? this.families.ofWeakRoot(token.term, FAMILY_LIMIT) : [],
      // most questions are in the corpus's language: they skip the per-word checks
      ...(crossLanguage && {
        isFunctionWord: (token: Token) => crossLanguage.isFunctionWord(token, capitalized(token)),
        isForeign: (token: Token) => crossLanguage.isForeign(token),
        foreignForms: (token: Token, name: boolean) => crossLanguage.formsOf(token, name),
        foreignPhrases: crossLanguage.phrasesIn(question),
      }),
      capitalized,
      translationWeight: this.ranking.translationWeight,
      translatedFamilyConfidence: this.ranking.translatedFamilyConfidence,
      verbalNounConfidence: this.ranking.verbalNounConfidence,
      frameWords: frameWords(question),
      frameWordWeight: this.ranking.frameWordWeight,
    });
    const scoring = concepts.map((c) => toScoringConcept(c, vocabulary, this.size, this.ranking.constraintWeight));
    const summaries = concepts.map((c, i) => ({
      words: c.words,
      idf: scoring[i]!.coverageIdf,
      known: scoring[i]!.df > 0 && !scoring[i]!.guessed,
      constraint: scoring[i]!.coverageWeight > 1,
      mass: scoring[i]!.coverageIdf * scoring[i]!.coverageWeight,
      absent: scoring[i]!.df === 0,
    }));
    const totalMass = scoring.reduce((sum, c) => sum + c.coverageIdf * c.coverageWeight, 0);
    if (totalMass === 0 || scoring.every((c) => c.df === 0)) return { hits: [], concepts: summaries };

    const acc = this.acc;
    try {
      this.scoreCandidates(scoring);
      const wanted = answerTypeOf(question);
      if (wanted) {
        const bit = ANSWER_TYPE_BIT[wanted];
        for (const passage of acc.candidates)
          if (this.data.answerTypes[passage]! & bit) acc.scaleScore(passage, 1 + this.ranking.answerTypeBoost);
      }
      const top = this.withNeighbors(acc.top(Math.max(limit, this.ranking.rerankDepth)), scoring);
      this.addLooseMatches(top, scoring);
      if (this.ranking.titleBonus > 0)
        for (const passage of top) acc.addScore(passage, this.ranking.titleBonus * this.titleMass(passage, scoring));
      const typed = new Map<number, number>();
      for (const token of tokens) typed.set(surfaceHash(token.norm), this.termIdf(token.term));
      addProximityAndExactForm(top, acc, this.data, scoring, typed, this.ranking);
      const { translatedCoverageExponent } = this.ranking;
      // a question in the other language, not one that quotes a word of it
      const translatedQuestion = crossLanguage && 2 * concepts.filter((c) => c.foreign).length >= concepts.length;
      if (translatedQuestion && translatedCoverageExponent > 0)
        for (const passage of top) acc.scaleScore(passage, (acc.mass(passage) / totalMass) ** translatedCoverageExponent);
      acc.sortByScore(top);
      const hits = top.slice(0, limit).map((passage) => {
        const matched = this.matchedTerms(passage, scoring);
        return {
          passage,
          score: acc.score(passage),
          coverage: acc.mass(passage) / totalMass,
          matchedWords: acc.words(passage),
          matchedTerms: matched.terms,
          matchedConcepts: matched.concepts,
          conceptTerms: matched.conceptTerms,
          conceptMass: matched.conceptMass,
          answerTypes: this.data.answerTypes[passage]!,
        };
      });
      return { hits, concepts: summaries };
    } finally {
      acc.reset();
    }
  }

  /** Body frequency plus the title's, weighted (folded in at build time). */
  private frequency(passage: number, term: number): number {
    return this.data.body.frequency(passage, term);
  }

  private saturated(tf: number, passage: number): number {
    return saturate(tf, this.data.body.length(passage), this.data.body.averageLength, this.ranking);
  }

  /**
   * Candidates are the passages holding the rarest concepts, rarest first,
   * until the budget is spent: a passage matching only very common words
   * cannot outrank one matching a rare word. Concepts fetched that way are
   * scored over their own postings; the rest over the candidates.
   */
  private scoreCandidates(scoring: readonly ScoringConcept[]): void {
    const acc = this.acc;
    const order = scoring
      .map((_, c) => c)
      .filter((c) => scoring[c]!.df > 0)
      .sort((a, b) => scoring[a]!.df - scoring[b]!.df);
    const postings = new Map<SingleTerm, ArrayLike<number>>();
    const fetched = new Uint8Array(scoring.length);
    for (const [rank, c] of order.entries()) {
      const concept = scoring[c]!;
      if (rank > 0 && acc.candidates.length + concept.df > this.candidateBudget) break;
      fetched[c] = 1;
      for (const single of concept.singles) {
        const found = this.data.postings.of(single.id);
        postings.set(single, found);
        for (let k = 0; k < found.length; k++) acc.add(passageOf(found[k]!));
      }
      for (const group of concept.groups) {
        for (const probe of group.probes) for (const passage of this.data.postings.withAll(probe)) acc.add(passage);
      }
    }
    const candidates = acc.candidates.length;
    scoring.forEach((concept, c) => {
      if (fetched[c] && concept.groups.length === 0) {
        this.scoreTermAtATime(concept, postings, false);
        return;
      }
      // a common concept: walk its postings and score only the candidates among them, or, when
      // its postings are much longer than the candidate list, look each candidate up instead
      const postingsLength = concept.singles.reduce((sum, s) => sum + s.df, 0);
      if (concept.groups.length > 0 || postingsLength > WALK_POSTINGS_RATIO * candidates) {
        this.scorePassageAtATime(concept);
        return;
      }
      for (const single of concept.singles) if (single.df > 0) postings.set(single, this.data.postings.of(single.id));
      this.scoreTermAtATime(concept, postings, true);
    });
  }

  private scoreTermAtATime(concept: ScoringConcept, postings: ReadonlyMap<SingleTerm, ArrayLike<number>>, candidatesOnly: boolean): void {
    const { acc } = this;
    const touched: number[] = [];
    // a concept known only through translations earns, at a passage, the confidence of the surest one there
    const evidenceAt = concept.translated ? new Map<number, number>() : undefined;
    for (const single of concept.singles) {
      const list = postings.get(single) ?? [];
      for (let k = 0; k < list.length; k++) {
        const entry = list[k]!;
        const passage = passageOf(entry);
        if (candidatesOnly ? !acc.has(passage) : acc.removed(passage)) continue;
        // the frequency is in the entry, unless it is too large for it
        let f = cappedTfOf(entry);
        if (f === TF_UNKNOWN) f = this.frequency(passage, single.id);
        if (f === 0) continue;
        if (acc.addTf(passage, single.weight * f) === 0) touched.push(passage);
        if (evidenceAt) evidenceAt.set(passage, Math.max(evidenceAt.get(passage) ?? 0, single.confidence));
      }
    }
    const mass = concept.guessed ? 0 : concept.idf * concept.coverageWeight;
    const words = concept.guessed ? 0 : concept.words;
    for (const passage of touched) {
      const evidence = evidenceAt ? evidenceAt.get(passage)! : 1;
      acc.addMatch(passage, concept.idf * this.saturated(acc.takeTf(passage), passage), mass * evidence, words);
    }
  }

  private scorePassageAtATime(concept: ScoringConcept): void {
    const { acc } = this;
    for (const passage of acc.candidates) {
      this.scoreConceptAt(concept, passage);
      if (this.lastScore === 0) continue;
      if (concept.guessed) acc.addScore(passage, this.lastScore);
      else acc.addMatch(passage, this.lastScore, this.lastMass * concept.coverageWeight * this.lastEvidence, this.lastWords);
    }
  }

  /** One concept's score at one passage, into lastScore/lastMass/lastWords/lastEvidence: the best of its alternatives. */
  private scoreConceptAt(concept: ScoringConcept, passage: number): void {
    let best = 0;
    let bestMass = 0;
    let bestWords = 0;
    let tf = 0;
    let singleEvidence = 0;
    let bestEvidence = 0;
    for (const single of concept.singles) {
      const f = this.frequency(passage, single.id);
      if (f === 0) continue;
      tf += single.weight * f;
      singleEvidence = Math.max(singleEvidence, single.confidence);
    }
    if (tf > 0) {
      best = concept.idf * this.saturated(tf, passage);
      bestMass = concept.idf;
      bestWords = concept.words;
      bestEvidence = singleEvidence;
    }
    for (const group of concept.groups) {
      let score = 0;
      let mass = 0;
      let words = 0;
      let present = 0;
      let saturatedSum = 0;
      for (let k = 0; k < group.ids.length; k++) {
        const f = this.frequency(passage, group.ids[k]!);
        if (f === 0) continue;
        present++;
        const s = this.saturated(f, passage);
        saturatedSum += s;
        if (group.typed) {
          score += group.idfs[k]! * s;
          mass += group.idfs[k]!;
          words++;
        }
      }
      if (!group.typed && present === group.ids.length) {
        score = group.weight * concept.idf * (saturatedSum / group.ids.length);
        mass = concept.idf;
        words = concept.words;
      }
      if (score > best) {
        best = score;
        bestMass = mass;
        bestWords = words;
        bestEvidence = group.confidence;
      }
    }
    this.lastScore = best;
    this.lastMass = bestMass;
    this.lastWords = bestWords;
    this.lastEvidence = concept.translated ? bestEvidence : 1;
  }

  /**
   * Each of the top passages gives its neighbours in the same article a share
   * of its score; a neighbour that was not a candidate is scored first.
   */
  private withNeighbors(top: number[], scoring: readonly ScoringConcept[]): number[] {
    const weight = this.ranking.neighborWeight;
    if (weight === 0 || top.length === 0) return top;
    const { acc } = this;
    const { followsNeighbor } = this.data;
    const bonus = new Map<number, number>();
    const give = (to: number, score: number) => bonus.set(to, Math.max(bonus.get(to) ?? 0, score));
    for (const passage of top.slice(0, this.ranking.rerankDepth)) {
      if (followsNeighbor[passage]) give(passage - 1, acc.score(passage));
      if (passage + 1 < this.slots && followsNeighbor[passage + 1]) give(passage + 1, acc.score(passage));
    }
    const inTop = new Set(top);
    for (const [passage, score] of bonus) {
      if (acc.removed(passage)) continue;
      if (acc.add(passage)) {
        for (const concept of scoring) {
          this.scoreConceptAt(concept, passage);
          if (concept.guessed) acc.addScore(passage, this.lastScore);
          else acc.addMatch(passage, this.lastScore, this.lastMass * concept.coverageWeight * this.lastEvidence, this.lastWords);
        }
      }
      acc.addScore(passage, weight * score);
      if (!inTop.has(passage)) top.push(passage);
    }
    return acc.sortByScore(top);
  }

  /**
   * What the loose relatives of the question's words add to the top passages:
   * each concept's term frequency with them, saturated, minus without them.
   */
  private addLooseMatches(top: readonly number[], scoring: readonly ScoringConcept[]): void {
    for (const concept of scoring) {
      if (concept.loose.length === 0) continue;
      for (const passage of top) {
        let looseTf = 0;
        for (const single of concept.loose) looseTf += single.weight * this.frequency(passage, single.id);
        if (looseTf === 0) continue;
        let tf = 0;
        for (const single of concept.singles) tf += single.weight * this.frequency(passage, single.id);
        this.acc.addScore(passage, concept.idf * (this.saturated(tf + looseTf, passage) - this.saturated(tf, passage)));
      }
    }
  }

  /**
   * The question's weight found in the passage's title, times the share of
   * the title the question covers: a short title the question names ("هتلر")
   * says what the article is about; one word of a long headline says little.
   */
  private titleMass(passage: number, scoring: readonly ScoringConcept[]): number {
    const title = this.data.titleOf[passage]!;
    if (title < 0) return 0;
    const { titles, vocabulary } = this.data;
    let mass = 0;
    const covered = new Set<number>();
    for (const concept of scoring) {
      let found = false;
      for (const single of concept.singles) {
        if (titles.frequency(title, single.id) > 0) {
          found = true;
          covered.add(single.id);
        }
      }
      for (const group of concept.groups) {
        if (group.ids.every((id) => titles.frequency(title, id) > 0)) {
          found = true;
          for (const id of group.ids) covered.add(id);
        }
      }
      if (found) mass += concept.idf;
    }
    if (mass === 0) return 0;
    let titleIdf = 0;
    let coveredIdf = 0;
    for (const id of titles.terms(title)) {
      const weight = idf(vocabulary.df(id), this.size);
      titleIdf += weight;
      if (covered.has(id)) coveredIdf += weight;
    }
    return titleIdf > 0 ? (mass * coveredIdf) / titleIdf : 0;
  }

  private matchedTerms(
    passage: number,
    scoring: readonly ScoringConcept[],
  ): { terms: string[]; concepts: number[]; conceptTerms: string[][]; conceptMass: number[] } {
    const terms = new Set<string>();
    const concepts: number[] = [];
    const conceptTerms: string[][] = [];
    const conceptMass: number[] = [];
    const { vocabulary } = this.data;
    scoring.forEach((concept, c) => {
      const own: string[] = [];
      const add = (id: number) => {
        const term = vocabulary.term(id);
        terms.add(term);
        own.push(term);
      };
      for (const single of concept.singles) if (this.frequency(passage, single.id) > 0) add(single.id);
      for (const group of concept.groups) {
        const present = group.ids.filter((id) => this.frequency(passage, id) > 0);
        if (group.typed || present.length === group.ids.length) present.forEach(add);
      }
      if (own.length > 0 && !concept.guessed) {
        concepts.push(c);
        conceptTerms.push(own);
        // what the accumulator added to the passage's mass for it
        this.scoreConceptAt(concept, passage);
        conceptMass.push(this.lastMass * concept.coverageWeight * this.lastEvidence);
      }
    });
    return { terms: [...terms], concepts, conceptTerms, conceptMass };
  }
}
