import type { Analyzer } from '../text/index.js';

export interface Span {
  start: number;
  end: number;
}

/** Sentence ends: . ! ? ؟ ؛ … followed by space, and line breaks. */
const SENTENCE_END = /[.!?؟؛…]+["»”')\]]*(?=\s)|\n+/gu;

/** Sentence spans of a passage, trimmed, in order. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}

export interface Highlight {
  /** the sentence that best answers, as a span of the passage */
  sentence: Span;
  /** every word of the passage that matched a term of the question */
  terms: Span[];
  /** the matched words as written in the passage, distinct, in order */
  surfaces: string[];
}

/**
 * Finds, in a passage, the words that matched and the sentence holding the
 * most weight of them. Offsets point into the verbatim text, so adapters can
 * bold exactly what is written.
 */
export function highlightPassage(
  text: string,
  matchedTerms: ReadonlySet<string>,
  termWeight: (term: string) => number,
  analyzer: Analyzer,
): Highlight {
  const tokens = analyzer.analyze(text).filter((t) => matchedTerms.has(t.term));
  const terms: Span[] = [];
  for (const t of tokens) {
    const last = terms.at(-1);
    if (last && last.start === t.start) continue; // one raw word may hold two terms ("الـ200")
    terms.push({ start: t.start, end: t.end });
  }
  const sentences = sentenceSpans(text);
  let best = sentences[0] ?? { start: 0, end: text.length };
  let bestWeight = -1;
  for (const sentence of sentences) {
    const distinct = new Set(tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end).map((t) => t.term));
    let weight = 0;
    for (const term of distinct) weight += termWeight(term);
    if (weight > bestWeight) {
      best = sentence;
      bestWeight = weight;
    }
  }
  const surfaces = [...new Set(terms.map((s) => text.slice(s.start, s.end)))];
  return { sentence: best, terms, surfaces };
}
