/**
 * The seed questions' scoring rule, exactly as ../shared/eval/README.md states
 * it. Deliberately separate from the bot's own text pipeline: the referee must
 * not share the player's normalization.
 */

export interface SeedGold {
  doc: string;
  evidence: string;
}

export interface SeedQuestion {
  id: string;
  lang: 'ar' | 'ar-dialect' | 'en';
  question: string;
  answerable: boolean;
  gold: SeedGold[];
  answer: string;
  kind: string;
  variant: string;
}

/** A cited passage as the evaluation sees it. */
export interface ReturnedPassage {
  articleId: string;
  text: string;
}

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي' };

export function normalizeForScoring(text: string): string {
  return text
    .normalize('NFKC')
    .replace(TASHKEEL, '')
    .replace(/[أإآٱىةؤئ]/g, (c) => LETTERS[c]!)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[^\p{L}\p{N}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Length of the longest common contiguous substring. */
export function longestCommonSubstring(a: string, b: string): number {
  if (!a || !b) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? previous[j - 1]! + 1 : 0;
      if (current[j]! > best) best = current[j]!;
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return best;
}

export const MIN_OVERLAP = 0.6;

export function isHit(passage: ReturnedPassage, gold: SeedGold): boolean {
  if (`${passage.articleId}.txt` !== gold.doc && passage.articleId !== gold.doc) return false;
  const text = normalizeForScoring(passage.text);
  const evidence = normalizeForScoring(gold.evidence);
  if (text.includes(evidence)) return true;
  return longestCommonSubstring(text, evidence) >= MIN_OVERLAP * evidence.length;
}

/**
 * Score of one question at cut-off k: 1/0 hit for ordinary questions, the
 * share of gold articles covered for `multi`, and for unanswerable ones 1 only
 * when nothing was cited.
 */
export function scoreAtK(question: SeedQuestion, returned: readonly ReturnedPassage[], answeredNotFound: boolean, k: number): number {
  const top = returned.slice(0, k);
  if (!question.answerable) return answeredNotFound && returned.length === 0 ? 1 : 0;
  if (question.kind === 'multi') {
    const docs = [...new Set(question.gold.map((g) => g.doc))];
    const covered = docs.filter((doc) => question.gold.some((g) => g.doc === doc && top.some((p) => isHit(p, g))));
    return covered.length / docs.length;
  }
  return question.gold.some((g) => top.some((p) => isHit(p, g))) ? 1 : 0;
}
