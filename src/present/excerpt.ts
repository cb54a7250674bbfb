import type { Span } from '../core/snippet.js';

export interface Excerpt {
  start: number;
  end: number;
  /** text was cut before `start` */
  clippedStart: boolean;
  /** text was cut after `end` */
  clippedEnd: boolean;
}

const ELLIPSIS = '…';

/** Moves an offset to the nearest word boundary toward `direction`, never splitting a word. */
function toBoundary(text: string, at: number, direction: -1 | 1): number {
  let i = Math.max(0, Math.min(text.length, at));
  if (direction < 0) {
    while (i > 0 && !/\s/u.test(text[i - 1]!)) i--;
  } else {
    while (i < text.length && !/\s/u.test(text[i]!)) i++;
  }
  return i;
}

/**
 * The part of a passage to show within `maxChars` (ellipses included): the
 * whole passage when it fits, otherwise a window that keeps the best sentence
 * (or as much of it as fits, from its start) and grows around it by whole
 * words. Never cuts inside a word.
 *
 * @example excerptAround(text, passage.sentenceSpan, 1000)
 */
export function excerptAround(text: string, focus: Span, maxChars: number): Excerpt {
  if (text.length <= maxChars) return { start: 0, end: text.length, clippedStart: false, clippedEnd: false };
  const budget = Math.max(1, maxChars - 2 * ELLIPSIS.length);
  let start = toBoundary(text, focus.start, -1);
  let end = Math.max(start, toBoundary(text, focus.end, 1));
  if (end - start > budget) {
    end = toBoundary(text, start + budget, -1);
    if (end <= start) end = start + budget; // one word longer than the budget: cut it, nothing else can be done
  } else {
    // grow both ways, by words, alternating, while it fits
    let grew = true;
    while (grew) {
      grew = false;
      if (start > 0) {
        const s = toBoundary(text, start - 1, -1);
        const candidate = Math.max(s, 0);
        if (end - candidate <= budget) {
          start = candidate;
          grew = true;
        }
      }
      if (end < text.length) {
        const e = toBoundary(text, end + 1, 1);
        if (e - start <= budget) {
          end = e;
          grew = true;
        }
      }
    }
  }
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end, clippedStart: start > 0, clippedEnd: end < text.length };
}

/** The excerpt as a string with ellipses where text was cut. */
export function excerptText(text: string, excerpt: Excerpt): string {
  return `${excerpt.clippedStart ? ELLIPSIS : ''}${text.slice(excerpt.start, excerpt.end)}${excerpt.clippedEnd ? ELLIPSIS : ''}`;
}
