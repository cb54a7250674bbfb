import type { Lexicon } from '../lexicon/index.js';
import { type Analyzer, hasArabicLetter, nameDistance, type Token, tokenize } from '../text/index.js';
import type { NameIndex } from './name-index.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * A way a word of the other language may appear in the passages, as index
 * terms. `confidence` (0…1) is how sure the translation is: a word of one
 * sense gives 1, one of four senses 0.5, a name recognized by its sound less.
 *
 * @example { terms: ['اجتماع'], confidence: 1 } // for "meeting"
 */
export interface ForeignForm {
  terms: string[];
  /** the normalized words the terms come from, when known: the corpus's pipeline expands their forms */
  words?: string[];
  confidence: number;
}

/** A phrase of the question (see EnglishPhrases): the ordinals of its first and last word, and its forms. */
export interface ForeignPhrase {
  first: number;
  last: number;
  forms: ForeignForm[];
}

export interface CrossLanguageWeights {
  /** confidence of a translation borrowed from a word of the same family ("seasonal" for "season") */
  relatedConfidence: number;
  /** confidence of a name found by its consonant skeleton, when it is the only spelling that matches */
  nameConfidence: number;
  /** an Arabic word that translates more English headwords than this is generic: its confidence falls (0: off) */
  genericFanIn: number;
}

/** More equally near spellings than this, and the name is too common a sound to say which word it is. */
const MAX_NAME_CANDIDATES = 4;
/**
 * Farther than this (see nameDistance), a word only shares its consonants with the name; a long
 * name has more vowels each script may write or leave out ("Cambridge" / «كامبريدج» and
 * "Jacksonville" / «جاكسونفيل» are 1 apart), so the limit grows with it, by this much per letter.
 */
const MAX_NAME_DISTANCE = 0.8;
const NAME_DISTANCE_PER_LETTER = 0.125;
/** Spellings this much farther than the nearest still count as the same name; when that makes too many, only those this near. */
const NAME_DISTANCE_SLACK = 0.5;
const NEAREST_SLACK = 0.1;
/**
 * Confidence of a translation borrowed from a WordNet synonym of the word (lexicon/README.md), before
 * its ambiguity: the dictionary translated the synonym in its own usual sense, which may not be the one
 * they share. Higher lifts more English questions over the floor and answers more off-corpus ones.
 */
const SYNONYM_CONFIDENCE = 0.25;
/** Shorter English words are too often a keystroke from several others to say which was meant. */
const MIN_MISSPELLED_LENGTH = 5;
/** Confidence of the translations of the headword a misspelled word is read as, relative to its own. */
const MISSPELLING_CONFIDENCE = 0.6;
/** Confidence of a phrase's own word after its verb ("place" in "take place"), relative to its translation alone. */
const PHRASE_WORD_CONFIDENCE = 0.5;
const LATIN_WORD = /^[a-z]+$/;
const LATIN_LETTER = /[A-Za-z]/;
const ARABIC_LETTER = /[\u0621-\u064a]/;
const ROMAN = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/**
 * Carries a question's words into the language of the corpus: English words
 * through the lexicon's translations and, for names, through the consonant
 * skeletons of the corpus's words; Arabic words over an English corpus through
 * the same lexicon read backwards. Words in the corpus's own language are left
 * to the rest of the pipeline.
 */
export class CrossLanguage {
  private corpusIsArabic: boolean | undefined;

  private get lexicon(): Lexicon {
    return this.lexiconOf();
  }

  constructor(
    private readonly lexiconOf: () => Lexicon,
    private readonly names: NameIndex,
    private readonly vocabulary: Vocabulary,
    private readonly analyzer: Analyzer,
    private readonly weights: CrossLanguageWeights,
  ) {}

