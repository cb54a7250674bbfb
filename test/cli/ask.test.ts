import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';

function ask(args: string[], input?: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    cwd: projectRoot(),
    input,
    encoding: 'utf8',
    env: { ...process.env, CORPUS_DIR: '' },
  });
}

describe('npm run ask', () => {
  it('prints exactly one JSON object per input line, in order, even for bad lines', () => {
    const lines = ['كم تعهد تريلسون في الكويت؟', '', 'ما عاصمة اليابان؟', 'How much money did Tillerson pledge?'];
    const output = ask(['--json'], `${lines.join('\n')}\n`)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(output.map((o) => [o.question, o.status])).toEqual([
      [lines[0], 'answered'],
      ['', 'rejected'],
      [lines[2], 'not_found'],
      [lines[3], 'answered'],
    ]);
    const passage = output[0].passages[0];
    expect(Object.keys(passage)).toEqual(['articleId', 'title', 'source', 'date', 'paragraph', 'text', 'sentence', 'terms', 'score']);
    expect(passage.text).toContain(passage.sentence);
    expect(output[1].passages).toEqual([]);
  }, 30_000);

  it('keeps one line out per line in, whatever bytes a line holds (split on \\n only)', () => {
    const input = Buffer.concat([
      Buffer.from('متى عقد\rاجتماع الكويت؟\r\n'),
      Buffer.from([0xff, 0xfe, 0x00, 0x0b, 0x0a]),
      Buffer.from('\r\r\n\u2028\n'),
      Buffer.from('last line without a newline'),
    ]);
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], {
      cwd: projectRoot(),
      input,
      env: { ...process.env, CORPUS_DIR: '' },
    });
    const lines = output.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).question)).toEqual([
      'متى عقد\rاجتماع الكويت؟',
      '\uFFFD\uFFFD\u0000\u000b',
      '\r',
      '\u2028',
      'last line without a newline',
    ]);
  }, 30_000);

  it('answers a question given as an argument, readably', () => {
    const output = ask(['متى ستنتهي المهمة العسكرية للتحالف في العراق؟']);
    expect(output).toContain('سبتمبر 2025');
    expect(output).toContain('الفقرة');
  }, 30_000);
});
