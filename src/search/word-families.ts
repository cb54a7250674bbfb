import type { Vocabulary } from './vocabulary.js';

/** Prefixes of derived forms: the tenth form, the imperfect verb, the participle, the verbal noun. */
const DERIVATION_PREFIXES = ['است', 'ت', 'ي', 'ن', 'م', 'ا'];
const ARABIC_WORD = /^[\u0621-\u064a]+$/;

/**
 * What is left of a stem once one derivation prefix and every long vowel after
 * the first letter are removed: "تشخيص" and "يشخص" both give "شخص", "اكتشاف"
 * and "يكتشف" both "كتشف". A crude key (it also sends "شخص", a person, there),
 * so its matches count for little; see WordFamilies.
 */
export function familyKey(stem: string): string | undefined {
  if (!ARABIC_WORD.test(stem)) return undefined;
  let word = stem;
  for (const prefix of DERIVATION_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
      word = word.slice(prefix.length);
      break;
    }
  }
  const key = word[0]! + word.slice(1).replace(/[اوي]/g, '');
  return key.length >= 3 ? key : undefined;
}

/** Letters that may be a hamza's seat or a weak radical once hamza is folded: «رئيس» is «رييس», «سؤال» «سوال», «بدأ» «بدا». */
const WEAK = 'اويء';
const WEAK_RUN = /[اويء]+/g;
/** What a medial hamza leaves once folded, as a long vowel rarely is alone: «يي» (ئي), «يا» (ئا), «وا» (ؤا), «وو» (ؤو), «ء». */
const HAMZA_SEAT_RUN = /[اوي][اوي]|ء/;
/** Particles the stemmer may leave fused to a word (see clitics.ts). */
const FUSED_PARTICLES = ['و', 'ف', 'ب', 'ل', 'ك'];

/**
 * The two strong radicals of a stem whose third (or second) is a hamza or a
 * weak letter, which normalization and the stemmer turn into a long vowel or
 * drop: derivation prefixes are stripped (up to two, «يت», while two
 * consonants remain), a run of weak letters between the radicals becomes
 * «*», one before or after them is left out. «رييس» (رئيس), «رياس» (رئاسة),
 * «تراس» (ترأس) and «روساء» (رؤساء) all give «ر*س»; «سوال», «مسال», «يتساءل»
 * «س*ل»; «بدا» (بدأ), «يبد» (يبدأ), «مبد» (مبدئي) «بد»; «زيار», «يزور» «ز*ر».
 * Undefined for a stem with three strong letters or more, whose familyKey
 * already groups it. Cruder still than familyKey («روس», Russians, is «ر*س»
 * too), so its matches count as little.
 */
export function weakRootKey(stem: string): string | undefined {
  if (!ARABIC_WORD.test(stem)) return undefined;
  const bare = weakCore(stem);
  if (bare.core.replace('*', '').length === 2) return bare.core;
  // «برياس» (برئاسة), «وتراس» (وترأس): the stemmer keeps a particle whose bare form is rare. Behind it, only a run
  // a hamza's seat leaves («يا», «وو», «ء») or a derived form («تراس») tell it from a root letter («كتاب», «فريق»)
  if (!FUSED_PARTICLES.includes(stem[0]!)) return undefined;
  const rest = stem.slice(1);
  const fused = weakCore(rest);
  const fits = fused.core.replace('*', '').length === 2 && fused.core.includes('*');
  return fits && (fused.derived || HAMZA_SEAT_RUN.test(rest)) ? fused.core : undefined;
}

/** A stem without its derivation prefixes (up to two, «يت», while two strong letters remain) and its outer weak letters, the inner ones a «*». */
function weakCore(stem: string): { core: string; derived: boolean } {
  const strong = (word: string) => word.replace(WEAK_RUN, '').length;
  let word = stem;
  let derived = false;
  for (let stripped = 0; stripped < 2; stripped++) {
    const prefix = DERIVATION_PREFIXES.find((p) => word.startsWith(p) && strong(word.slice(p.length)) >= 2);
    if (!prefix) break;
    word = word.slice(prefix.length);
    derived = true;
  }
  let start = 0;
  while (start < word.length && WEAK.includes(word[start]!)) start++;
  let end = word.length;
  while (end > start && WEAK.includes(word[end - 1]!)) end--;
  return { core: word.slice(start, end).replace(WEAK_RUN, '*'), derived };
}

/**
 * Terms of the index that share a family key: the other forms of a word that
 * a light stemmer leaves apart ("تمرير" for "يمرر", "تشخيص" for "يشخص").
 * Built on first use, each family sorted most common first.
 */