  /** Whether most of the index's terms are Arabic; worked out once. */
  private arabicCorpus(): boolean {
    if (this.corpusIsArabic === undefined) {
      let arabic = 0;
      let latin = 0;
      for (let id = 0; id < this.vocabulary.size; id++) {
        const term = this.vocabulary.term(id);
        if (hasArabicLetter(term)) arabic += this.vocabulary.df(id);
        else if (LATIN_WORD.test(term)) latin += this.vocabulary.df(id);
      }
      this.corpusIsArabic = arabic >= latin;
    }
    return this.corpusIsArabic;
  }

  /** Whether a question word is in the other language than the corpus's. */
  isForeign(token: Token): boolean {
    if (hasArabicLetter(token.norm)) return !this.arabicCorpus();
    return LATIN_WORD.test(token.norm) && this.arabicCorpus();
  }

  /** Whether a question has a letter of the other language's script at all: most have none. */
  mayApplyTo(question: string): boolean {
    return (this.arabicCorpus() ? LATIN_LETTER : ARABIC_LETTER).test(question);
  }

  /** A foreign word that only says how the others relate ("until", "upon"), unless written as a name. */
  isFunctionWord(token: Token, name: boolean): boolean {
    return !name && !hasArabicLetter(token.norm) && this.isForeign(token) && this.lexicon.isFunctionWord(token.norm);
  }

  /** Words written as digits in the passages: "XXXIII" → "33" (Super Bowl XXXIII, Louis XIV). */
  private romanNumeral(word: string): ForeignForm[] {
    if (word.length < 2 || !ROMAN.test(word)) return [];
    let value = 0;
    for (let i = 0; i < word.length; i++) {
      const here = ROMAN_VALUES[word[i]!]!;
      const next = ROMAN_VALUES[word[i + 1] ?? ''] ?? 0;
      value += here < next ? -here : here;
    }
    return [{ terms: [String(value)], confidence: 1 }];
  }

  /**
   * The corpus-language forms of a foreign word. `name`: the word looks like
   * a name (capitalized inside the question), so its spellings by sound are
   * looked for even when the dictionary knows the word.
   */
  formsOf(token: Token, name: boolean): ForeignForm[] {
    if (!this.isForeign(token)) return [];
    const forms = hasArabicLetter(token.norm) ? this.englishForms(token.norm) : this.arabicForms(token.norm);
    if (forms.length === 0) forms.push(...this.romanNumeral(token.norm));
    // a word the dictionary has is a name only when written as one ("child" is not "خالد"); one the
    // passages have as typed ("INCB") is found as it is, and when written as a name also by its sound:
    // an Arabic text that quotes "Tesla" once in Latin letters writes «تسلا» everywhere else
    if (name || (forms.length === 0 && this.vocabulary.id(token.term) === undefined)) forms.push(...this.namesLike(token.norm));
    // also when a word the dictionary does not know found only relatives by its first letters ("countires": «الحساب»)
    if (!name) forms.push(...this.misspelled(token.norm));
    return forms;
  }

  /**
   * An English word neither the dictionary nor the corpus's names know, read
   * as the one headword a keystroke away ("countires" → "countries"), or the
   * one of several whose translation the passages have; its translations
   * weaker. Nothing when the word is short or it cannot say which.
   */
  private misspelled(word: string): ForeignForm[] {
    if (hasArabicLetter(word) || word.length < MIN_MISSPELLED_LENGTH || this.lexicon.knows(word)) return [];
    // of several as near, the one the passages have a translation of ("coalision": coalition, not collision)
    const near = this.lexicon.spellingNeighbors(word).map((headword) => ({ headword, forms: this.arabicForms(headword) }));
    const inCorpus = near.filter(({ forms }) => forms.some((form) => form.terms.every((term) => this.vocabulary.id(term) !== undefined)));
    const meant = near.length === 1 ? near[0] : inCorpus.length === 1 ? inCorpus[0] : undefined;
    return meant?.forms.map((form) => ({ ...form, confidence: form.confidence * MISSPELLING_CONFIDENCE })) ?? [];
  }

