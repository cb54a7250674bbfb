import { stemArabic } from '../text/arabic-stemmer.js';
import { stemEnglish } from '../text/english-stemmer.js';
import { normalizeText } from '../text/normalize.js';
import { lemmaCandidates } from './english-lemmas.js';
import { irregularBase, irregularFamily } from './irregular-verbs.js';
import { EnglishPhrases } from './phrases.js';
import { oneEditAway } from './spelling.js';

/**
 * One translation of a word, with how ambiguous the word is.
 *
 * @example { text: 'الاجتماع', senses: 1, related: false }
 */
export interface Translation {
  /** normalized words of the other language */
  text: string;
  /** how many senses the entry it comes from has: each of many senses is weaker evidence */
  senses: number;
  /**
   * From a word of the same family, not the word itself ("seasonal" → "موسمي"
   * for "season"): it helps ranking and counts for less.
   */
  related: boolean;
  /**
   * From a WordNet synonym of the word, not the word's own entry ("pledge" →
   * "promise"'s «تعهد»): a further, weaker sense; `senses` is then how many
   * synonyms gave one.
   */
  synonym?: boolean;
}

/** Words of the family most words of the dictionary have (inflections, derivations) never exceed this. */
const MAX_RELATED = 12;
/**
 * A crude derivational family, truncation stemming: headwords of at least MIN_PREFIX_WORD letters
 * are related to those that begin with the same FAMILY_PREFIX letters, unless more than
 * MAX_PREFIX_GROUP headwords do (then the letters are a common beginning, "intern…", not a word).
 */
const FAMILY_PREFIX = 6;
const MIN_PREFIX_WORD = 8;
const MAX_PREFIX_GROUP = 8;

/**
 * A bilingual dictionary, English headwords → senses → Arabic translations
 * (see lexicon/README.md for the file), looked up both ways.
 */
export class Lexicon {
  /** verb phrases translated through their one-word synonyms ("take part" → "participate") */
  phrases: EnglishPhrases = new EnglishPhrases();
  private readonly entries = new Map<string, string>();
  /** headword → its synonyms' translations (third column): `translation,translation|…`, one group per synonym */
  private readonly synonyms = new Map<string, string>();
  private byStem: Map<string, string[]> | undefined;
  private byPrefix: Map<string, string[]> | undefined;
  private byLemma: Map<string, string[]> | undefined;
  private byArabicStem: Map<string, string[]> | undefined;

  /**
   * Parses lexicon/eng-ara.tsv: `headword<TAB>sense|sense[<TAB>synonyms]`, a
   * sense being `translation,translation`; nothing after the tab for a
   * function word; the synonyms' translations, grouped the same way, in a
   * third column (a word only WordNet knows has an empty second one).
   */
  static parse(text: string): Lexicon {
    const lexicon = new Lexicon();
    for (const line of text.split('\n')) {
      const [headword, senses, synonyms] = line.split('\t');
      if (!headword || senses === undefined) continue;
      if (synonyms) lexicon.synonyms.set(headword, synonyms);
      if (senses || !synonyms) lexicon.entries.set(headword, senses);
    }
    return lexicon;
  }

  get size(): number {
    return this.entries.size;
  }

  private senses(headword: string): string[][] | undefined {
    const line = this.entries.get(headword);
    return line === undefined ? undefined : line ? line.split('|').map((sense) => sense.split(',')) : [];
  }

  private synonymSenses(headword: string): string[][] {
    const line = this.synonyms.get(headword);
    return line ? line.split('|').map((sense) => sense.split(',')) : [];
  }

  private has(word: string): boolean {
    return this.entries.has(word) || this.synonyms.has(word);
  }

  /** The word, if it is a headword with translations (not a function word). */
  private withTranslations(word: string | undefined): string | undefined {
    return word && this.entries.get(word) ? word : undefined;
  }

  /** Whether a word is a headword itself (not only through its dictionary form or family). */
  hasHeadword(word: string): boolean {
    return this.entries.has(word);
  }

  /** Whether the dictionary has the word, as itself, its dictionary form or an irregular verb's base (not only its relatives). */
  knows(word: string): boolean {
    return (
      this.has(word) ||
      lemmaCandidates(word).some((candidate) => this.has(candidate)) ||
      this.withTranslations(irregularBase(word)) !== undefined
    );
  }

  /** Headwords with translations one keystroke from a word the dictionary lacks ("countires"); see oneEditAway. */
  spellingNeighbors(word: string): string[] {
    return oneEditAway(word, (candidate) => Boolean(this.entries.get(candidate)));
  }

  /** Whether every translation of a word is an Arabic function word ("until" → "حتى"): then it is one too. */
  isFunctionWord(word: string): boolean {
    return this.entries.get(word) === '';
  }

