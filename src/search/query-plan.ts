import { type Analyzer, brokenPluralForms, normalizeText, type Token } from '../text/index.js';
import type { ForeignForm, ForeignPhrase } from './cross-language.js';
import { standardWordsFor } from './dialect-words.js';
import type { SynonymTable } from './synonym-table.js';
import {
  derivedPerfectOfImperfect,
  perfectVerbBases,
  seventhFormBase,
  verbalNounPartners,
  verbalNounsOfStem,
  verbStems,
} from './word-families.js';

/** A way a concept may appear in a passage: one term, or several together. */
export interface Alternative {
  terms: string[];
  /** 1 for what the question says, less for an expansion */
  weight: number;
  /** the question's own words (as opposed to an expansion) */
  typed?: boolean;
  /** a guess: a known term one edit away from a word the index does not know */
  guessed?: boolean;
  /**
   * A loose relative of a word the index knows: another spelling of a rare
   * name, or another form of the word. Its matches add to a passage's score
   * but not to how much of the question the passage covers.
   */
  loose?: boolean;
  /**
   * A translation of a word in the other language (see cross-language.ts):
   * how sure it is, 0…1. A concept known only through translations counts
   * toward coverage in proportion to its surest one.
   */
  confidence?: number;
}

/**
 * One thing the question asks about, however it may be written: the word
 * typed, its forms with and without fused particles, and its synonyms.
 */
export interface Concept {
  /** the question's words this concept stands for, normalized */
  words: string[];
  alternatives: Alternative[];
  /** a word in the other language than the corpus's, carried over by translation */
  foreign?: boolean;
}

/** Particles a passage may have fused to a word that the question has bare, or the reverse. */
const FUSED = ['و', 'ف', 'ب', 'ل', 'ك'];

/** The article with a particle fused before it; "لل" is ل + ال. */
const ARTICLE_WITH_PARTICLE = ['وال', 'فال', 'بال', 'كال', 'لل'];

/** How long a word one keystroke from a listed name must be to be read as that name (see planQuery). */
const MIN_NAME_TYPO_LETTERS = 6;

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
  /** known terms one edit away from an unknown word (typos) */
  typoNeighbors(term: string): string[];
  typoWeight: number;
  /** whether the index holds a term in so few passages that it may be one spelling of a name among several */
  rare(term: string): boolean;
  /** weight of a known term one edit away from a rare one */
  rareNeighborWeight: number;
  /** other forms of the word (see word-families.ts); none for a common word, whose own form finds enough */
  family(term: string): string[];
  familyWeight: number;
  /**
   * For a word typed with a hamza inside («ترأس», «رئيس», «هنأ»): the terms of
   * its root that hamza folding scatters («رياس» of «برئاسة»), see weakRootKey.
   */
  hamzaRelatives?(token: Token): string[];
  /** whether a word of the other language is a function word there ("until"): it is left out like a stop word */
  isFunctionWord?(token: Token): boolean;
  /** whether a word is in the other language than the corpus's (then it is translated, not guessed at) */
  isForeign?(token: Token): boolean;
  /** the forms in the corpus's language of a word in the other one; `name`: it is capitalized inside the question */
  foreignForms?(token: Token, name: boolean): ForeignForm[];
  /** the question's phrases in the other language, each carried over as one concept ("took part") */
  foreignPhrases?: readonly ForeignPhrase[];
  /** whether a word of the question is capitalized inside it (a name) */
  capitalized?(token: Token): boolean;
  /** weight of a translation of confidence 1 */
  translationWeight: number;
  /** confidence in another form of a translated word, relative to the translation's (0: it only reorders, as a loose relative) */
  translatedFamilyConfidence: number;
  /** see RankingParams.verbalNounConfidence */
  verbalNounConfidence?: number;
  /** the question's words that only name the kind of answer asked (see frameWords in answer-type.ts), normalized */
  frameWords?: ReadonlySet<string>;
  /** see RankingParams.frameWordWeight */
  frameWordWeight?: number;
}

/**
 * "تتطورالأعراض": two words typed without a space. When a word the index does
 * not know splits into two words it knows, the question meant both. A split
 * just before an article is preferred; pieces shorter than four letters, or a
 * piece that is the article and two letters, are not words a person typed
 * ("البروز" is not "الب" + "روز", nor "هارفرد" "هار" + "فرد").
 */
