import type { Analyzer, Token } from '../text/index.js';
import type { SynonymTable } from './synonym-table.js';

/** A way a concept may appear in a passage: one term, or several together. */
export interface Alternative {
  terms: string[];
  /** 1 for what the question says, less for an expansion */
  weight: number;
  /** the question's own words (as opposed to an expansion) */
  typed?: boolean;
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

/** Prefixes of the imperfect verb: "تحد" (she borders) and "يحدها" (it borders it) share "حد". */
const IMPERFECT = ['ي', 'ت', 'ن'];

export interface QueryPlanContext {
  analyzer: Analyzer;
  synonyms: SynonymTable;
  /** whether the index holds a term */
  known(term: string): boolean;
  expansionWeight: number;
  /** weight of another inflection of the same verb */
  verbVariantWeight: number;
}

/**
 * "تتطورالأعراض": two words typed without a space. When a word the index does
 * not know splits into two words it knows, the question meant both.
 */
function splitRunTogether(tokens: readonly Token[], context: QueryPlanContext): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const word = token.norm;
    if (context.known(token.term) || word.length < 6) {
      out.push(token);
      continue;
    }
    let best: [Token, Token] | undefined;
    for (let at = 3; at <= word.length - 3; at++) {
      const left = context.analyzer.termOf(word.slice(0, at));
      const right = context.analyzer.termOf(word.slice(at));
      if (!left || !right || !context.known(left) || !context.known(right)) continue;
      best = [
        { ...token, term: left, norm: word.slice(0, at) },
        { ...token, term: right, norm: word.slice(at) },
      ];
      if (word.startsWith('ال', at)) break; // the article marks where the second word begins
    }
    out.push(...(best ?? [token]));
  }
  return out;
}

function particleVariants(token: Token, context: QueryPlanContext): Alternative[] {
  const { analyzer, known } = context;
  const variants: Alternative[] = [];
  const seen = new Set([token.term]);
  const consider = (norm: string, weight: number) => {
    const term = analyzer.termOf(norm);
    if (term && !seen.has(term) && known(term)) {
      seen.add(term);
      variants.push({ terms: [term], weight });
    }
  };
  const word = token.norm;
  if (!/\p{Script=Arabic}/u.test(word)) return variants;
  for (const particle of FUSED) consider(particle + word, context.expansionWeight);
  if (FUSED.includes(word[0]!) && word.length > 4) consider(word.slice(1), context.expansionWeight);
  if (context.verbVariantWeight > 0) {
    if (IMPERFECT.includes(word[0]!) && word.length >= 4) {
      for (const prefix of IMPERFECT) if (prefix !== word[0]) consider(prefix + word.slice(1), context.verbVariantWeight);
      consider(word.slice(1), context.verbVariantWeight);
    } else if (word.length >= 3) {
      for (const prefix of IMPERFECT) consider(prefix + word, context.verbVariantWeight);
    }
  }
  return variants;
}

function addAlternative(list: Alternative[], alternative: Alternative): void {
  const key = alternative.terms.join(' ');
  const existing = list.find((a) => a.terms.join(' ') === key);
  if (!existing) list.push(alternative);
  else {
    existing.weight = Math.max(existing.weight, alternative.weight);
    existing.typed ||= alternative.typed;
  }
}

/**
 * Turns analyzed question tokens into concepts: synonym phrases are matched
 * first (longest wins), every other word becomes a concept of its own.
 */
export function planQuery(typed: readonly Token[], context: QueryPlanContext): Concept[] {
  const tokens = splitRunTogether(typed, context);
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
      addAlternative(alternatives, { terms: [token.term], weight: 1, typed: true });
      for (const variant of particleVariants(token, context)) addAlternative(alternatives, variant);
    } else {
      addAlternative(alternatives, { terms: terms.slice(i, i + span), weight: 1, typed: true });
    }
    for (const { group, length } of matches) {
      if (length !== span) continue;
      for (const expression of group) {
        addAlternative(alternatives, { terms: expression.terms, weight: context.expansionWeight });
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
