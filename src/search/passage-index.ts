import { createAnalyzer, isPlaceWord, type Analyzer } from '../text/index.js';
import type { SynonymGroup } from '../corpus/index.js';
import { createFlexPassageIndex, type FlexPassageIndex } from './flex-index.js';
import { ForwardIndexBuilder, type ForwardIndex } from './forward-index.js';
import { Vocabulary } from './vocabulary.js';
import { SynonymTable } from './synonym-table.js';
import { planQuery, type Concept } from './query-plan.js';
import { DEFAULT_RANKING, idf, saturate, type RankingParams } from './bm25.js';
import { ANSWER_TYPE_BIT, answerTypeOf, answerTypesIn } from './answer-type.js';
import { surfaceHash } from './surface-hash.js';

/** What gets indexed: a passage's text and the title of the article it is from. */
export interface PassageInput {
  text: string;
  title?: string;
  /**
   * The article the passage belongs to. Consecutive passages of one group are
   * neighbours: a paragraph often answers through the one before it ("وأضاف
   * حسني…"), so each shares a little of its neighbour's score.
   */
  group?: string;
}

export interface PassageIndexOptions {
  synonyms?: readonly SynonymGroup[];
  ranking?: Partial<RankingParams>;
  /** Stop gathering candidates once this many passages are in hand. */
  candidateBudget?: number;
}

/**
 * A passage that matches, with how well.
 *
 * @example { passage: 12, score: 9.4, coverage: 0.82, matchedTerms: ['تعهد', 'تريلس'] }
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
}

/** How the question was read: its concepts, how rare each is, and whether the index knows it. */
export interface ConceptSummary {
  words: string[];
  idf: number;
  known: boolean;
  /** a place or a number: what the question is pinned to */
  constraint: boolean;
}

export interface SearchOutcome {
  hits: ScoredPassage[];
  concepts: ConceptSummary[];
}

interface WeightedTerm {
  id: number;
  weight: number;
}

/**
 * A concept ready for scoring. Its `idf` is its weight in the question: one
 * word's idf, or for a phrase the sum of its words' idfs, so that a synonym
 * standing for the whole phrase ("تيلرسون" for "وزير الخارجية الأمريكي") is
 * worth the phrase.
 */
interface ScoringConcept {
  singles: WeightedTerm[];
  /** several words that must appear together: the question's own phrase earns credit word by word */
  groups: { ids: number[]; idfs: number[]; weight: number; typed: boolean }[];
  probes: { probe: string; df: number }[];
  idf: number;
  /** passages holding it (approximate for merged alternatives); orders candidate gathering */
  df: number;
  /** how much it counts toward coverage, relative to its idf: more for places and numbers */
  coverageWeight: number;
  /** how many words of the question it stands for */
  words: number;
}

/**
 * A place or a number in a question is a constraint, not a topic word: a
 * passage about the meeting in Kuwait does not answer "the meeting in Paris",
 * nor one about 2018 a question about 2022.
 */
function isConstraint(words: readonly string[]): boolean {
  return words.some((w) => /^\d{2,}$/.test(w) || isPlaceWord(w));
}

const DEFAULT_CANDIDATE_BUDGET = 4000;

/**
 * A word of the question no passage contains weighs as a word one passage
 * contains: it may be a paraphrase or a typo as easily as a missing subject.
 */
const UNKNOWN_WORD_DF = 1;

/** Term ids of one passage in text order, for the proximity pass. */
class SequenceStore {
  private readonly offsets: number[] = [0];
  private data = new Int32Array(1 << 16);

  add(ids: readonly number[]): void {
    const used = this.offsets.at(-1)!;
    if (used + ids.length > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < used + ids.length) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.data.subarray(0, used));
      this.data = grown;
    }
    this.data.set(ids, used);
    this.offsets.push(used + ids.length);
  }

  compact(): void {
    this.data = this.data.slice(0, this.offsets.at(-1));
  }

  of(passage: number): Int32Array {
    return this.data.subarray(this.offsets[passage], this.offsets[passage + 1]);
  }
}

