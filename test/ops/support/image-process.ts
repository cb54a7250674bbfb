import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { projectRoot } from '../../../src/project-root.js';
import { copiesOf, type DockerfileModel } from './dockerfile-model.js';

const ROOT = projectRoot();

/** The tests run as root here; the image runs as "node". Run the child as an unprivileged user when we can. */
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

export interface ImageLayout {
  /** stands for the image's WORKDIR */
  workdir: string;
  /** a fresh directory the bot user owns, like the /data volume */
  newDataDir(): string;
  remove(): void;
}

/**
 * Lays out the runtime stage's files the way its COPY lines do: dist/ built
 * here with tsc, the context files copied, node_modules linked (the image
 * holds the production ones only; the Dockerfile test checks that dist/
 * imports nothing else).
 */
export function layOutImage(model: DockerfileModel): ImageLayout {
  const root = mkdtempSync(join(tmpdir(), 'qa-image-'));
  chmodSync(root, 0o755);
  const workdir = join(root, 'app');
  mkdirSync(workdir);
  for (const copy of copiesOf(model.runtime)) {
    const dest = resolve(workdir, copy.dest);
    if (!dest.startsWith(workdir)) throw new Error(`cannot reproduce a COPY outside WORKDIR: ${copy.dest}`);
    if (copy.from) {
      const what = relative(model.workdir, copy.sources[0]!);
      if (what === 'dist') {
        const tsc = spawnSync(
          process.execPath,
          [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dest],
          { encoding: 'utf8' },
        );
        if (tsc.status !== 0) throw new Error(`the build failed:\n${tsc.stdout}${tsc.stderr}`);
      } else if (what === 'node_modules') {
        symlinkSync(join(ROOT, 'node_modules'), dest, 'dir');
      } else {
        throw new Error(`do not know how to reproduce COPY --from=${copy.from} ${copy.sources.join(' ')}`);
      }
      continue;
    }
    for (const source of copy.sources) {
      const target = copy.dest.endsWith('/') ? join(dest, source) : dest;
      cpSync(join(ROOT, source), target, { recursive: true });
    }
  }
  let dataDirs = 0;
  return {
    workdir,
    newDataDir() {
      const dir = join(root, `data-${++dataDirs}`);
      mkdirSync(dir);
      if (UNPRIVILEGED) chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface ImageProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** log lines (JSON) from both streams */
  logs(): Record<string, any>[];
  /** resolves when the combined output matches, rejects on exit or timeout */
  waitFor(pattern: RegExp, what: string, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/**
 * Runs the image's CMD in the laid-out WORKDIR with the image's ENV plus
 * `env`, and nothing else from this process's environment.
 */
export function runImage(model: DockerfileModel, layout: ImageLayout, env: Record<string, string>): ImageProcess {
  if (!model.cmd) throw new Error('the Dockerfile has no exec-form CMD');
  const [program, ...args] = model.cmd;
  return runProcess({ program: program!, args, cwd: layout.workdir, env: { ...model.env, ...env }, unprivileged: true });
}

/** Runs a program with only PATH, HOME and `env` in its environment; `node` means this Node. */
export function runProcess(options: {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  unprivileged?: boolean;
}): ImageProcess {
  const child = spawn(options.program === 'node' ? process.execPath : options.program, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.unprivileged ? UNPRIVILEGED : {}),
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    notify();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.on('exit', (code, signal) => {
      resolveExit({ code, signal });
      // let the streams flush before waiters give up
      setTimeout(notify, 50);
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      `${out}\n${err}`
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, any>];
          } catch {
            return [];
          }
        }),
    waitFor(pattern, what, timeoutMs = 15_000) {
      return new Promise((resolveMatch, reject) => {
        const check = () => {
          const match = `${out}\n${err}`.match(pattern);
          if (match) return done(() => resolveMatch(match));
          if (hasExited) return done(() => reject(new Error(`the process exited before ${what}\nstdout: ${out}\nstderr: ${err}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`timed out waiting for ${what}\nstdout: ${out}\nstderr: ${err}`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    exited,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
