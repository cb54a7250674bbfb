import { type DroppedLine, stripBoilerplate } from './boilerplate.js';
import type { Paragraph } from './types.js';

export type ParagraphMode = 'line' | 'blank-line';

/** "تيلرسون:" alone on a line introduces what follows; it is not a passage of its own. */
const LABEL = /[:：]\s*$/u;
const LABEL_MAX_WORDS = 6;

function joinLabels(blocks: { line: number; text: string }[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  for (const block of blocks) {
    const text = pending ? `${pending.text}\n${block.text}` : block.text;
    const line = pending?.line ?? block.line;
    pending = undefined;
    if (LABEL.test(block.text) && block.text.split(/\s+/).length <= LABEL_MAX_WORDS) pending = { line, text };
    else out.push({ line, text });
  }
  if (pending) out.push(pending);
  return out;
}

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
  return { paragraphs: joinLabels(blocks).map((b, i) => ({ n: i + 1, line: b.line, text: b.text })), dropped };
}
