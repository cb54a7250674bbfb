import { parentPort, workerData } from 'node:worker_threads';
import { type BuildRequest, runBuildJob } from './build-job.js';

/** The build worker: one job per thread, its result posted back (the snapshot bytes transferred, not copied). */
const result = await runBuildJob(workerData as BuildRequest);
parentPort!.postMessage(result, result.ok && result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
