/**
 * Consonant skeletons: how a name sounds, written in one small alphabet both
 * scripts map to, so that "Tillerson" and "تيلرسون" (TLRSN), or "Kuwait" and
 * "الكويت" (KT), can be recognized as one name without a list of names.
 *
 * Vowels are dropped on both sides (Arabic writes long vowels with ا و ي, which
 * English writes with any vowel or none), and so are h, ع, ح and ه, which
 * transliteration keeps or drops at will. Letters transliterated
 * interchangeably share a class: p and b (Arabic has no p), v and f, q, k, c
 * and ك ق خ, j, g, ج and غ, s, z, ص س ز. A run of one class counts once.
 */

const ARABIC_CLASSES: Record<string, string> = {
  'ب': 'b', 'پ': 'b', 'ف': 'f', 'ڤ': 'f',
  'ت': 't', 'ط': 't', 'ث': 't',
  'د': 'd', 'ض': 'd', 'ذ': 'd', 'ظ': 'd',
  'س': 's', 'ص': 's', 'ز': 's', 'ش': 'x',
  'ج': 'g', 'غ': 'g', 'گ': 'g',
  'ك': 'k', 'ق': 'k', 'خ': 'k',
  'ل': 'l', 'م': 'm', 'ن': 'n', 'ر': 'r',
};

/** The Arabic article, with a particle fused before it: names of places and families carry it. */
const ARTICLE = /^(?:[وفبلك]?ال|لل)(?=.{3})/;

function collapse(classes: string): string {
  let out = '';
  for (const ch of classes) if (out.at(-1) !== ch) out += ch;
  return out;
}

/** Skeleton of a normalized Arabic word ("الكويت" → "kt"); empty when it has fewer than two consonants. */
export function arabicSkeleton(word: string): string {
  let classes = '';
  for (const ch of word.replace(ARTICLE, '')) classes += ARABIC_CLASSES[ch] ?? '';
  const skeleton = collapse(classes);
  return skeleton.length >= 2 ? skeleton : '';
}

/**
 * Latin spellings, longest first, and the classes they may stand for: "ch" is
 * ش in "Chad", ك in "Christ"; "ng" is often written ن alone ("Washington" →
 * "واشنطن").
 */
const LATIN_RULES: [string, string[]][] = [
  ['sch', ['x']], ['tch', ['x']],
  ['sh', ['x']], ['ch', ['x', 'k', 'tx']], ['ph', ['f']], ['th', ['t']], ['dh', ['d']], ['kh', ['k']], ['gh', ['g', '']],
  ['ck', ['k']], ['qu', ['k']], ['ng', ['ng', 'n']], ['dj', ['g']],
  ['b', ['b']], ['p', ['b']], ['f', ['f']], ['v', ['f']], ['t', ['t']], ['d', ['d']],
  ['s', ['s']], ['z', ['s']], ['x', ['ks']], ['j', ['g']], ['g', ['g']], ['k', ['k']], ['q', ['k']],
  ['l', ['l']], ['m', ['m']], ['n', ['n']], ['r', ['r']],
];
const SOFT_C = /^c[eiy]/;
const MAX_VARIANTS = 8;

/**
 * Skeletons a normalized Latin word may have in Arabic script, most literal
 * first ("chad" → ["xd", "kd"]); none for a word with fewer than two consonants.
 */
export function latinSkeletons(word: string): string[] {
  let variants = [''];
  for (let i = 0; i < word.length; ) {
    let options: string[] = [''];
    let length = 1;
    if (word[i] === 'c' && word[i + 1] !== 'h' && word[i + 1] !== 'k') options = [SOFT_C.test(word.slice(i)) ? 's' : 'k'];
    else {
      const rule = LATIN_RULES.find(([spelling]) => word.startsWith(spelling, i));
      if (rule) [length, options] = [rule[0].length, rule[1]];
    }
    variants = variants.flatMap((v) => options.map((o) => v + o)).slice(0, MAX_VARIANTS);
    i += length;
  }
  return [...new Set(variants.map(collapse))].filter((s) => s.length >= 2);
}
