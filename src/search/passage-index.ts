import { createAnalyzer, type Analyzer } from '../text/index.js';
import type { SynonymGroup } from '../corpus/index.js';
import { createFlexPassageIndex, type FlexPassageIndex } from './flex-index.js';
import { ForwardIndexBuilder, type ForwardIndex } from './forward-index.js';
import { Vocabulary } from './vocabulary.js';
import { SynonymTable } from './synonym-table.js';
import { planQuery, type Concept } from './query-plan.js';
import { DEFAULT_RANKING, idf, saturate, type RankingParams } from './bm25.js';

/** What gets indexed: a passage's text and the title of the article it is from. */
export interface PassageInput {
  text: string;
  title?: string;
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
}

/** How the question was read: its concepts, how rare each is, and whether the index knows it. */
export interface ConceptSummary {
  words: string[];
  idf: number;
  known: boolean;
}

export interface SearchOutcome {
  hits: ScoredPassage[];
  concepts: ConceptSummary[];
}

interface WeightedTerm {
  id: number;
  weight: number;
}

interface ScoringConcept {
  singles: WeightedTerm[];
  groups: { ids: number[]; idfs: number[]; weight: number }[];
  probes: { probe: string; df: number }[];
  idf: number;
  df: number;
}

const DEFAULT_CANDIDATE_BUDGET = 4000;

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
  private readonly synonyms: SynonymTable;
  private readonly ranking: RankingParams;
  private readonly candidateBudget: number;
  private readonly candidateMark: Uint8Array;

  private constructor(parts: {
    analyzer: Analyzer; flex: FlexPassageIndex; vocabulary: Vocabulary; body: ForwardIndex; titles: ForwardIndex;
    titleOf: Int32Array; sequences: SequenceStore; synonyms: SynonymTable; ranking: RankingParams; candidateBudget: number;
  }) {
    this.analyzer = parts.analyzer;
    this.flex = parts.flex;
    this.vocabulary = parts.vocabulary;
    this.body = parts.body;
    this.titles = parts.titles;
    this.titleOf = parts.titleOf;
    this.sequences = parts.sequences;
    this.synonyms = parts.synonyms;
    this.ranking = parts.ranking;
    this.candidateBudget = parts.candidateBudget;
    this.size = parts.body.size;
    this.candidateMark = new Uint8Array(this.size);
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
      titleOf: this.titleOf, sequences: this.sequences, synonyms: new SynonymTable(groups, this.analyzer),
      ranking: this.ranking, candidateBudget: this.candidateBudget,
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
    const flex = createFlexPassageIndex(analyzer);

    passages.forEach((passage, i) => {
      const ids = analyzer.terms(passage.text).map((t) => vocabulary.intern(t));
      body.add(ids);
      sequences.add(ids);
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
    });
    sequences.compact();

    return new PassageIndex({
      analyzer, flex, vocabulary, body: body.build(), titles: titles.build(), titleOf, sequences,
      synonyms: new SynonymTable(options.synonyms ?? [], analyzer),
      ranking, candidateBudget: options.candidateBudget ?? DEFAULT_CANDIDATE_BUDGET,
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
    });
    const scoring = concepts.map((c) => this.toScoring(c));
    const summaries = concepts.map((c, i) => ({ words: c.words, idf: scoring[i]!.idf, known: scoring[i]!.df > 0 }));
    const totalMass = scoring.reduce((sum, c) => sum + c.idf, 0);
    if (totalMass === 0) return { hits: [], concepts: summaries };

    const candidates = this.gatherCandidates(scoring);
    const scored: ScoredPassage[] = [];
    for (const passage of candidates) {
      const hit = this.scorePassage(passage, scoring, totalMass);
      if (hit) scored.push(hit);
    }
    scored.sort((a, b) => b.score - a.score);
    this.rerankByProximity(scored, scoring);
    return { hits: scored.slice(0, limit), concepts: summaries };
  }

  private toScoring(concept: Concept): ScoringConcept {
    const n = this.size;
    const singles: WeightedTerm[] = [];
    const groups: ScoringConcept['groups'] = [];
    const probes: ScoringConcept['probes'] = [];
    let singleDf = 0;
    let groupDf = 0;
    for (const alternative of concept.alternatives) {
      const ids = alternative.terms.map((t) => this.vocabulary.id(t));
      if (ids.some((id) => id === undefined)) continue;
      const known = ids as number[];
      const dfs = known.map((id) => this.vocabulary.df(id));
      if (known.length === 1) {
        singles.push({ id: known[0]!, weight: alternative.weight });
        singleDf += dfs[0]!;
      } else {
        groups.push({ ids: known, idfs: dfs.map((df) => idf(df, n)), weight: alternative.weight });
        groupDf = Math.max(groupDf, Math.min(...dfs));
      }
      probes.push({ probe: alternative.probe, df: Math.min(...dfs) });
    }
    const df = Math.min(n, Math.max(singleDf, groupDf));
    return { singles, groups, probes, df, idf: idf(df, n) };
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
    let score = 0;
    let matchedMass = 0;
    const matchedTerms: string[] = [];
    for (const concept of scoring) {
      let conceptScore = 0;
      let tf = 0;
      for (const single of concept.singles) {
        const f = this.frequencies(passage, single.id);
        if (f > 0) {
          tf += single.weight * f;
          matchedTerms.push(this.vocabulary.term(single.id));
        }
      }
      if (tf > 0) conceptScore = concept.idf * saturate(tf, length, average, this.ranking);
      for (const group of concept.groups) {
        const fs = group.ids.map((id) => this.frequencies(passage, id));
        if (fs.some((f) => f === 0)) continue;
        const mean = fs.reduce((sum, f, k) => sum + group.idfs[k]! * saturate(f, length, average, this.ranking), 0) / fs.length;
        conceptScore = Math.max(conceptScore, group.weight * mean);
        matchedTerms.push(...group.ids.map((id) => this.vocabulary.term(id)));
      }
      if (conceptScore > 0) {
        score += conceptScore;
        matchedMass += concept.idf;
      }
    }
    if (score === 0) return null;
    return { passage, score, coverage: matchedMass / totalMass, matchedTerms: [...new Set(matchedTerms)] };
  }

  /**
   * Two concepts the question puts side by side ("وزير الخارجية") are worth
   * more when the passage has them side by side too.
   */
  private rerankByProximity(scored: ScoredPassage[], scoring: readonly ScoringConcept[]): void {
    const { proximityWeight, proximityWindow, rerankDepth } = this.ranking;
    if (proximityWeight === 0 || scoring.length < 2) return;
    const conceptOf = new Map<number, number>();
    scoring.forEach((concept, c) => {
      for (const single of concept.singles) if (!conceptOf.has(single.id)) conceptOf.set(single.id, c);
      for (const group of concept.groups) for (const id of group.ids) if (!conceptOf.has(id)) conceptOf.set(id, c);
    });
    const top = scored.slice(0, rerankDepth);
    const lastSeen = new Int32Array(scoring.length);
    const paired = new Uint8Array(scoring.length);
    for (const hit of top) {
      lastSeen.fill(-1_000_000);
      paired.fill(0);
      const sequence = this.sequences.of(hit.passage);
      let bonus = 0;
      for (let position = 0; position < sequence.length; position++) {
        const c = conceptOf.get(sequence[position]!);
        if (c === undefined) continue;
        lastSeen[c] = position;
        // pair (c-1, c) is stored at c; pair (c, c+1) at c+1
        if (c > 0 && !paired[c] && position - lastSeen[c - 1]! <= proximityWindow) {
          paired[c] = 1;
          bonus += Math.min(scoring[c - 1]!.idf, scoring[c]!.idf);
        }
        if (c + 1 < scoring.length && !paired[c + 1] && position - lastSeen[c + 1]! <= proximityWindow) {
          paired[c + 1] = 1;
          bonus += Math.min(scoring[c]!.idf, scoring[c + 1]!.idf);
        }
      }
      hit.score += proximityWeight * bonus;
    }
    top.sort((a, b) => b.score - a.score);
    scored.splice(0, top.length, ...top);
  }
}
