import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';

/**
 * The house rules, checked on the source: the core and the commands know no
 * platform, adapters know no sibling, and only entry points read the
 * environment. Each rule also proves it can fail, on a line made to break it.
 */

const root = projectRoot();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

/** A relative import as a path from the project root ("src/adapters/discord/render.js"); a package name as is. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.')
    ? relative(root, resolve(dirname(file), specifier))
        .split(sep)
        .join('/')
    : specifier;
}

const rel = (file: string) => relative(root, file).split(sep).join('/');
const PLATFORM_LIBRARY = /^(discord\.js|@discordjs\/|telegraf(\/|$))/;
const PLATFORM_NEUTRAL = ['src/core', 'src/present', 'src/search', 'src/text', 'src/corpus', 'src/store', 'commands'];
/** Where the pieces are joined: the only files that may read process.env. */
const ENTRY_POINTS = /^(src\/main\.ts|src\/app\.ts|src\/cli\/[^/]+\.ts)$/;

function platformImports(file: string, source: string): string[] {
  return importsOf(source)
    .map((s) => target(file, s))
    .filter((t) => PLATFORM_LIBRARY.test(t) || t.startsWith('src/adapters/'));
}

/** Imports of another adapter's folder (src/adapters/adapter.ts, the shared contract, is allowed). */
function siblingImports(file: string, source: string): string[] {
  const own = rel(file).split('/')[2];
  return importsOf(source)
    .map((s) => target(file, s))
    .filter((t) => /^src\/adapters\/[^/]+\//.test(t) && t.split('/')[2] !== own);
}

const readsEnv = (source: string) => /\bprocess\.env\b/.test(source);

describe('architecture', () => {
  it.each(PLATFORM_NEUTRAL)('%s imports no platform library and no adapter', (dir) => {
    const offenders = sourceFiles(join(root, dir)).flatMap((file) =>
      platformImports(file, readFileSync(file, 'utf8')).map((t) => `${rel(file)} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no adapter imports a sibling adapter', () => {
    const adapters = join(root, 'src/adapters');
    const dirs = readdirSync(adapters).filter((name) => statSync(join(adapters, name)).isDirectory());
    expect(dirs).toEqual(expect.arrayContaining(['console', 'discord', 'telegram']));
    const offenders = dirs.flatMap((dir) =>
      sourceFiles(join(adapters, dir)).flatMap((file) =>
        siblingImports(file, readFileSync(file, 'utf8')).map((t) => `${rel(file)} → ${t}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing below the entry points (src/main.ts, src/app.ts, src/cli) reads process.env', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'commands'))];
    const offenders = files.filter((file) => !ENTRY_POINTS.test(rel(file)) && readsEnv(readFileSync(file, 'utf8')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('catches each kind of offence (the checks can fail)', () => {
    const core = join(root, 'src/core/example.ts');
    expect(platformImports(core, "import { Client } from 'discord.js';")).toEqual(['discord.js']);
    expect(platformImports(core, "import type { Update } from 'telegraf/types';")).toEqual(['telegraf/types']);
    expect(platformImports(core, "export { x } from '../adapters/telegram/render.js';")).toEqual(['src/adapters/telegram/render.js']);
    expect(platformImports(core, "const m = await import('../adapters/discord/index.js');")).toEqual(['src/adapters/discord/index.js']);
    expect(platformImports(core, "import { MESSAGES } from '../present/index.js';")).toEqual([]);
    const discord = join(root, 'src/adapters/discord/render.ts');
    expect(siblingImports(discord, "import { b } from '../telegram/html.js';")).toEqual(['src/adapters/telegram/html.js']);
    expect(siblingImports(discord, "import type { Adapter } from '../adapter.js';")).toEqual([]);
    expect(siblingImports(discord, "import { safeText } from './discord-text.js';")).toEqual([]);
    expect(readsEnv('const token = process.env.DISCORD_TOKEN;')).toBe(true);
    expect(ENTRY_POINTS.test('src/main.ts') && !ENTRY_POINTS.test('src/core/config.ts')).toBe(true);
  });
});