/**
 * The searchable form of a set of passages: FlexSearch finds candidates,
 * BM25 over a forward index ranks them, a proximity pass reorders the top.
 */
export class PassageIndex {
  readonly analyzer: Analyzer;
  readonly size: number;
  private readonly flex: FlexPassageIndex;
  private readonly vocabulary: Vocabulary;
  private readonly body: ForwardIndex;
  private readonly titles: ForwardIndex;
  private readonly titleOf: Int32Array;
  private readonly sequences: SequenceStore;
  /** per passage, the surface-form hash of each term in `sequences`, aligned */
  private readonly surfaces: SequenceStore;
  private readonly synonyms: SynonymTable;
  private readonly ranking: RankingParams;
  private readonly candidateBudget: number;
  private readonly candidateMark: Uint8Array;
  /** per passage: which answer types it offers (bits of ANSWER_TYPE_BIT) */
  private readonly answerTypes: Uint8Array;
  /** per passage: 1 when it follows a passage of the same group */
  private readonly followsNeighbor: Uint8Array;

  private constructor(parts: {
    analyzer: Analyzer; flex: FlexPassageIndex; vocabulary: Vocabulary; body: ForwardIndex; titles: ForwardIndex;
    titleOf: Int32Array; sequences: SequenceStore; surfaces: SequenceStore; synonyms: SynonymTable; ranking: RankingParams;
    candidateBudget: number; answerTypes: Uint8Array; followsNeighbor: Uint8Array;
  }) {
    this.analyzer = parts.analyzer;
    this.flex = parts.flex;
    this.vocabulary = parts.vocabulary;
    this.body = parts.body;
    this.titles = parts.titles;
    this.titleOf = parts.titleOf;
    this.sequences = parts.sequences;
    this.surfaces = parts.surfaces;
    this.synonyms = parts.synonyms;
    this.ranking = parts.ranking;
    this.candidateBudget = parts.candidateBudget;
    this.size = parts.body.size;
    this.candidateMark = new Uint8Array(this.size);
    this.answerTypes = parts.answerTypes;
    this.followsNeighbor = parts.followsNeighbor;
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  get synonymGroups(): number {
    return this.synonyms.size;
  }

  /** The same index with other synonym groups: no passage is re-indexed. */
  withSynonyms(groups: readonly SynonymGroup[]): PassageIndex {
    return new PassageIndex({
      analyzer: this.analyzer, flex: this.flex, vocabulary: this.vocabulary, body: this.body, titles: this.titles,
      titleOf: this.titleOf, sequences: this.sequences, surfaces: this.surfaces, synonyms: new SynonymTable(groups, this.analyzer),
      ranking: this.ranking, candidateBudget: this.candidateBudget, answerTypes: this.answerTypes, followsNeighbor: this.followsNeighbor,
    });
  }

  /** How much a term tells apart passages (0 for a term the index lacks). */
  termIdf(term: string): number {
    const id = this.vocabulary.id(term);
    return id === undefined ? 0 : idf(this.vocabulary.df(id), this.size);
  }

  static build(passages: readonly PassageInput[], options: PassageIndexOptions = {}): PassageIndex {
    const ranking = { ...DEFAULT_RANKING, ...options.ranking };

    // First pass: how often each light stem occurs, so the analyzer can tell a
    // fused particle ("وقال") from a root letter ("وزير").
    const firstPass = createAnalyzer();
    const stemCounts = new Map<string, number>();
    const count = (text: string) => {
      for (const term of firstPass.terms(text)) stemCounts.set(term, (stemCounts.get(term) ?? 0) + 1);
    };
    const seenTitles = new Set<string>();
    for (const passage of passages) {
      count(passage.text);
      if (passage.title && !seenTitles.has(passage.title)) {
        seenTitles.add(passage.title);
        count(passage.title);
      }
    }

    const analyzer = createAnalyzer({ stemCounts });
    const vocabulary = new Vocabulary();
    const body = new ForwardIndexBuilder();
    const titles = new ForwardIndexBuilder();
    const titleNumbers = new Map<string, { n: number; ids: number[] }>();
    const titleOf = new Int32Array(passages.length).fill(-1);
    const sequences = new SequenceStore();
    const surfaces = new SequenceStore();
    const flex = createFlexPassageIndex(analyzer);
    const answerTypes = new Uint8Array(passages.length);
    const followsNeighbor = new Uint8Array(passages.length);

    passages.forEach((passage, i) => {
      const ids: number[] = [];
      const hashes: number[] = [];
      analyzer.forEachTerm(passage.text, (term, norm) => {
        ids.push(vocabulary.intern(term));
        hashes.push(surfaceHash(norm));
      });
      body.add(ids);
      sequences.add(ids);
      surfaces.add(hashes);
      let titleIds: number[] = [];
      if (passage.title) {
        let title = titleNumbers.get(passage.title);
        if (!title) {
          const tIds = analyzer.terms(passage.title).map((t) => vocabulary.intern(t));
          title = { n: titles.add(tIds), ids: tIds };
          titleNumbers.set(passage.title, title);
        }
        titleOf[i] = title.n;
        titleIds = title.ids;
      }
      vocabulary.countPassage(new Set([...ids, ...titleIds]));
      flex.add(i, passage.title ? `${passage.title}\n${passage.text}` : passage.text);
      answerTypes[i] = answerTypesIn(passage.text);
      if (i > 0 && passage.group !== undefined && passages[i - 1]!.group === passage.group) followsNeighbor[i] = 1;
    });
    sequences.compact();
    surfaces.compact();

    return new PassageIndex({
      analyzer, flex, vocabulary, body: body.build(), titles: titles.build(), titleOf, sequences, surfaces,
      synonyms: new SynonymTable(options.synonyms ?? [], analyzer),
      ranking, candidateBudget: options.candidateBudget ?? DEFAULT_CANDIDATE_BUDGET, answerTypes, followsNeighbor,
    });
  }

  /** Ranks passages for a question, best first. */
  search(question: string, limit = 10): SearchOutcome {
    const tokens = this.analyzer.analyze(question);
    const concepts = planQuery(tokens, {
      analyzer: this.analyzer,
      synonyms: this.synonyms,
      known: (term) => this.vocabulary.id(term) !== undefined,
      expansionWeight: this.ranking.expansionWeight,
      verbVariantWeight: this.ranking.verbVariantWeight,
    });
    const scoring = concepts.map((c) => this.toScoring(c));
    const summaries = concepts.map((c, i) => ({
      words: c.words,
      idf: scoring[i]!.idf,
      known: scoring[i]!.df > 0,
      constraint: scoring[i]!.coverageWeight > 1,
    }));
    const totalMass = scoring.reduce((sum, c) => sum + c.idf * c.coverageWeight, 0);
    if (totalMass === 0) return { hits: [], concepts: summaries };

    const candidates = this.gatherCandidates(scoring);
    const wanted = answerTypeOf(question);
    const wantedBit = wanted ? ANSWER_TYPE_BIT[wanted] : 0;
    const scored: ScoredPassage[] = [];
    for (const passage of candidates) {
      const hit = this.scorePassage(passage, scoring, totalMass);
      if (!hit) continue;
      if (this.answerTypes[passage]! & wantedBit) hit.score *= 1 + this.ranking.answerTypeBoost;
      scored.push(hit);
    }
    scored.sort((a, b) => b.score - a.score);
    this.shareWithNeighbors(scored, scoring, totalMass);
    const typed = new Map<number, number>();
    for (const token of tokens) typed.set(surfaceHash(token.norm), this.termIdf(token.term));
    this.rerank(scored, scoring, typed);
    return { hits: scored.slice(0, limit), concepts: summaries };
  }

  private toScoring(concept: Concept): ScoringConcept {
    const n = this.size;
    const singles: WeightedTerm[] = [];
    const groups: ScoringConcept['groups'] = [];
    const probes: ScoringConcept['probes'] = [];
    let singleDf = 0;
    let groupDf = 0;
    let phraseMass = 0;
    let phraseDf = n;
    for (const alternative of concept.alternatives) {
      const ids = alternative.terms.map((t) => this.vocabulary.id(t));
      const dfs = ids.map((id) => (id === undefined ? 0 : this.vocabulary.df(id)));
      if (alternative.typed && ids.length > 1) {
        // the question's own phrase: every word counts, known or not
        phraseMass = dfs.reduce((sum, df) => sum + idf(df || UNKNOWN_WORD_DF, n), 0);
        const known = ids.flatMap((id, k) => (id === undefined ? [] : [{ id, df: dfs[k]! }]));
        if (known.length) {
          groups.push({ ids: known.map((k) => k.id), idfs: known.map((k) => idf(k.df, n)), weight: 1, typed: true });
          phraseDf = Math.min(...known.map((k) => k.df));
          alternative.terms.forEach((term, k) => ids[k] !== undefined && probes.push({ probe: term, df: dfs[k]! }));
        }
        continue;
      }
      if (ids.some((id) => id === undefined)) continue;
      const known = ids as number[];
      if (known.length === 1) {
        singles.push({ id: known[0]!, weight: alternative.weight });
        singleDf += dfs[0]!;
      } else {
        groups.push({ ids: known, idfs: dfs.map((df) => idf(df, n)), weight: alternative.weight, typed: false });
        groupDf = Math.max(groupDf, Math.min(...dfs));
      }
      probes.push({ probe: alternative.probe, df: Math.min(...dfs) });
    }
    const coverageWeight = isConstraint(concept.words) ? this.ranking.constraintWeight : 1;
    if (phraseMass > 0) {
      return { singles, groups, probes, idf: phraseMass, df: Math.min(phraseDf, singleDf || n), coverageWeight, words: concept.words.length };
    }
    const df = Math.min(n, Math.max(singleDf, groupDf));
    return { singles, groups, probes, df, idf: idf(df || UNKNOWN_WORD_DF, n), coverageWeight, words: concept.words.length };
  }

  /**
   * Passages holding the rarest concepts first. A concept so common that it
   * would blow the budget adds no candidates (it still counts in the score):
   * a passage matching only such words cannot outrank one matching a rare word.
   */
  private gatherCandidates(scoring: readonly ScoringConcept[]): number[] {
    const order = scoring.filter((c) => c.df > 0).sort((a, b) => a.df - b.df);
    const mark = this.candidateMark;
    const candidates: number[] = [];
    for (const [rank, concept] of order.entries()) {
      if (rank > 0 && candidates.length + concept.df > this.candidateBudget) break;
      for (const { probe, df } of concept.probes) {
        if (df === 0) continue;
        for (const passage of this.flex.passagesWith(probe, this.size)) {
          if (!mark[passage]) {
            mark[passage] = 1;
            candidates.push(passage);
          }
        }
      }
    }
    for (const passage of candidates) mark[passage] = 0;
    return candidates;
  }

  private frequencies(passage: number, id: number): number {
    const title = this.titleOf[passage]!;
    const inTitle = title >= 0 ? this.titles.frequency(title, id) : 0;
    return this.body.frequency(passage, id) + this.ranking.titleWeight * inTitle;
  }

  private scorePassage(passage: number, scoring: readonly ScoringConcept[], totalMass: number): ScoredPassage | null {
    const length = this.body.length(passage);
    const average = this.body.averageLength;
    const saturated = (f: number) => saturate(f, length, average, this.ranking);
    let score = 0;
    let matchedMass = 0;
    let matchedWords = 0;
    const matchedTerms: string[] = [];
    for (const concept of scoring) {
      let best = 0;
      let bestMass = 0;
      let bestWords = 0;
      let tf = 0;
      for (const single of concept.singles) {
        const f = this.frequencies(passage, single.id);
        if (f > 0) {
          tf += single.weight * f;
          matchedTerms.push(this.vocabulary.term(single.id));
        }
      }
      if (tf > 0) {
        best = concept.idf * saturated(tf);
        bestMass = concept.idf;
        bestWords = concept.words;
      }
      for (const group of concept.groups) {
        const fs = group.ids.map((id) => this.frequencies(passage, id));
        let groupScore = 0;
        let groupMass = 0;
        let groupWords = 0;
        if (group.typed) {
          fs.forEach((f, k) => {
            if (f > 0) {
              groupScore += group.idfs[k]! * saturated(f);
              groupMass += group.idfs[k]!;
              groupWords++;
            }
          });
        } else if (fs.every((f) => f > 0)) {
          groupScore = group.weight * concept.idf * (fs.reduce((sum, f) => sum + saturated(f), 0) / fs.length);
          groupMass = concept.idf;
          groupWords = concept.words;
        }
        if (groupScore > 0) group.ids.forEach((id, k) => fs[k]! > 0 && matchedTerms.push(this.vocabulary.term(id)));
        if (groupScore > best) {
          best = groupScore;
          bestMass = groupMass;
          bestWords = groupWords;
        }
      }
      if (best > 0) {
        score += best;
        matchedMass += bestMass * concept.coverageWeight;
        matchedWords += bestWords;
      }
    }
    if (score === 0) return null;
    return { passage, score, coverage: matchedMass / totalMass, matchedTerms: [...new Set(matchedTerms)], matchedWords };
  }

  /** Adds to each passage a share of its best neighbour's score (see PassageInput.group). */
  private shareWithNeighbors(scored: ScoredPassage[], scoring: readonly ScoringConcept[], totalMass: number): void {
    const weight = this.ranking.neighborWeight;
    if (weight === 0 || scored.length === 0) return;
    const bonus = new Map<number, number>();
    const give = (to: number, score: number) => bonus.set(to, Math.max(bonus.get(to) ?? 0, score));
    for (const hit of scored.slice(0, this.ranking.rerankDepth)) {
      if (this.followsNeighbor[hit.passage]) give(hit.passage - 1, hit.score);
      if (hit.passage + 1 < this.size && this.followsNeighbor[hit.passage + 1]) give(hit.passage + 1, hit.score);
    }
    const byPassage = new Map(scored.map((hit) => [hit.passage, hit]));
    for (const [passage, score] of bonus) {
      let hit = byPassage.get(passage);
      if (!hit) {
        hit = this.scorePassage(passage, scoring, totalMass) ?? { passage, score: 0, coverage: 0, matchedTerms: [], matchedWords: 0 };
        scored.push(hit);
      }
      hit.score += weight * score;
    }
    scored.sort((a, b) => b.score - a.score);
  }

  /**
   * Reorders the top passages by what a bag of stems cannot see: two concepts
   * the question puts side by side ("وزير الخارجية") found side by side, and
   * words found exactly as the question typed them (same prefixes and
   * endings), each worth its idf.
   */
  private rerank(scored: ScoredPassage[], scoring: readonly ScoringConcept[], typed: ReadonlyMap<number, number>): void {
    const { proximityWeight, proximityWindow, rerankDepth, exactFormWeight } = this.ranking;
    const conceptOf = new Map<number, number>();
    scoring.forEach((concept, c) => {
      for (const single of concept.singles) if (!conceptOf.has(single.id)) conceptOf.set(single.id, c);
      for (const group of concept.groups) for (const id of group.ids) if (!conceptOf.has(id)) conceptOf.set(id, c);
    });
    const top = scored.slice(0, rerankDepth);
    const lastSeen = new Int32Array(scoring.length);
    const paired = new Uint8Array(scoring.length);
    const exactSeen = new Set<number>();
    for (const hit of top) {
      lastSeen.fill(-1_000_000);
      paired.fill(0);
      exactSeen.clear();
      const sequence = this.sequences.of(hit.passage);
      const surface = this.surfaces.of(hit.passage);
      let proximity = 0;
      let exact = 0;
      for (let position = 0; position < sequence.length; position++) {
        const hash = surface[position]!;
        if (!exactSeen.has(hash)) {
          const weight = typed.get(hash);
          if (weight !== undefined) {
            exactSeen.add(hash);
            exact += weight;
          }
        }
        const c = conceptOf.get(sequence[position]!);
        if (c === undefined) continue;
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
      hit.score += proximityWeight * proximity + exactFormWeight * exact;
    }
    top.sort((a, b) => b.score - a.score);
    scored.splice(0, top.length, ...top);
  }
}
