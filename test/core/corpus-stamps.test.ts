import { lstatSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusStamps } from '../../src/core/corpus-stamps.js';

describe('corpus stamps', () => {
  it('are every regular file, sorted by name, with its size and modification time (stated in a worker)', async () => {
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

  it('are undefined for a directory that cannot be read', async () => {
    expect(await corpusStamps(join(tmpdir(), 'qa-no-such-directory-here'))).toBeUndefined();
  });
});
