import { describe, expect, it } from 'vitest';
import { excerptText, fitAround, fitExcerpts, fitLines, fitStart, START } from '../../src/present/index.js';

const SENTENCE = 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت ويستمر لمدة ثلاثة أيام.';
const BEFORE = 'أكدت دول التحالف الدولي ضد تنظيم داعش تصميمها على مواصلة الحرب حتى إلحاق الهزيمة الكاملة به. ';
const AFTER = ' وشارك في الاجتماع وزراء خارجية ومسؤولون من أكثر من سبعين دولة ومنظمة دولية.';
const PASSAGE = `${BEFORE}${SENTENCE}${AFTER}`;
const FOCUS = { start: BEFORE.length, end: BEFORE.length + SENTENCE.length };
const words = new Set(PASSAGE.split(/\s+/));

/** Every word shown is a whole word of the text (ellipses aside). */
function wholeWords(shown: string): boolean {
  return shown
    .replace(/…/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => words.has(w));
}

describe('fitting texts to a budget', () => {
  it('keeps texts whole when they fit', () => {
    const [excerpt] = fitExcerpts([{ text: PASSAGE, focus: FOCUS }], 10_000, ([e]) => excerptText(PASSAGE, e!).length);
    expect(excerptText(PASSAGE, excerpt!)).toBe(PASSAGE);
  });

  it.each([200, 120, 101, 60])('cuts one text to %i characters around its focus, between words', (limit) => {
    const shown = fitAround(PASSAGE, FOCUS, limit, (e) => excerptText(PASSAGE, e));
    expect(shown.length).toBeLessThanOrEqual(limit);
    expect(wholeWords(shown)).toBe(true);
    if (limit >= SENTENCE.length + 2) expect(shown).toContain(SENTENCE);
    else expect(SENTENCE.startsWith(shown.replace(/…/g, ''))).toBe(true);
  });

  it('counts what the platform counts: markup added by the renderer is inside the limit', () => {
    const bold = (text: string) => `<b>${text}</b>`;
    const shown = fitAround(PASSAGE, FOCUS, 150, (e) => bold(excerptText(PASSAGE, e)));
    expect(shown.length).toBeLessThanOrEqual(150);
    expect(shown.length).toBeGreaterThan(120);
  });

  it('shares a budget: short texts stay whole, long ones split the rest, and the total fits', () => {
    const short = 'الكويت 2018';
    const items = [
      { text: PASSAGE, focus: FOCUS },
      { text: short, focus: START },
      { text: PASSAGE, focus: START },
    ];
    const layout = (excerpts: ReturnType<typeof fitExcerpts>) => items.map((item, n) => excerptText(item.text, excerpts[n]!)).join('\n\n');
    const fitted = layout(fitExcerpts(items, 300, (ex) => layout(ex).length));
    expect(fitted.length).toBeLessThanOrEqual(300);
    const [first, second, third] = fitted.split('\n\n');
    expect(second).toBe(short);
    expect(Math.abs(first!.length - third!.length)).toBeLessThan(40);
    expect(third!.startsWith(BEFORE.slice(0, 10))).toBe(true);
  });

  it('honours a per-text maximum even when the total has room', () => {
    const [excerpt] = fitExcerpts([{ text: PASSAGE, focus: FOCUS, max: 120 }], 10_000, ([e]) => excerptText(PASSAGE, e!).length);
    expect(excerptText(PASSAGE, excerpt!).length).toBeLessThanOrEqual(120);
    expect(excerptText(PASSAGE, excerpt!)).toContain(SENTENCE);
  });

  it('ends, with an ellipsis, when not even a word fits', () => {
    expect(fitStart(PASSAGE, 1)).toBe('…');
    expect(fitStart('', 10)).toBe('');
  });

  it('keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 10 }, (_, n) => `${n + 1}. ${SENTENCE}`);
    const out = fitLines(lines, 400, (n) => `… and ${n} more`);
    expect(out.length).toBeLessThanOrEqual(400);
    const kept = out.split('\n');
    expect(kept.at(-1)).toBe(`… and ${10 - (kept.length - 1)} more`);
    expect(fitLines(lines.slice(0, 2), 400, (n) => `… and ${n} more`)).toBe(lines.slice(0, 2).join('\n'));
  });
});
