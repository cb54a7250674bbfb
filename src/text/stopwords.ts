import { hamzaSpelling, typedWithInnerHamza } from './hamza.js';
import { normalizeText } from './normalize.js';

/**
 * Words that carry no topic: particles, pronouns, question words and the
 * function words of the dialects members write in. Written here the way people
 * spell them; compared after normalization, so hamza and ة/ه variants match.
 *
 * Content words that look like dialect function words in another dialect stay
 * out on purpose: "دول" is "these" in Egyptian but "countries" in the news.
 */
const ARABIC = `
ال من الى إلى عن على علي في مع ضمن لدى لدي عند عندما حتى ثم او أو أم ام بل لكن لكنه لكنها ولكن
إن أن ان انه أنه انها أنها انهم إذا اذا إذ اذ لو لولا قد لقد كل كلا بعض غير سوى بين حيث حين حينما
منذ مذ خلال بعد قبل فوق تحت بشأن بخصوص حسب بحسب وفق وفقا حول إزاء جراء امام أمام وراء خلف نحو عبر تجاه دون لا لم لن ليس ليست ليسوا
ما ماذا ماهو ماهي ماهم منهو شنهو متى أين اين كيف كيفية لماذا لما كم هل أي اي ايه أية اية لمن مما ممن عما فيما بما بماذا
هذا هذه هذان هاتان هؤلاء ذلك تلك ذاك اولئك أولئك هنا هناك هنالك ذا ذي
الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي اللذي اللتي اللذى اللتى
هو هي هم هما هن انا أنا نحن انت أنت انتم أنتم انتن
كان كانت كانوا يكون تكون يكونون صار صارت اصبح أصبح اصبحت أصبحت ظل ظلت مازال لايزال
به بها بهم له لها لهم لنا لي منه منها منهم فيه فيها فيهم عليه عليها عليهم اليه إليه اليها إليها عنه عنها
وهو وهي وهم فهو فهي وقد فقد ولم ولا وما ومن وفي وعلى والى وإلى وان وأن وكان وكانت وهذا وهذه وذلك
كما كذلك ايضا أيضا جدا فقط الا إلا مثل يا أيها ايها اما أما وإما اما إما لدى عدة
شو ايش إيش اشو وش ويش وين فين قديش قداش كام قدي ليش ليه مين منو امتى إمتى ازاي إزاي شلون اشلون
لويش علاش واش شنو اللي الي هاد هادا هادي هيدا هيدي هيدول هاي هذول هذولا ده دي دا كده كدا
عشان علشان بس مش مو مب موش مش عم رح راح ح هيك هلق هلا هسه هسا دلوقتي اسه لسه لسا شي اشي حاجه
يعني طيب كتير كثير صرلها صرله صرلهم صرلي صرلنا
شكد شقد شحال شوكت وقتاش فوقاش امتا فاين
`;

const ENGLISH = `
a an the and or but if then else of to in on at by for with from into onto about as is are was were be been
being am do does did done doing have has had having will would shall should can could may might must
i me my we us our you your he him his she her it its they them their this that these those there here
what which who whom whose when where why how much many any some all each every no not nor only own same
so than too very just also s t don isn aren wasn weren hasn haven hadn won wouldn didn doesn
up down out over under again further once more most other such both few between through during before after
above below off against
`;

function wordSet(list: string): Set<string> {
  const words = list
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => normalizeText(w));
  return new Set(words);
}

export const ARABIC_STOPWORDS: ReadonlySet<string> = wordSet(ARABIC);
export const ENGLISH_STOPWORDS: ReadonlySet<string> = wordSet(ENGLISH);

/**
 * A normalized word is a stop word when it is listed, or when it is a listed
 * word behind a fused particle ("وهذا", "فهل", "لأي", "بهذا").
 */
