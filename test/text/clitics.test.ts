import { describe, expect, it } from 'vitest';
import { stemWithClitics } from '../../src/text/index.js';

describe('stemWithClitics', () => {
  // light stems of a corpus and how often each occurs
  const counts = new Map([
    ['قال', 12],
    ['وقال', 30],
    ['كتاب', 100],
    ['تاب', 2],
    ['عفر', 1],
    ['كويت', 9],
  ]);

  it('strips a fused conjunction when the corpus uses the word without it', () => {
    expect(stemWithClitics('وقال', counts)).toBe('قال');
  });

  it('strips a fused preposition from a word the corpus knows bare', () => {
    expect(stemWithClitics('بعفرين', counts)).toBe('عفر');
  });

  it('reads dialect عال as على ال ("عالكويت")', () => {
    expect(stemWithClitics('عالكويت', counts)).toBe('كويت');
  });

  it('keeps a root letter when the bare rest is a rare word of its own', () => {
    expect(stemWithClitics('كتاب', counts)).toBe('كتاب');
  });

  it('keeps a word whose rest the corpus never uses', () => {
    expect(stemWithClitics('وزير', counts)).toBe('وزير');
  });

  it('is the plain light stem without corpus counts', () => {
    expect(stemWithClitics('وقال')).toBe('وقال');
  });
});
