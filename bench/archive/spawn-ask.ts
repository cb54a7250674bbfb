import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/project-root.js';

export interface AskRun {
  /** from spawn to the first answer line on stdout */
  firstAnswerMs: number;
  /** from spawn to exit (the process also finishes writing its snapshot) */
  exitMs: number;
  /** the child's peak resident set size, from GNU time */
  peakRssMb: number;
  /** user + system CPU seconds of the child: steadier than wall time on a shared machine */
  cpuS: number;
  answers: string[];
  stderr: string;
}

/**
 * Runs the whole bot from files the way an operator does (`npm run ask --
 * --json`, minus npm), under GNU time for the peak RSS of the node process.
 */
export function spawnAsk(corpusDir: string, dataDir: string, questions: readonly string[], cwd = projectRoot()): Promise<AskRun> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', 'MAXRSS_KB %M CPU %U %S', process.execPath, '--import', 'tsx', 'src/cli/ask.ts', '--json'], {
    cwd,
    env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(questions.map((q) => `${q}\n`).join(''));
  const answers: string[] = [];
  let firstAnswerMs = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (answers.length === 0) firstAnswerMs = performance.now() - started;
    answers.push(line);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /MAXRSS_KB (\d+) CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !rss) {
        reject(new Error(`ask exited with ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      resolve({
        firstAnswerMs,
        exitMs: performance.now() - started,
        peakRssMb: Number(rss[1]) / 1024,
        cpuS: Number(rss[2]) + Number(rss[3]),
        answers,
        stderr,
      });
    });
  });
}