  /**
   * The verb phrases of an English question over Arabic passages ("took part"),
   * each carried over through its one-word synonyms' translations ("participate"
   * → «شارك»), shared among them: its words' own translations («أخذ», «جزء») say
   * something else.
   */
  phrasesIn(question: string): ForeignPhrase[] {
    if (!this.arabicCorpus()) return [];
    const words = tokenize(question);
    return this.lexicon.phrases.find(words.map((w) => w.norm)).flatMap(({ first, last, synonyms }) => {
      const share = 1 / Math.sqrt(synonyms.length);
      const forms = synonyms.flatMap((synonym) =>
        this.arabicForms(synonym).map((form) => ({ ...form, confidence: form.confidence * share })),
      );
      if (forms.length === 0) return [];
      // "take place" may yet be about a place: the phrase's content words after its verb, as weaker evidence
      for (const { norm } of words.slice(first + 1, last + 1)) {
        if (this.analyzer.termOf(norm) === null || this.lexicon.isFunctionWord(norm)) continue;
        forms.push(...this.arabicForms(norm).map((form) => ({ ...form, confidence: form.confidence * PHRASE_WORD_CONFIDENCE })));
      }
      return [{ first, last, forms }];
    });
  }

  private arabicForms(word: string): ForeignForm[] {
    return this.lexicon
      .translate(word)
      .map(({ text, senses, related, synonym }) => {
        const words = text.split(' ');
        const kind = related ? this.weights.relatedConfidence : synonym ? SYNONYM_CONFIDENCE : 1;
        return {
          terms: this.analyzer.terms(text),
          words,
          confidence: (kind / Math.sqrt(senses)) * this.specificity(words),
        };
      })
      .filter((form) => form.terms.length > 0);
  }

  /**
   * How specific an Arabic translation is: a word that translates dozens of
   * English words ("عمل": act, action, work, job…) says little about what a
   * passage is about, so matching it is weaker evidence.
   */
  private specificity(words: readonly string[]): number {
    const { genericFanIn } = this.weights;
    if (genericFanIn <= 0) return 1;
    const fanIn = Math.min(...words.map((w) => this.lexicon.reverse(w).length || 1));
    return Math.min(1, Math.sqrt(genericFanIn / fanIn));
  }

  private englishForms(word: string): ForeignForm[] {
    return this.lexicon.reverse(word).flatMap(({ headword, senses }) => {
      const term = this.analyzer.termOf(headword);
      return term === null ? [] : [{ terms: [term], words: [headword], confidence: 1 / Math.sqrt(senses) }];
    });
  }

  /**
   * Words of the corpus that sound like a name: same consonants (the skeleton
   * lookup), then the nearest spellings by vowels (nameDistance); shared
   * evenly when several are as near.
   */
  private namesLike(word: string): ForeignForm[] {
    const arabic = hasArabicLetter(word);
    const scored = this.names
      .of(word)
      .filter((named) => hasArabicLetter(named.word) !== arabic)
      .map((named) => ({ ...named, distance: arabic ? nameDistance(named.word, word) : nameDistance(word, named.word) }));
    const best = Math.min(...scored.map((s) => s.distance));
    if (!(best <= Math.max(MAX_NAME_DISTANCE, NAME_DISTANCE_PER_LETTER * word.length))) return [];
    const within = (slack: number) => [...new Set(scored.filter((s) => s.distance <= best + slack).map((s) => s.term))];
    // a short name shares its consonants with many words ("Lady" «ليدي», "Moon" «مون»): then only the nearest count
    let terms = within(NAME_DISTANCE_SLACK);
    if (terms.length > MAX_NAME_CANDIDATES) terms = within(NEAREST_SLACK);
    if (terms.length > MAX_NAME_CANDIDATES) return [];
    const confidence = this.weights.nameConfidence / Math.sqrt(terms.length);
    return terms.map((id) => ({ terms: [this.vocabulary.term(id)], confidence }));
  }
}
