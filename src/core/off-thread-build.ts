import { Worker } from 'node:worker_threads';
import { type BuildRequest, type BuildResult, runBuildJob } from './build-job.js';

/**
 * The worker's entry beside this module: build-worker.js once compiled (the
 * container), build-worker.ts under tsx (npm start, tests), which needs tsx's
 * loader registered in the worker first (a worker does not inherit it from
 * vitest, and under Node 20 not reliably from `--import` either).
 */
function startWorker(request: BuildRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./build-worker.js', import.meta.url), { workerData: request });
  const entry = new URL('./build-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: request });
}

/**
 * Runs a build in a worker thread, so the thread answering questions only
 * swaps the result in. Rejects when the worker fails (the caller keeps the
 * index it has).
 */
export function buildOffThread(request: BuildRequest): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startWorker(request);
    worker.once('message', (result: BuildResult) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the build worker exited with code ${code} before answering`));
      settled = true;
    });
  });
}

/** The same build in the calling thread (blocks it): for when no worker can start. */
export function buildOnThisThread(request: BuildRequest): Promise<BuildResult> {
  return runBuildJob(request);
}
