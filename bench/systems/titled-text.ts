import type { BenchPassage } from './system.js';

/**
 * A single-field index (FlexSearch's Index) sees the title as the first line of
 * the text: the usual way to make a title searchable without a Document index.
 */
export function titledText(passage: BenchPassage): string {
  return passage.title ? `${passage.title}\n${passage.text}` : passage.text;
}