  /**
   * Arabic translations of a normalized English word: its own entry (or that of
   * its dictionary form, "meetings" → "meeting"), then, marked related, those of
   * the other headwords with its stem.
   */
  translate(word: string): Translation[] {
    const headword = this.has(word)
      ? word
      : (lemmaCandidates(word).find((candidate) => this.has(candidate)) ?? this.withTranslations(irregularBase(word)));
    const out: Translation[] = [];
    const seen = new Set<string>();
    const add = (text: string, senses: number, related: boolean, synonym = false) => {
      if (!seen.has(text)) {
        seen.add(text);
        out.push(synonym ? { text, senses, related, synonym } : { text, senses, related });
      }
    };
    if (headword) {
      // "held" is "hold" too: the two entries are one word of more senses
      const base = headword === word ? this.withTranslations(irregularBase(word)) : undefined;
      const baseSenses = base ? this.senses(base)! : [];
      const senses = this.senses(headword) ?? [];
      const count = senses.length + baseSenses.length;
      for (const sense of senses) for (const text of sense) add(text, count, false);
      // "meetings": the entry of "meeting" may add a singular the plural's entry lacks
      const lemmas = headword === word ? lemmaCandidates(word).filter((lemma) => this.has(lemma)) : [];
      for (const lemma of lemmas) for (const sense of this.senses(lemma) ?? []) for (const text of sense) add(text, count, false);
      for (const sense of baseSenses) for (const text of sense) add(text, count, false);
      // WordNet's synonyms of the word (or of its dictionary form): further senses, weaker
      const synonymSenses = [headword, ...lemmas, ...(base ? [base] : [])].flatMap((w) => this.synonymSenses(w));
      for (const sense of synonymSenses) for (const text of sense) add(text, synonymSenses.length, false, true);
    }
    const family = [...(this.stemIndex().get(stemEnglish(word)) ?? [])];
    for (const inflection of this.inflectionIndex().get(headword ?? word) ?? []) if (!family.includes(inflection)) family.push(inflection);
    // "take" also gets the translations of "took" («أخذ»): forms no suffix rule relates
    for (const form of irregularFamily(headword ?? word)) if (this.entries.has(form) && !family.includes(form)) family.push(form);
    if (family.length <= MAX_RELATED) {
      for (const other of family) {
        if (other === headword) continue;
        const senses = this.senses(other)!;
        for (const sense of senses) for (const text of sense) add(text, senses.length, true);
      }
    }
    // derivations the stemmer keeps apart ("scientific", "scientist"; "achievements", "achiever"): the
    // headwords that begin with the same six letters, when few do
    if (word.length >= MIN_PREFIX_WORD) {
      const group = this.prefixIndex().get(word.slice(0, FAMILY_PREFIX)) ?? [];
      if (group.length <= MAX_PREFIX_GROUP) {
        for (const other of group) {
          if (other === headword || family.includes(other)) continue;
          const senses = this.senses(other)!;
          for (const sense of senses) for (const text of sense) add(text, senses.length, true);
        }
      }
    }
    return out;
  }

  /**
   * English headwords with a one-word translation whose light stem is that of
   * a normalized Arabic word ("اجتماعات" → "meeting", "meet", …), most
   * specific first: the fewer translations a headword has, the more it means this word.
   */
  reverse(word: string): { headword: string; senses: number }[] {
    const headwords = this.arabicIndex().get(stemArabic(word)) ?? [];
    return headwords.map((headword) => ({ headword, senses: headwords.length }));
  }

  /** headword → the headwords that are its inflections ("die" → "dies"), which the English stemmer may keep apart ("die", "di") */
  private inflectionIndex(): Map<string, string[]> {
    if (!this.byLemma) {
      const index = new Map<string, string[]>();
      for (const headword of this.entries.keys()) {
        for (const lemma of lemmaCandidates(headword)) {
          if (!this.entries.has(lemma)) continue;
          const list = index.get(lemma);
          if (list) list.push(headword);
          else index.set(lemma, [headword]);
        }
      }
      this.byLemma = index;
    }
    return this.byLemma;
  }

  /** first FAMILY_PREFIX letters → the headwords that begin with them */
  private prefixIndex(): Map<string, string[]> {
    if (!this.byPrefix) {
      const index = new Map<string, string[]>();
      for (const headword of this.entries.keys()) {
        if (headword.length < FAMILY_PREFIX) continue;
        const key = headword.slice(0, FAMILY_PREFIX);
        const list = index.get(key);
        if (list) list.push(headword);
        else index.set(key, [headword]);
      }
      this.byPrefix = index;
    }
    return this.byPrefix;
  }

  private stemIndex(): Map<string, string[]> {
    if (!this.byStem) {
      const index = new Map<string, string[]>();
      for (const headword of this.entries.keys()) {
        const stem = stemEnglish(headword);
        const list = index.get(stem);
        if (list) list.push(headword);
        else index.set(stem, [headword]);
      }
      this.byStem = index;
    }
    return this.byStem;
  }

  private arabicIndex(): Map<string, string[]> {
    if (!this.byArabicStem) {
      const index = new Map<string, string[]>();
      for (const [headword, line] of this.entries) {
        for (const text of new Set(line.split(/[|,]/))) {
          if (!text || text.includes(' ')) continue;
          const stem = stemArabic(normalizeText(text));
          const list = index.get(stem);
          if (!list) index.set(stem, [headword]);
          else if (!list.includes(headword)) list.push(headword);
        }
      }
      this.byArabicStem = index;
    }
    return this.byArabicStem;
  }
}