const familyKeys = (term: string) => {
  const keys: string[] = [];
  // the two kinds of key never collide: a weak-root key has a «*» or two letters, a family key three or more and no «*»
  for (const key of [familyKey(term), weakRootKey(term)]) if (key) keys.push(key);
  return keys;
};

export class WordFamilies {
  private families: Map<string, number[]> | undefined;

  /** Over `vocabulary`; given the families of the base vocabulary it extends, only the terms added since are grouped here. */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly base?: WordFamilies,
  ) {}

  private index(): Map<string, number[]> {
    if (!this.families) this.families = this.sorted(this.vocabulary.groupIds(familyKeys, this.vocabulary.baseSize));
    return this.families;
  }

  /** Builds the families now, a piece at a time (a reload, before the index serves). */
  async prepare(pause: () => Promise<unknown>): Promise<void> {
    await this.base?.prepare(pause);
    if (this.families) return;
    if (this.base) {
      this.index();
      return;
    }
    const families = await this.vocabulary.groupIdsInPieces(familyKeys, pause);
    if (!this.families) this.families = this.sorted(families);
  }

  private sorted(families: Map<string, number[]>): Map<string, number[]> {
    for (const family of families.values()) if (family.length > 1) family.sort((a, b) => this.vocabulary.df(b) - this.vocabulary.df(a));
    return families;
  }

  /** The family's term ids, most common first: over a base, its members and the new ones, sorted again by the counts of now. */
  private family(key: string): readonly number[] {
    const own = this.index().get(key) ?? [];
    if (!this.base) return own;
    return [...(this.base.index().get(key) ?? []), ...own]
      .filter((id) => this.vocabulary.df(id) > 0)
      .sort((a, b) => this.vocabulary.df(b) - this.vocabulary.df(a));
  }

  /** Up to `limit` other terms of the family of `term`, the most common first. */
  of(term: string, limit = 4): string[] {
    return this.members(familyKey(term), term, limit);
  }

  /** Up to `limit` other terms sharing the weak-root key of `term` (see weakRootKey), the most common first. */
  ofWeakRoot(term: string, limit = 4): string[] {
    return this.members(weakRootKey(term), term, limit);
  }

  private members(key: string | undefined, term: string, limit: number): string[] {
    if (!key) return [];
    const found: string[] = [];
    for (const id of this.family(key)) {
      if (found.length === limit) break;
      const other = this.vocabulary.term(id);
      if (other !== term) found.push(other);
    }
    return found;
  }
}

/**
 * The verbal noun of a derived verb, or the verb of a verbal noun, for the
 * patterns that differ by one long vowel before the last letter (normalized,
 * hamza folded): «اجتمع» ↔ «اجتماع» (VIII), «انسحب» ↔ «انسحاب» (VII),
 * «استخدم» ↔ «استخدام» (X); not the fourth form («اعلن» ↔ «اعلان»), whose
 * verbs look like elatives.
 */
export function verbalNounPartners(word: string): string[] {
  // «الارض» is a noun with its article, not a verb («الاراضي» is not its verbal noun)
  if (!ARABIC_WORD.test(word) || !word.startsWith('ا') || word.startsWith('ال')) return [];
  const out: string[] = [];
  // not four letters: «اكبر», «اكثر» are elatives (أفعل), not verbs of the fourth form
  if (word.length >= 5 && word.length <= 6 && word.at(-2) !== 'ا') out.push(`${word.slice(0, -1)}ا${word.slice(-1)}`);
  if (word.length >= 6 && word.length <= 7 && word.at(-2) === 'ا') out.push(`${word.slice(0, -2)}${word.slice(-1)}`);
  return out;
}

/**
 * The third person masculine of a perfect verb the light stemmer leaves
 * inflected: «تعهدت» → «تعهد», «بدانا» → «بدا», «شاركتم» → «شارك». Only tried for a
 * word no passage holds, whose base they do.
 */
export function perfectVerbBases(word: string): string[] {
  if (!ARABIC_WORD.test(word) || word.startsWith('ال')) return [];
  if (word.length >= 4 && word.endsWith('ت')) return [word.slice(0, -1)];
  if (word.length >= 5 && (word.endsWith('نا') || word.endsWith('تم'))) return [word.slice(0, -2)];
  return [];
}

/**
 * The first-form verb of a seventh-form one (انفعل, passive in sense): «انعقد
 * الاجتماع» (the meeting was held) where the article says «عقد الوزراء اجتماعا».
 * Five letters, «ان» and a root whose first letter is not «ت» («انتقل» is the
 * eighth form of «نقل»), and no long «ا» before the last letter: with hamza
 * folded, «انواع», «انهار» are plurals of the pattern أفعال. Only tried for a
 * word no passage holds, whose base they do.
 */
