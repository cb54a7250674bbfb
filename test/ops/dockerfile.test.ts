import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';
import { copiesOf, readDockerfile, runsOf } from './support/dockerfile-model.js';

const ROOT = projectRoot();
const model = readDockerfile();
const { runtime } = model;
const keywords = (stage: typeof runtime) => stage.instructions.map((i) => i.getKeyword());
const stage = (name: string) => model.stages.find((s) => s.name === name);
/** The stages a stage is built on, itself first. */
function lineage(name: string | undefined): string[] {
  const chain: string[] = [];
  for (let s = model.stages.find((x) => x.name === name); s; s = model.stages.find((x) => x.name === s!.base)) chain.push(s.base);
  return chain;
}

describe('the Dockerfile', () => {
  it('has a build stage, a production-dependencies stage and a runtime stage', () => {
    expect(model.stages.length).toBeGreaterThanOrEqual(3);
    expect(stage('build')).toBeDefined();
    expect(stage('prod-deps')).toBeDefined();
    expect(runtime.name).toBe('runtime');
  });

  it('starts every stage from a current Node LTS, slim', () => {
    const images = model.stages.map((s) => s.base).filter((base) => !model.stages.some((s) => s.name === base));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const match = /^node:(\d+)-(\w+)-slim$/.exec(image);
      expect(match, image).not.toBeNull();
      const major = Number(match![1]);
      // even majors are the LTS lines; 22 and 24 are current
      expect(major % 2, image).toBe(0);
      expect(major, image).toBeGreaterThanOrEqual(22);
    }
  });

  it('builds with the dev dependencies and the compilers better-sqlite3 may need', () => {
    const build = stage('build')!;
    const runs = [...lineage('build').flatMap((base) => (stage(base) ? runsOf(stage(base)!) : [])), ...runsOf(build)].join('\n');
    expect(runs).toMatch(/apt-get install[^\n]*python3/);
    expect(runs).toMatch(/apt-get install[^\n]*\bmake\b/);
    expect(runs).toMatch(/apt-get install[^\n]*g\+\+/);
    expect(runsOf(build)).toContain('npm ci');
    expect(runsOf(build)).toContain('npm run build');
    expect(copiesOf(build).some((c) => c.sources.includes('package-lock.json'))).toBe(true);
  });

  it('installs production dependencies only in their own stage', () => {
    const prod = stage('prod-deps')!;
    expect(runsOf(prod).some((r) => /^npm ci --omit=dev\b/.test(r))).toBe(true);
    // the same base as the runtime, so the compiled better-sqlite3 matches its Node
    const root = (name: string | undefined) => lineage(name).find((base) => !stage(base));
    expect(root('prod-deps')).toBe(runtime.base);
  });

  it('runs with no compilers and no dev dependencies', () => {
    expect(stage(runtime.base)).toBeUndefined();
    expect(runsOf(runtime).join('\n')).not.toMatch(/apt-get|npm (ci|install)|python3|g\+\+/);
    const fromStages = copiesOf(runtime).filter((c) => c.from);
    const modules = fromStages.filter((c) => c.sources.some((s) => s.endsWith('node_modules')));
    expect(modules.map((c) => c.from)).toEqual(['prod-deps']);
    expect(fromStages.find((c) => c.from === 'build')?.sources).toEqual(['/app/dist']);
  });

  it('copies the built output, the corpus, the lexicon and package.json into the runtime', () => {
    const copies = copiesOf(runtime);
    expect(copies.some((c) => c.from === 'build' && c.sources.includes('/app/dist') && c.dest === './dist')).toBe(true);
    expect(copies.some((c) => !c.from && c.sources.includes('corpus') && c.dest === './corpus')).toBe(true);
    expect(copies.some((c) => !c.from && c.sources.includes('lexicon') && c.dest === './lexicon')).toBe(true);
    expect(copies.some((c) => !c.from && c.sources.includes('package.json'))).toBe(true);
    expect(model.workdir).toBe('/app');
  });

  it('sets the production environment, the health port and the data directory', () => {
    expect(model.env).toMatchObject({ NODE_ENV: 'production', HEALTH_PORT: '8080', DATA_DIR: '/data' });
  });

  it('runs as the non-root node user, after the last step that needs root', () => {
    const users = runtime.instructions.filter((i) => i.getKeyword() === 'USER');
    expect(users.at(-1)?.getArguments()[0]?.getValue()).toBe('node');
    const afterUser = keywords(runtime).slice(keywords(runtime).lastIndexOf('USER'));
    expect(afterUser).not.toContain('RUN');
  });

  it('declares /data a volume, owned by node before the VOLUME line', () => {
    const volume = runtime.instructions.find((i) => i.getKeyword() === 'VOLUME');
    expect(volume?.getArguments().map((a) => a.getValue())).toEqual(['/data']);
    const chown = runtime.instructions.findIndex(
      (i) =>
        i.getKeyword() === 'RUN' &&
        /chown[^&]*node(:node)?\s+\/data\b/.test(
          i
            .getArguments()
            .map((a) => a.getValue())
            .join(' '),
        ),
    );
    expect(chown).toBeGreaterThanOrEqual(0);
    expect(chown).toBeLessThan(runtime.instructions.indexOf(volume!));
  });

  it('exposes the health port and checks /healthz with node, on that port', () => {
    expect(
      runtime.instructions
        .find((i) => i.getKeyword() === 'EXPOSE')
        ?.getArguments()[0]
        ?.getValue(),
    ).toBe(model.env.HEALTH_PORT);
    const check = model.healthcheck;
    expect(check?.cmd?.[0]).toBe('node');
    expect(check!.cmd!.join(' ')).toContain('/healthz');
    expect(check!.cmd!.join(' ')).toContain('process.env.HEALTH_PORT');
    expect(check!.flags).toMatchObject({ interval: expect.any(String), timeout: expect.any(String), 'start-period': expect.any(String) });
  });

  it('stops with SIGTERM and runs node directly, in exec form, so the signal reaches it', () => {
    expect(
      runtime.instructions
        .find((i) => i.getKeyword() === 'STOPSIGNAL')
        ?.getArguments()[0]
        ?.getValue(),
    ).toBe('SIGTERM');
    expect(model.cmd).toEqual(['node', 'dist/src/main.js']);
    expect(keywords(runtime)).not.toContain('ENTRYPOINT');
  });

  it('builds an entry point that the build configuration actually emits', () => {
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    expect(build.include).toContain('src');
    expect(model.cmd![1]).toBe('dist/src/main.js');
  });

  it('has a lock file in step with package.json, or npm ci would refuse it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    expect(lock.packages[''].dependencies).toEqual(pkg.dependencies);
    expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
  });
});

describe('the .dockerignore', () => {
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps dependencies, build output, state, secrets, history and scratch out of the context', () => {
    for (const entry of ['node_modules', 'dist', 'data', '.git', '.env', 'scratch']) expect(ignored, entry).toContain(entry);
  });

  it('keeps in everything the COPY lines need', () => {
    const needed = model.stages.flatMap((s) =>
      copiesOf(s)
        .filter((c) => !c.from)
        .flatMap((c) => c.sources),
    );
    for (const source of needed) {
      expect(ignored, source).not.toContain(source);
      expect(
        ignored.some((pattern) => pattern === source.split('/')[0]),
        source,
      ).toBe(false);
    }
  });
});
