import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { BUILD_NICENESS, type BuildRequest, runBuildJob } from './build-job.js';

/** The build worker: one job per thread, its result posted back (the snapshot bytes transferred, not copied). */
// below the thread answering questions: on Linux a thread's nice value is its own, so only this worker yields the CPU
try {
  setPriority(BUILD_NICENESS);
} catch {
  // not permitted here: build at the same priority
}
const result = await runBuildJob(workerData as BuildRequest);
parentPort!.postMessage(result, result.ok && result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