export function seventhFormBase(word: string): string[] {
  return ARABIC_WORD.test(word) && word.length === 5 && word.startsWith('ان') && word[2] !== 'ت' && word[3] !== 'ا' ? [word.slice(2)] : [];
}

/** An imperfect verb's prefix, with the dialects' «ب» of the present and MSA's «س» of the future: «يحضر», «بيحضر», «سيحضر». */
const IMPERFECT_PREFIX = /^[بس]?[يتن]/;
/** An imperfect verb's plural or dual ending: «يحضرون», «يحضران». */
const IMPERFECT_ENDING = /(?:ون|ان|وا)$/;

/**
 * The perfect of a derived verb's imperfect, for verbalNounPartners: «يجتمعون» → «اجتمع» (VIII, «ت»
 * after the first radical), «ينسحب» → «انسحب» (VII), «يستخدم» → «استخدم» (X). Only tried for a word
 * no passage holds, and only its verbal noun the passages hold is kept.
 */
export function derivedPerfectOfImperfect(word: string): string[] {
  if (!ARABIC_WORD.test(word)) return [];
  const rest = imperfectStem(word, 6);
  if (rest === undefined) return [];
  const derived = (rest.length === 4 && (rest[1] === 'ت' || rest[0] === 'ن')) || (rest.length === 5 && rest.startsWith('ست'));
  return derived ? [`ا${rest}`] : [];
}

/**
 * An imperfect verb without its prefix, and without its plural or dual ending when what the prefix leaves
 * has `endingFrom` letters or more («يحضرون» → «حضر»); undefined for a word with no imperfect prefix.
 */
function imperfectStem(word: string, endingFrom: number): string | undefined {
  const prefix = IMPERFECT_PREFIX.exec(word)?.[0];
  if (!prefix) return undefined;
  const rest = word.slice(prefix.length);
  return rest.length >= endingFrom && IMPERFECT_ENDING.test(rest) ? rest.slice(0, -2) : rest;
}

/**
 * The stems a verb no passage holds may have, for verbalNounsOfStem: the
 * perfect without its person ending («حضرت», «حضروا» → «حضر»), and the
 * imperfect without its prefix and ending («يحضرون», «بيحضر» → «حضر»;
 * «يشارك» → «شارك»), three letters at least.
 */
export function verbStems(word: string): string[] {
  if (!ARABIC_WORD.test(word) || word.startsWith('ال')) return [];
  const stems = [...perfectVerbBases(word)];
  if (word.length >= 5 && word.endsWith('وا')) stems.push(word.slice(0, -2));
  const imperfect = imperfectStem(word, 5);
  if (imperfect !== undefined) stems.push(imperfect);
  return [...new Set(stems)].filter((s) => s.length >= 3 && s.length <= 4);
}

/**
 * The common verbal nouns of a verb's stem (see verbStems), which news writes
 * where a question has the verb: a sound first-form root of three letters —
 * «حضر» → «حضور» (فعول), «نجاح» (فعال), «كتابة» (فعالة), and the second form's
 * «تنسيق» (تفعيل), written like the first; the fourth form's «اعلان» (إفعال),
 * whose imperfect «يعلن» leaves three letters too; a hollow root's «زيارة»
 * (فِيالة); the third form «شارك» → «مشاركة» (مفاعلة). Not فعلة, which a
 * pronoun's «ه» mimics («ذكره»), nor a root whose first or last radical is
 * weak. Crude on its own: only tried for a word no passage holds, each form
 * kept only where the passages have it.
 */
export function verbalNounsOfStem(stem: string): string[] {
  if (!ARABIC_WORD.test(stem)) return [];
  if (stem.length === 3 && !/[اويء]/.test(stem)) {
    const [a, b, c] = stem as unknown as [string, string, string];
    return [`${a}${b}و${c}`, `${a}${b}ا${c}`, `${a}${b}ا${c}ه`, `ت${a}${b}ي${c}`, `ا${a}${b}ا${c}`];
  }
  // a hollow root, its middle radical weak: «زار» / «يزور» → «زيارة», «قاد» / «يقود» → «قيادة»
  if (stem.length === 3 && /[اوي]/.test(stem[1]!) && !/[اويء]/.test(stem[0]! + stem[2]!)) return [`${stem[0]}يا${stem[2]}ه`];
  if (stem.length === 4 && stem[1] === 'ا') return [`م${stem}ه`];
  return [];
}
