import { describe, expect, it } from 'vitest';
import { excerptAround, markPassage, type Segment } from '../../src/present/index.js';

const SENTENCE = 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت.';
const BEFORE = 'أكدت دول التحالف تصميمها. ';
const TEXT = `${BEFORE}${SENTENCE}`;
const span = (word: string) => {
  const start = TEXT.indexOf(word);
  return { start, end: start + word.length };
};
const passage = (termWords: string[], sentence = { start: BEFORE.length, end: TEXT.length }) => ({
  text: TEXT,
  sentenceSpan: sentence,
  termSpans: termWords.map(span),
});
const look = (segments: Segment[]) => segments.map((s) => [s.text, s.sentence ? 'S' : '', s.term ? 'T' : ''].join(''));

describe('passage segments for highlighting', () => {
  it('cuts at the edges of the best sentence and of every matched word', () => {
    const marked = markPassage(passage(['التحالف', 'بالكويت']));
    expect(look(marked.segments)).toEqual([
      'أكدت دول ',
      'التحالفT',
      ' تصميمها. ',
      'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين S',
      'بالكويتST',
      '.S',
    ]);
    expect(marked.segments.map((s) => s.text).join('')).toBe(TEXT);
    expect(marked).toMatchObject({ clippedStart: false, clippedEnd: false, rtl: true });
  });

  it('does not mark the sentence when it is the whole passage', () => {
    const marked = markPassage(passage(['بالكويت'], { start: 0, end: TEXT.length }));
    expect(marked.segments.some((s) => s.sentence)).toBe(false);
    expect(marked.segments.filter((s) => s.term).map((s) => s.text)).toEqual(['بالكويت']);
  });

  it('keeps only what the excerpt shows, and says where it was cut', () => {
    const excerpt = excerptAround(TEXT, span('مؤتمر'), 30);
    const marked = markPassage(passage(['التحالف', 'مؤتمر']), excerpt);
    expect(marked.segments.map((s) => s.text).join('')).toBe(TEXT.slice(excerpt.start, excerpt.end));
    expect(marked.segments.find((s) => s.term)?.text).toBe('مؤتمر');
    expect(marked.clippedStart && marked.clippedEnd).toBe(true);
  });

  it('removes control and bidi characters that came with the text, without moving the spans', () => {
    const dirty = `\u202Eأكدت\u0007 ${SENTENCE}`;
    const marked = markPassage({ text: dirty, sentenceSpan: { start: 0, end: dirty.length }, termSpans: [] });
    expect(marked.segments.map((s) => s.text).join('')).toBe(`أكدت ${SENTENCE}`);
  });

  it('reads English passages as left-to-right', () => {
    expect(markPassage({ text: 'The coalition met in Kuwait.', sentenceSpan: { start: 0, end: 28 }, termSpans: [] }).rtl).toBe(false);
  });
});
