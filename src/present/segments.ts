import type { CitedPassage } from '../core/answer.js';
import type { Span } from '../core/snippet.js';
import { cleanText } from './clean.js';
import type { Excerpt } from './excerpt.js';
import { hasArabic } from './script.js';

/** A run of passage text with one look: part of the best sentence, a matched word, both or neither. */
export interface Segment {
  text: string;
  sentence: boolean;
  term: boolean;
}

/** What every renderer maps to its own markup: `**…**`, `<b>…</b>` or ANSI. */
export interface MarkedPassage {
  segments: Segment[];
  /** an ellipsis goes before / after the segments */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** the passage holds Arabic: Latin runs inside it need isolating */
  rtl: boolean;
}

type Highlighted = Pick<CitedPassage, 'text' | 'sentenceSpan' | 'termSpans'>;

/**
 * The shown part of a passage cut at every edge of its best sentence and of
 * its matched words, each piece cleaned. The sentence is not marked when it
 * is the whole passage (marking everything marks nothing).
 *
 * @example markPassage(passage, excerptAround(passage.text, passage.sentenceSpan, 1500))
 */
export function markPassage(passage: Highlighted, excerpt: Excerpt = whole(passage.text)): MarkedPassage {
  const { text, sentenceSpan } = passage;
  const sentenceIsAll = text.slice(0, sentenceSpan.start).trim() === '' && text.slice(sentenceSpan.end).trim() === '';
  const clip = (s: Span): Span => ({ start: Math.max(s.start, excerpt.start), end: Math.min(s.end, excerpt.end) });
  const sentence = sentenceIsAll ? undefined : clip(sentenceSpan);
  const terms = passage.termSpans.map(clip).filter((s) => s.end > s.start);
  const cuts = new Set([excerpt.start, excerpt.end]);
  for (const s of sentence ? [sentence, ...terms] : terms) if (s.end > s.start) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let n = 0; n + 1 < points.length; n++) {
    const from = points[n]!;
    const to = points[n + 1]!;
    const piece: Segment = {
      text: cleanText(text.slice(from, to)),
      sentence: sentence !== undefined && sentence.start <= from && to <= sentence.end,
      term: terms.some((t) => t.start <= from && to <= t.end),
    };
    const last = segments.at(-1);
    if (last && last.sentence === piece.sentence && last.term === piece.term) last.text += piece.text;
    else if (piece.text) segments.push(piece);
  }
  return { segments, clippedStart: excerpt.clippedStart, clippedEnd: excerpt.clippedEnd, rtl: hasArabic(text) };
}

function whole(text: string): Excerpt {
  return { start: 0, end: text.length, clippedStart: false, clippedEnd: false };
}