export function isStopword(normalized: string): boolean {
  if (ARABIC_STOPWORDS.has(normalized) || ENGLISH_STOPWORDS.has(normalized)) return true;
  if (!FUSED_PARTICLES.has(normalized[0] ?? '') || normalized.length <= 2) return false;
  const rest = normalized.slice(1);
  return ARABIC_STOPWORDS.has(rest) && !POSTPOSED_DEMONSTRATIVES.has(rest);
}

/**
 * Egyptian «ده», «دي», «دا» follow their noun («الكتاب ده») and never take a
 * particle: «بدا» is «بدأ» (began) with its hamza dropped, or «بدا» (seemed),
 * «بده» «he wants»; only the listed words themselves are stop words.
 */
const POSTPOSED_DEMONSTRATIVES = new Set(['ده', 'دي', 'دا']);

const FUSED_PARTICLES = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** The listed words that are typed with a hamza inside («هؤلاء», «أولئك»), as typed (see hamza.ts). */
const LISTED_WITH_INNER_HAMZA: ReadonlySet<string> = new Set(
  ARABIC.split(/\s+/)
    .filter((w) => typedWithInnerHamza(w))
    .map(hamzaSpelling),
);

/**
 * A stop word once normalized that is one as typed too: a hamza inside the raw
 * word that the listed word lacks makes it another word («هنأ», congratulated,
 * folds into «هنا», here; «بدأ» into «ب» + «دا»; «فئة» into «فيه»).
 */
export function isStopwordAsTyped(raw: string, normalized: string): boolean {
  if (!isStopword(normalized)) return false;
  if (!typedWithInnerHamza(raw)) return true;
  const spelling = hamzaSpelling(raw);
  return (
    LISTED_WITH_INNER_HAMZA.has(spelling) || (FUSED_PARTICLES.has(spelling[0] ?? '') && LISTED_WITH_INNER_HAMZA.has(spelling.slice(1)))
  );
}

const HAMZA_LETTERS = /[أإآؤئ]/g;
/** Letters, marks and tatweel of an Arabic word. */
const isWordCode = (code: number) => (code >= 0x0621 && code <= 0x065f) || code === 0x0670;
/** The Arabic letters normalizeText folds (normalize.ts), for a word of Arabic letters only. */
const FOLDED: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ؤ: 'و', ئ: 'ي', ى: 'ي', ة: 'ه' };
const isMarkCode = (code: number) => (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640;
/** Longer than this (a fused particle and the longest listed word), no word folds into a function word. */
const MAX_FOLDING_LETTERS = 1 + Math.max(...[...ARABIC_STOPWORDS].map((w) => w.length));

/**
 * Text where a word typed with a hamza that folds into a function word it is
 * not («هنأ» → «هنا», «فئة» → «فيه», see isStopwordAsTyped) has its inner
 * hamzas as the bare «ء» normalization keeps («هنء»): the question and the
 * passages then both keep it as a word. Same length, so offsets hold.
 */
export function keepFoldedHamza(text: string): string {
  let out: string | undefined;
  let after = 0;
  HAMZA_LETTERS.lastIndex = 0;
  for (let match = HAMZA_LETTERS.exec(text); match; match = HAMZA_LETTERS.exec(text)) {
    const at = match.index;
    if (at < after) continue;
    let start = at;
    while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
    after = end;
    if (start === at || end - start > 2 * MAX_FOLDING_LETTERS) continue;
    let norm = '';
    for (let i = start; i < end && norm.length <= MAX_FOLDING_LETTERS; i++) {
      const code = text.charCodeAt(i);
      if (!isMarkCode(code)) norm += FOLDED[text[i]!] ?? text[i];
    }
    if (norm.length > MAX_FOLDING_LETTERS) continue;
    const word = text.slice(start, end);
    if (!isStopword(norm) || isStopwordAsTyped(word, norm)) continue;
    out = (out ?? text).slice(0, start) + word[0] + word.slice(1).replace(/[أإآؤئ]/g, 'ء') + (out ?? text).slice(end);
  }
  return out ?? text;
}
