import type { Analyzer, Token } from '../text/index.js';
import type { SynonymTable } from './synonym-table.js';

/** A way a concept may appear in a passage: one term, or several together. */
export interface Alternative {
  terms: string[];
  /** text FlexSearch is asked for; the encoder turns it back into `terms` */
  probe: string;
  /** 1 for what the question says, less for an expansion */
  weight: number;
}

/**
 * One thing the question asks about, however it may be written: the word
 * typed, its forms with and without fused particles, and its synonyms.
 */
export interface Concept {
  /** the question's words this concept stands for, normalized */
  words: string[];
  alternatives: Alternative[];
}

/** Particles a passage may have fused to a word that the question has bare, or the reverse. */
const FUSED = ['و', 'ف', 'ب', 'ل', 'ك'];

export interface QueryPlanContext {
  analyzer: Analyzer;
  synonyms: SynonymTable;
  /** whether the index holds a term */
  known(term: string): boolean;
  expansionWeight: number;
}

function particleVariants(token: Token, context: QueryPlanContext): Alternative[] {
  const { analyzer, known } = context;
  const variants: Alternative[] = [];
  const seen = new Set([token.term]);
  const consider = (norm: string) => {
    const term = analyzer.termOf(norm);
    if (term && !seen.has(term) && known(term)) {
      seen.add(term);
      variants.push({ terms: [term], probe: norm, weight: context.expansionWeight });
    }
  };
  if (/\p{Script=Arabic}/u.test(token.norm)) {
    for (const particle of FUSED) consider(particle + token.norm);
    if (FUSED.includes(token.norm[0]!) && token.norm.length > 4) consider(token.norm.slice(1));
  }
  return variants;
}

function addAlternative(list: Alternative[], alternative: Alternative): void {
  const key = alternative.terms.join(' ');
  const existing = list.find((a) => a.terms.join(' ') === key);
  if (!existing) list.push(alternative);
  else existing.weight = Math.max(existing.weight, alternative.weight);
}

/**
 * Turns analyzed question tokens into concepts: synonym phrases are matched
 * first (longest wins), every other word becomes a concept of its own.
 */
export function planQuery(tokens: readonly Token[], context: QueryPlanContext): Concept[] {
  const terms = tokens.map((t) => t.term);
  const concepts: Concept[] = [];
  const seenKeys = new Set<string>();

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const matches = context.synonyms.matchesAt(terms, i);
    const span = matches[0]?.length ?? 1;
    const words = tokens.slice(i, i + span);
    const alternatives: Alternative[] = [];

    if (span === 1) {
      addAlternative(alternatives, { terms: [token.term], probe: token.norm, weight: 1 });
      for (const variant of particleVariants(token, context)) addAlternative(alternatives, variant);
    } else {
      addAlternative(alternatives, { terms: terms.slice(i, i + span), probe: words.map((w) => w.norm).join(' '), weight: 1 });
    }
    for (const { group, length } of matches) {
      if (length !== span) continue;
      for (const expression of group) {
        addAlternative(alternatives, { terms: expression.terms, probe: expression.text, weight: context.expansionWeight });
      }
    }

    const key = alternatives.map((a) => a.terms.join(' ')).sort().join('|');
    if (!seenKeys.has(key)) {
      seenKeys.add(key);
      concepts.push({ words: words.map((w) => w.norm), alternatives });
    }
    i += span;
  }
  return concepts;
}
