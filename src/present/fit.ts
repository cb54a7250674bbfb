import type { Span } from '../core/snippet.js';
import { type Excerpt, excerptAround, excerptText } from './excerpt.js';

/** A text to show within a shared budget, keeping `focus` visible (the best sentence; the start for plain text). */
export interface Fittable {
  text: string;
  focus: Span;
  /** the most characters of it to show even when there is room for more */
  max?: number;
}

export const START: Span = { start: 0, end: 0 };
const MAX_ROUNDS = 200;

/** Shares `total` between texts: short ones keep all they need, long ones split the rest evenly. */
function waterfill(lengths: readonly number[], total: number): number[] {
  const budgets = lengths.map(() => 0);
  const order = lengths.map((length, index) => ({ length, index })).sort((x, y) => x.length - y.length);
  let remaining = Math.max(0, total);
  order.forEach(({ length, index }, n) => {
    const give = Math.min(length, Math.floor(remaining / (order.length - n)));
    budgets[index] = give;
    remaining -= give;
  });
  return budgets;
}

/**
 * The one fitting algorithm: excerpts of `items` (each around its focus,
 * whole words, ellipses where cut) such that `size(excerpts)` — what the
 * platform counts once they are laid out, markup and escapes included — is
 * at most `limit`. The whole texts when they fit; otherwise the budget is
 * shared (short texts whole, long ones evenly) and lowered by what is still
 * over until it fits, or each text is down to one word.
 *
 * @example fitExcerpts(passages.map((p) => ({ text: p.text, focus: p.sentenceSpan })), 4096, (ex) => layout(ex).length)
 */
export function fitExcerpts(items: readonly Fittable[], limit: number, size: (excerpts: Excerpt[]) => number): Excerpt[] {
  const caps = items.map((item) => Math.min(item.text.length, item.max ?? Infinity));
  const around = (budgets: readonly number[]) => items.map((item, n) => excerptAround(item.text, item.focus, Math.max(1, budgets[n]!)));
  let excerpts = around(caps);
  let over = size(excerpts) - limit;
  let available = caps.reduce((sum, cap) => sum + cap, 0) - over;
  for (let round = 0; over > 0 && round < MAX_ROUNDS; round++) {
    const floor = available <= items.length;
    excerpts = around(waterfill(caps, Math.max(available, items.length)));
    over = size(excerpts) - limit;
    if (floor) break;
    available -= Math.max(over, Math.ceil(available / 50));
  }
  return excerpts;
}

/**
 * One text rendered within `max` characters around `focus`; `render` gets the
 * excerpt and returns the platform text whose length counts. An ellipsis when
 * not even one word fits.
 */
export function fitAround(text: string, focus: Span, max: number, render: (excerpt: Excerpt) => string): string {
  const [excerpt] = fitExcerpts([{ text, focus }], max, ([e]) => render(e!).length);
  const out = render(excerpt!);
  return out.length <= max ? out : '…'.slice(0, max);
}

/** Plain text from its start within `max` characters once rendered, cut between words with an ellipsis. */
export function fitStart(text: string, max: number, render: (shown: string) => string = (shown) => shown): string {
  return fitAround(text, START, max, (excerpt) => render(excerptText(text, excerpt)));
}

/**
 * Whole lines while they fit in `max`, then a line saying how many were left
 * out. Each line must already fit on its own.
 */
export function fitLines(lines: readonly string[], max: number, leftOut: (count: number) => string): string {
  const reserve = leftOut(lines.length).length + 1;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const added = (kept.length ? 1 : 0) + line.length;
    const last = kept.length === lines.length - 1;
    if (length + added > max - (last ? 0 : reserve)) break;
    kept.push(line);
    length += added;
  }
  return kept.length === lines.length ? kept.join('\n') : [...kept, leftOut(lines.length - kept.length)].join('\n');
}
