import { stripBoilerplate, type DroppedLine } from './boilerplate.js';
import type { Paragraph } from './types.js';

export type ParagraphMode = 'line' | 'blank-line';

/**
 * Cuts an article into paragraphs, the unit a citation points at. With
 * "blank-line", consecutive lines are one paragraph (hard-wrapped text).
 */
export function splitParagraphs(text: string, mode: ParagraphMode = 'line'): { paragraphs: Paragraph[]; dropped: DroppedLine[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
  const { kept, dropped } = stripBoilerplate(lines);

  const blocks: { line: number; text: string }[] = [];
  let previousLine = -2;
  for (const { line, text: lineText } of kept) {
    const trimmed = lineText.trim();
    const last = blocks.at(-1);
    if (mode === 'blank-line' && last && line === previousLine + 1) {
      last.text += ` ${trimmed}`;
    } else {
      blocks.push({ line, text: trimmed });
    }
    previousLine = line;
  }
  return { paragraphs: blocks.map((b, i) => ({ n: i + 1, line: b.line, text: b.text })), dropped };
}