function splitRunTogether(tokens: readonly Token[], context: QueryPlanContext): Token[] {
  const out: Token[] = [];
  const plausible = (piece: string) => piece.length >= (piece.startsWith('ال') ? 5 : 4);
  for (const token of tokens) {
    const word = token.norm;
    if (context.known(token.term) || word.length < 8) {
      out.push(token);
      continue;
    }
    let split: [Token, Token] | undefined;
    for (let at = 4; at <= word.length - 4; at++) {
      const leftWord = word.slice(0, at);
      const rightWord = word.slice(at);
      if (!plausible(leftWord) || !plausible(rightWord)) continue;
      const left = context.analyzer.termOf(leftWord);
      const right = context.analyzer.termOf(rightWord);
      if (!left || !right || !context.known(left) || !context.known(right)) continue;
      split = [
        { ...token, term: left, norm: leftWord },
        { ...token, term: right, norm: rightWord },
      ];
      if (rightWord.startsWith('ال')) break; // the article marks where the second word begins
    }
    out.push(...(split ?? [token]));
  }
  return out;
}

function particleVariants(token: Token, context: QueryPlanContext): Alternative[] {
  const { analyzer, known } = context;
  const variants: Alternative[] = [];
  const seen = new Set([token.term]);
  const consider = (norm: string, weight: number, accept = (_term: string) => true) => {
    const term = analyzer.termOf(norm);
    if (term && !seen.has(term) && known(term) && accept(term)) {
      seen.add(term);
      variants.push({ terms: [term], weight });
    }
  };
  const word = token.norm;
  if (!/\p{Script=Arabic}/u.test(word)) return variants;
  for (const particle of FUSED) consider(particle + word, context.expansionWeight);
  if (FUSED.includes(word[0]!) && word.length > 4) consider(word.slice(1), context.expansionWeight);
  // a short word keeps its article and particles (stems never go below three letters): "للدم" meets "الدم"
  for (const prefix of ARTICLE_WITH_PARTICLE)
    if (word.startsWith(prefix)) consider(`ال${word.slice(prefix.length)}`, context.expansionWeight);
  if (context.verbVariantWeight > 0) {
    if (IMPERFECT.includes(word[0]!) && word.length >= 4) {
      for (const prefix of IMPERFECT) if (prefix !== word[0]) consider(prefix + word.slice(1), context.verbVariantWeight);
      consider(word.slice(1), context.verbVariantWeight);
    } else if (word.length >= 3) {
      // the imperfect of a perfect («عقد» → «يعقد»); for a word no passage has, one whose stem keeps the
      // word's: a name the stemmer cuts down with a prefix before it («نهاواي» → «نها», as «نهاية») is no verb
      const keepsStem = known(token.term) ? undefined : (term: string) => term.includes(token.term);
      for (const prefix of IMPERFECT) consider(prefix + word, context.verbVariantWeight, keepsStem);
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
    // a synonym or a form the question has is no loose relative or typo guess, whichever was added first
    if (existing.loose && !alternative.loose) delete existing.loose;
    if (existing.guessed && !alternative.guessed) delete existing.guessed;
    // a form that is both the question's own and a translation is the question's own
    if (existing.confidence !== undefined) {
      existing.confidence = alternative.confidence === undefined ? undefined : Math.max(existing.confidence, alternative.confidence);
    }
  }
}

/**
 * A word of the other language, carried over: each of its translations, with
 * the forms the corpus's own pipeline gives the translated word (particles,
 * verb prefixes, family), all weighted by how sure the translation is.
 */
function addForeignForms(
  alternatives: Alternative[],
  token: Token,
  context: QueryPlanContext,
  forms = context.foreignForms?.(token, context.capitalized?.(token) ?? false) ?? [],
): void {
  for (const form of forms) {
    const weight = context.translationWeight * form.confidence;
    addAlternative(alternatives, { terms: form.terms, weight, confidence: form.confidence });
    if (form.terms.length !== 1 || form.words?.length !== 1) continue;
    const translated: Token = { ...token, term: form.terms[0]!, norm: form.words[0]! };
    for (const variant of particleVariants(translated, context)) {
      addAlternative(alternatives, { ...variant, weight: variant.weight * weight, confidence: form.confidence });
    }
    if ((context.verbalNounConfidence ?? 0) > 0) {
      // "attend" → «حضر», and the passage's «بحضور»
      const confidence = form.confidence * context.verbalNounConfidence!;
      for (const term of verbalNounTerms(form.words[0]!, context))
        addAlternative(alternatives, { terms: [term], weight: context.verbVariantWeight * weight, confidence });
    }
    if (context.familyWeight > 0) {
      const others = [...context.family(form.terms[0]!), ...brokenPluralForms(form.terms[0]!).filter((term) => context.known(term))];
      for (const term of others) {
        // another form of the translated word ("يعلم" for "تعليم"): the dictionary gives one form, the passage may use another
        if (context.translatedFamilyConfidence > 0) {
          const confidence = form.confidence * context.translatedFamilyConfidence;
          addAlternative(alternatives, { terms: [term], weight: context.familyWeight * weight, confidence });
        } else addLoose(alternatives, term, context.familyWeight * weight);
      }
    }
  }
}

/**
 * A verb no passage holds whose verbal noun they do, or the reverse («متى اجتمع…» and «اجتماع»),
 * or whose uninflected perfect they do («تعهدت» and «تعهد»), or a seventh form whose first they do («انعقد» and «عقد»):
 * the same word in another pattern, known with `confidence` (a typo guess of the same form stops being a guess).
 */
function addVerbalNouns(alternatives: Alternative[], token: Token, context: QueryPlanContext, confidence: number): void {
  // «قدمته»: the stemmer took the pronoun off («قدمت»), the person ending is left
  const bases = [...new Set([...perfectVerbBases(token.norm), ...perfectVerbBases(token.term)])];
  // «اجتمعت»: its base «اجتمع» may be in no passage either, its verbal noun «اجتماع» is
  // «اجتمعوا»: the stemmer left «اجتمع»; «يجتمعون»: the perfect «اجتمع» of the imperfect
  const perfects = [token.term, ...[token.norm, token.term].flatMap(derivedPerfectOfImperfect)];
  const forms = [
    ...verbalNounPartners(token.norm),
    ...perfects.flatMap(verbalNounPartners),
    ...bases,
    ...bases.flatMap(verbalNounPartners),
  ];
  // «انعقد»/«انعقدت»: the first form «عقد» (not from a verbal noun: «انقطاع» is a state, «قطع» an act)
  forms.push(...[token.norm, ...bases].flatMap(seventhFormBase));
  for (const form of new Set(forms)) {
    const term = context.analyzer.termOf(form);
    if (!term || term === token.term || !context.known(term)) continue;
    const guess = alternatives.find((a) => a.guessed && a.terms.length === 1 && a.terms[0] === term);
    if (guess) Object.assign(guess, { guessed: false, confidence });
    else addAlternative(alternatives, { terms: [term], weight: context.verbVariantWeight, confidence });
  }
  // «حضرت» / «يحضر» and «بحضور»
  for (const stem of new Set([...verbStems(token.norm), ...verbStems(token.term)]))
    for (const term of verbalNounTerms(stem, context))
      if (term !== token.term) addAlternative(alternatives, { terms: [term], weight: context.verbVariantWeight, confidence });
}

/** The index terms of a verb stem's common verbal nouns the passages hold (see verbalNounsOfStem), with a particle they may fuse to one. */
function verbalNounTerms(stem: string, context: QueryPlanContext): string[] {
  const terms = new Set<string>();
  for (const noun of verbalNounsOfStem(stem))
    for (const form of [noun, ...FUSED.map((particle) => particle + noun)]) {
      const term = context.analyzer.termOf(form);
      if (term && context.known(term)) terms.add(term);
    }
  return [...terms];
}

/**
 * A dialect word no passage holds, by the Standard Arabic words news uses
 * instead («هتخلص» → «انتهاء»، «نهاية»; see dialect-words.ts), each with the
 * particles a passage may fuse to it; a typo guess of the same word stops being one.
 */
function addStandardWords(alternatives: Alternative[], token: Token, context: QueryPlanContext): void {
  for (const word of standardWordsFor(token.norm)) {
    const terms = context.analyzer.terms(word);
    if (terms.length !== 1) continue;
    const standard: Token = { ...token, term: terms[0]!, norm: normalizeText(word) };
    const forms = [
      ...(context.known(standard.term) ? [{ terms: [standard.term], weight: 1 }] : []),
      ...particleVariants(standard, context),
    ];
    // a typo guess of the same word stops being one (addAlternative)
    for (const form of forms) addAlternative(alternatives, { terms: form.terms, weight: form.weight * context.expansionWeight });
  }
}

/**
 * Another form of a hamzated root (see QueryPlanContext.hamzaRelatives), as a loose relative, with the particles
 * the stemmer left fused to it where the bare form is rare («وترأس» stays «وتراس» in a corpus with no «ترأس»).
 */
function addHamzaRelative(alternatives: Alternative[], term: string, context: QueryPlanContext): void {
  addLoose(alternatives, term, context.familyWeight);
  for (const particle of FUSED) {
    const fused = context.analyzer.termOf(particle + term);
    if (fused && fused !== term && context.known(fused)) addLoose(alternatives, fused, context.familyWeight);
  }
}

/** A loose relative never displaces or strengthens a form the question already has. */
function addLoose(list: Alternative[], term: string, weight: number): void {
  if (!list.some((a) => a.terms.length === 1 && a.terms[0] === term)) list.push({ terms: [term], weight, loose: true });
}

/**
 * Turns analyzed question tokens into concepts: synonym phrases are matched
 * first (longest wins), every other word becomes a concept of its own.
 */
export function planQuery(typed: readonly Token[], context: QueryPlanContext): Concept[] {
  const tokens = splitRunTogether(
    typed.filter((token) => !context.isFunctionWord?.(token)),
    context,
  );
  const terms = tokens.map((t) => t.term);
  const concepts: Concept[] = [];
  const seenKeys = new Set<string>();

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const phrase = context.foreignPhrases?.find((p) => p.first <= token.position && token.position <= p.last);
    if (phrase && context.isForeign?.(token)) {
      let span = 1;
      while (i + span < tokens.length && tokens[i + span]!.position <= phrase.last) span++;
      const alternatives: Alternative[] = [];
      addForeignForms(alternatives, token, context, phrase.forms);
      concepts.push({ words: tokens.slice(i, i + span).map((t) => t.norm), alternatives, foreign: true });
      i += span;
      continue;
    }
    const matches = context.synonyms.matchesAt(terms, i);
    // a one-way entry never joins the question's words into one concept (see OneWaySynonym)
    const span = matches.find((m) => !m.oneWay)?.length ?? 1;
    const words = tokens.slice(i, i + span);
    const alternatives: Alternative[] = [];

    if (span === 1) {
      addAlternative(alternatives, { terms: [token.term], weight: 1, typed: true });
      for (const variant of particleVariants(token, context)) addAlternative(alternatives, variant);
      const foreign = context.isForeign?.(token) ?? false;
      if (foreign) addForeignForms(alternatives, token, context);
      // a foreign word with no translation and no name like it may still be a typo of a word the passages have
      if (alternatives.length === 1 && !context.known(token.term) && context.typoWeight > 0) {
        const neighbors = context.typoNeighbors(token.term);
        // «تيلرسن»: one keystroke from a name the moderators listed, and from nothing else, is that name (six letters at
        // least: «السنوريات» is not «سوريا», nor «ترام» «ترامب»)
        const named = neighbors.length === 1 && token.term.length >= MIN_NAME_TYPO_LETTERS ? context.synonyms.matchesAt(neighbors, 0) : [];
        if (named.length > 0) {
          addAlternative(alternatives, { terms: [neighbors[0]!], weight: context.typoWeight });
          for (const { group } of named)
            for (const expression of group) addAlternative(alternatives, { terms: expression.terms, weight: context.expansionWeight });
        } else for (const term of neighbors) addAlternative(alternatives, { terms: [term], weight: context.typoWeight, guessed: true });
      } else if (!foreign && context.rareNeighborWeight > 0 && context.rare(token.term)) {
        // "توجو" in one passage, "توغو" in ten: a rare spelling may not be the article's
        for (const term of context.typoNeighbors(token.term)) addLoose(alternatives, term, context.rareNeighborWeight);
      }
      if (!foreign && (context.verbalNounConfidence ?? 0) > 0 && !context.known(token.term)) {
        addVerbalNouns(alternatives, token, context, context.verbalNounConfidence!);
      }
      if (!foreign && !context.known(token.term)) addStandardWords(alternatives, token, context);
      if (context.familyWeight > 0 && !foreign) {
        for (const term of context.family(token.term)) addLoose(alternatives, term, context.familyWeight);
        for (const term of context.hamzaRelatives?.(token) ?? []) addHamzaRelative(alternatives, term, context);
      }
    } else {
      addAlternative(alternatives, { terms: terms.slice(i, i + span), weight: 1, typed: true });
    }
    for (const { group, length, oneWay } of matches) {
      if (oneWay) {
        for (const expression of group.slice(1)) addAlternative(alternatives, { terms: expression.terms, weight: context.expansionWeight });
        continue;
      }
      if (length !== span) continue;
      for (const expression of group) {
        addAlternative(alternatives, { terms: expression.terms, weight: context.expansionWeight });
      }
    }

    // «في أي عام…»: every form of a frame word weighs less, its share of the question (coverage) stays
    if (span === 1 && context.frameWords?.has(token.norm) && context.frameWordWeight !== undefined) {
      for (const alternative of alternatives) alternative.weight *= context.frameWordWeight;
    }
    const key = alternatives
      .map((a) => a.terms.join(' '))
      .sort()
      .join('|');
    if (!seenKeys.has(key)) {
      seenKeys.add(key);
      const foreign = span === 1 && (context.isForeign?.(token) ?? false);
      concepts.push({ words: words.map((w) => w.norm), alternatives, ...(foreign ? { foreign } : {}) });
    }
    i += span;
  }
  return concepts;
}
