import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { formatOffCorpus, loadOffCorpusQuestions, measureOffCorpus, OFF_CORPUS_SETS } from '../../src/eval/off-corpus.js';
import { SHARED_MISSING, sharedDir } from '../../src/eval/shared-data.js';

const answer = (question: string, status: Answer['status']): Answer => ({
  question,
  status,
  lang: 'ar',
  more: [],
  passages: status === 'answered' ? [{ id: 'a#1' } as Answer['passages'][number]] : [],
});

describe('measureOffCorpus', () => {
  it('counts every answered question as a false answer, per set and overall', () => {
    const questions = [
      { set: 'x', question: 'q1' },
      { set: 'x', question: 'q2' },
      { set: 'y', question: 'q3' },
      { set: 'y', question: 'q4' },
    ];
    const result = measureOffCorpus(questions, (q) => answer(q, q === 'q2' ? 'answered' : q === 'q4' ? 'rejected' : 'not_found'));
    expect(result).toMatchObject({ questions: 4, answered: 1, rate: 0.25 });
    expect(result.bySet).toEqual([
      { set: 'x', questions: 2, answered: 1 },
      { set: 'y', questions: 2, answered: 0 },
    ]);
    expect(result.falseAnswers).toEqual([{ set: 'x', question: 'q2', cited: 'a#1' }]);
    expect(formatOffCorpus(result)).toMatch(/all\s+4\s+1\s+25\.0%/);
  });

  it('prints splits side by side, a set missing from one split as a dash', () => {
    const dev = measureOffCorpus(
      [
        { set: 'x', question: 'q1' },
        { set: 'y', question: 'q2' },
      ],
      (q) => answer(q, 'answered'),
    );
    const test = measureOffCorpus(
      [
        { set: 'x', question: 'q1' },
        { set: 'x', question: 'q3' },
      ],
      (q) => answer(q, q === 'q1' ? 'answered' : 'not_found'),
    );
    const table = formatOffCorpus([
      { split: 'dev', result: dev },
      { split: 'test', result: test },
    ]);
    expect(table.split('\n')[0]).toMatch(/^set\s+questions dev\s+answered dev\s+share dev\s+questions test\s+answered test\s+share test$/);
    expect(table).toMatch(/x\s+1\s+1\s+100\.0%\s+2\s+1\s+50\.0%/);
    expect(table).toMatch(/y\s+1\s+1\s+100\.0%\s+-\s+-\s+-/);
    expect(table).toMatch(/all\s+2\s+2\s+100\.0%\s+2\s+1\s+50\.0%/);
  });
});

describe('loadOffCorpusQuestions', () => {
  const shared = sharedDir();
  it.skipIf(!shared)(`reads the dev and test splits of every set (${shared ? 'shared data present' : SHARED_MISSING})`, () => {
    const dev = loadOffCorpusQuestions(shared!, 'dev');
    const test = loadOffCorpusQuestions(shared!, 'test');
    expect(new Set(test.map((q) => q.set))).toEqual(new Set(OFF_CORPUS_SETS.map((s) => s.name)));
    expect(test).toHaveLength(2535);
    expect(dev.length).toBeGreaterThan(2000);
    expect(test.filter((q) => q.set === 'xquad-en').some((q) => /\p{Script=Arabic}/u.test(q.question))).toBe(false);
  });
});
