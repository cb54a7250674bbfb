import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const root = projectRoot();
const PLATFORM_LIBRARIES = /from ['"](discord\.js|@discordjs\/[^'"]+|telegraf(\/[^'"]*)?)['"]/;

describe('architecture', () => {
  it.each(['src/core', 'src/search', 'src/text', 'src/corpus', 'src/store', 'commands'])('%s imports no platform library', (dir) => {
    const offenders = sourceFiles(join(root, dir)).filter((file) => PLATFORM_LIBRARIES.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the core reads no environment variable', () => {
    const dirs = ['src/core', 'src/search', 'src/text', 'src/corpus', 'src/store', 'commands'];
    const offenders = dirs.flatMap((d) => sourceFiles(join(root, d))).filter((file) => /process\.env/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
