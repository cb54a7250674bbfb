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
  ب: 'b',
  پ: 'b',
  ف: 'f',
  ڤ: 'f',
  ت: 't',
  ط: 't',
  ث: 't',
  د: 'd',
  ض: 'd',
  ذ: 'd',
  ظ: 'd',
  س: 's',
  ص: 's',
  ز: 's',
  ش: 'x',
  ج: 'g',
  غ: 'g',
  گ: 'g',
  ك: 'k',
  ق: 'k',
  خ: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ر: 'r',
};

/** A word's first و or ي is a consonant ("وارسو" Warsaw, "يوركشاير"); elsewhere they are mostly vowels. */
const INITIAL_GLIDES: Record<string, string> = { و: 'w', ي: 'y', w: 'w', y: 'y' };

/** The Arabic article, with a particle fused before it: names of places and families carry it. */
const ARTICLE = /^(?:[وفبلك]?ال|لل)(?=.{3})/;

function collapse(classes: string): string {
  let out = '';
  for (const ch of classes) if (out.at(-1) !== ch) out += ch;
  return out;
}

/** Skeleton of a normalized Arabic word ("الكويت" → "kt"); empty when it has fewer than two consonants. */
export function arabicSkeleton(word: string): string {
  const bare = word.replace(ARTICLE, '');
  let classes = INITIAL_GLIDES[bare[0]!] ?? '';
  for (const ch of classes ? bare.slice(1) : bare) classes += ARABIC_CLASSES[ch] ?? '';
  const skeleton = collapse(classes);
  return skeleton.length >= 2 ? skeleton : '';
}

/**
 * Latin spellings, longest first, and the classes they may stand for: "ch" is
 * ش in "Chad", ك in "Christ"; "ng" is often written ن alone ("Washington" →
 * "واشنطن").
 */
const LATIN_RULES: [string, string[]][] = [
  ['sch', ['x']],
  ['tch', ['x']],
  ['sh', ['x']],
  ['ch', ['x', 'k', 'tx']],
  ['ph', ['f']],
  ['th', ['t']],
  ['dh', ['d']],
  ['kh', ['k']],
  ['gh', ['g', '']],
  ['ck', ['k']],
  ['qu', ['k']],
  ['ng', ['ng', 'n']],
  ['dj', ['g']],
  ['b', ['b']],
  ['p', ['b']],
  ['f', ['f']],
  ['v', ['f']],
  ['t', ['t']],
  ['d', ['d']],
  ['s', ['s']],
  ['z', ['s']],
  ['x', ['ks']],
  ['j', ['g']],
  ['g', ['g']],
  ['k', ['k']],
  ['q', ['k']],
  ['l', ['l']],
  ['m', ['m']],
  ['n', ['n']],
  ['r', ['r']],
];
const SOFT_C = /^c[eiy]/;
const MAX_VARIANTS = 8;

/**
 * Skeletons a normalized Latin word may have in Arabic script, most literal
 * first ("chad" → ["xd", "kd"]); none for a word with fewer than two consonants.
 */
export function latinSkeletons(word: string): string[] {
  const glide = INITIAL_GLIDES[word[0]!];
  let variants = [glide ?? ''];
  for (let i = glide ? 1 : 0; i < word.length; ) {
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

type Unit = { kind: 'c'; cls: string } | { kind: 'v' } | { kind: 'h' };

const ARABIC_VOWELS = new Set(['ا', 'و', 'ي']);
const ARABIC_SOFT = new Set(['ء', 'ع', 'ح', 'ه']);

function arabicUnits(word: string): Unit[] {
  const bare = word.replace(ARTICLE, '');
  const units: Unit[] = [];
  for (const [i, ch] of [...bare].entries()) {
    const cls = ARABIC_CLASSES[ch];
    if (cls) units.push({ kind: 'c', cls });
    else if (ch === 'ه' && i === bare.length - 1)
      units.push({ kind: 'v' }); // ة, normalized to ه: a final vowel
    else if (ARABIC_VOWELS.has(ch)) {
      if (i === 0 && ch !== 'ا') units.push({ kind: 'c', cls: INITIAL_GLIDES[ch]! });
      else if (units.at(-1)?.kind !== 'v') units.push({ kind: 'v' });
    } else if (ARABIC_SOFT.has(ch)) units.push({ kind: 'h' });
  }
  return units;
}

function latinUnits(word: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < word.length; ) {
    const ch = word[i]!;
    if (i === 0 && INITIAL_GLIDES[ch]) {
      units.push({ kind: 'c', cls: INITIAL_GLIDES[ch] });
      i++;
    } else if ('aeiouyw'.includes(ch)) {
      if (units.at(-1)?.kind !== 'v') units.push({ kind: 'v' });
      i++;
    } else if (ch === 'h') {
      units.push({ kind: 'h' });
      i++;
    } else if (ch === 'c' && word[i + 1] !== 'h' && word[i + 1] !== 'k') {
      units.push({ kind: 'c', cls: SOFT_C.test(word.slice(i)) ? 's' : 'k' });
      i++;
    } else {
      const rule = LATIN_RULES.find(([spelling]) => word.startsWith(spelling, i));
      for (const cls of rule?.[1][0] ?? '') units.push({ kind: 'c', cls });
      i += rule?.[0].length ?? 1;
    }
  }
  // a doubled consonant is written once
  return units.filter((u, k) => !(u.kind === 'c' && units[k - 1]?.kind === 'c' && (units[k - 1] as { cls: string }).cls === u.cls));
}

/**
 * How far an Arabic spelling is from a Latin one, once their consonants agree
 * (see the skeletons): a short English vowel Arabic leaves unwritten costs
 * little, a written Arabic long vowel English lacks, or a vowel at either end
 * of the word one script writes and the other does not, costs more. "tesla" and
 * "تسلا" are 0.3 apart, "tesla" and "تواصل" 1.
 */
export function nameDistance(latin: string, arabic: string): number {
  const e = latinUnits(latin);
  const a = arabicUnits(arabic);
  const n = e.length;
  const m = a.length;
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  d[0]![0] = 0;
  const skipLatin = (u: Unit, i: number) => (u.kind === 'h' ? 0.2 : u.kind === 'v' ? (i === 0 || i === n - 1 ? 1 : 0.3) : 1.5);
  const skipArabic = (u: Unit) => (u.kind === 'h' ? 0.2 : u.kind === 'v' ? 1 : 1.5);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = d[i]![j]!;
      if (here === Infinity) continue;
      if (i < n) d[i + 1]![j] = Math.min(d[i + 1]![j]!, here + skipLatin(e[i]!, i));
      if (j < m) d[i]![j + 1] = Math.min(d[i]![j + 1]!, here + skipArabic(a[j]!));
      if (i < n && j < m) {
        const x = e[i]!;
        const y = a[j]!;
        const same = x.kind === y.kind && (x.kind !== 'c' || x.cls === (y as { cls: string }).cls);
        const step = same ? 0 : x.kind === 'c' && y.kind === 'c' ? 2 : x.kind === 'h' || y.kind === 'h' ? 0.5 : 1.5;
        d[i + 1]![j + 1] = Math.min(d[i + 1]![j + 1]!, here + step);
      }
    }
  }
  return d[n]![m]!;
}
