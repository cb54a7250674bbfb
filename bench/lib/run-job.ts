import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, JobOutcome } from './job.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const TSX_LOADER = import.meta.resolve('tsx');

/**
 * Runs one job in a fresh `node --expose-gc --import tsx` process and waits for
 * its outcome. A worker that crashes, runs out of memory or outlives
 * `timeoutMs` becomes a failed outcome, not an exception: the other jobs go on.
 */
export function runJob(job: Job, timeoutMs: number): Promise<JobOutcome> {
  return new Promise((resolve) => {
    let reported: JobOutcome | undefined;
    let settled = false;
    const settle = (outcome: JobOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const child = fork(WORKER, [JSON.stringify(job)], {
      execArgv: ['--expose-gc', '--max-old-space-size=6144', '--import', TSX_LOADER],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ ok: false, error: `stopped after ${Math.round(timeoutMs / 1000)} s (time limit)` });
    }, timeoutMs);
    child.on('message', (message) => {
      reported = message as JobOutcome;
    });
    child.on('error', (error) => settle({ ok: false, error: `worker failed: ${error.message}` }));
    child.on('exit', (code, signal) =>
      settle(reported ?? { ok: false, error: `worker ended (${signal ?? `exit code ${code}`}) without reporting` }),
    );
  });
}
