import { lstatSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusStamps } from '../../src/core/corpus-stamps.js';

describe('corpus stamps', () => {
  it('are every regular file, sorted by name, with its size and modification time ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-stamps-'));
    writeFileSync(join(dir, 'b.txt'), 'بعض النص');
    writeFileSync(join(dir, 'a.json'), '{}');
    writeFileSync(join(dir, 'a.txt'), '');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'b.txt'), join(dir, 'link.txt'));
    const stamp = (name: string) => {
      const info = lstatSync(join(dir, name));
      return { name, size: info.size, mtimeMs: info.mtimeMs };
    };
    expect(await corpusStamps(dir)).toEqual([stamp('a.json'), stamp('a.txt'), stamp('b.txt')]);
  });

  it('keep the stamp made before of a file whose size and modification time are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-stamps-'));
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(dir, name), name);
    const before = (await corpusStamps(dir))!;
    writeFileSync(join(dir, 'b.txt'), 'longer than before');
    writeFileSync(join(dir, 'aa.txt'), 'new');
    const after = (await corpusStamps(dir, before))!;
    expect(after.map((s) => s.name)).toEqual(['a.txt', 'aa.txt', 'b.txt', 'c.txt']);
    expect(after[0]).toBe(before[0]);
    expect(after[3]).toBe(before[2]);
    expect(after[2]).not.toBe(before[1]);
    expect(after[2]!.size).toBe('longer than before'.length);
  });

  it('are undefined for a directory that cannot be read', async () => {
    expect(await corpusStamps(join(tmpdir(), 'qa-no-such-directory-here'))).toBeUndefined();
  });
});
