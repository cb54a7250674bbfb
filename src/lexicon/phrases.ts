import { lemmaCandidates } from './english-lemmas.js';
import { irregularBase } from './irregular-verbs.js';

/** Longest phrase looked for, in words ("take part in" is found as "take part"). */
const MAX_PHRASE_WORDS = 3;

/** Where a phrase stands among a question's words, and the one-word headwords that say what it means. */
export interface PhraseMatch {
  /** ordinals of its first and last word among the question's words (every word counted) */
  first: number;
  last: number;
  phrase: string;
  synonyms: string[];
}

/**
 * English verb phrases whose meaning is not that of their words ("take part" is
 * "participate", not "take" and "part"), each with the one-word verbs WordNet
 * gives for its usual sense (lexicon/eng-phrases.tsv, lexicon/README.md). A
 * question's phrase is translated through those verbs.
 */
export class EnglishPhrases {
  private readonly entries = new Map<string, string[]>();

  /** Parses `phrase<TAB>synonym,synonym` lines. */
  static parse(text: string): EnglishPhrases {
    const phrases = new EnglishPhrases();
    for (const line of text.split('\n')) {
      const [phrase, synonyms] = line.split('\t');
      if (phrase && synonyms) phrases.entries.set(phrase, synonyms.split(','));
    }
    return phrases;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The phrases among normalized words, longest first where two overlap; its
   * first word may be inflected ("took part", "taking place"), the rest are as written.
   */
  find(words: readonly string[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    if (this.entries.size === 0) return found;
    for (let i = 0; i < words.length - 1; ) {
      const match = this.longestAt(words, i);
      if (match) {
        found.push(match);
        i = match.last + 1;
      } else i++;
    }
    return found;
  }

  private longestAt(words: readonly string[], i: number): PhraseMatch | undefined {
    const first = words[i]!;
    const heads = [first, irregularBase(first), ...lemmaCandidates(first)].filter((w): w is string => w !== undefined);
    for (let length = Math.min(MAX_PHRASE_WORDS, words.length - i); length >= 2; length--) {
      const rest = words.slice(i + 1, i + length).join(' ');
      for (const head of heads) {
        const phrase = `${head} ${rest}`;
        const synonyms = this.entries.get(phrase);
        if (synonyms) return { first: i, last: i + length - 1, phrase, synonyms };
      }
    }
    return undefined;
  }
}
