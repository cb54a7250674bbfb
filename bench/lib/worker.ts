/**
 * Child process entry: runs one Job (argv[2], JSON) and reports a JobOutcome
 * over IPC. One process per (dataset, system) so the heap it measures holds
 * that system's index and nothing left over from another.
 */
import { sharedDir } from '../../src/eval/shared-data.js';
import { systemNamed } from '../systems/index.js';
import type { Job, JobOutcome } from './job.js';
import { measure } from './measure.js';

async function run(job: Job): Promise<JobOutcome> {
  const shared = sharedDir(process.env.SHARED_DIR);
  if (!shared) return { ok: false, error: '../shared is not here' };
  const system = systemNamed(job.system);
  if (!system) return { ok: false, error: `no system named "${job.system}"` };
  try {
    return { ok: true, measurement: await measure(job, system, shared) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const outcome = await run(JSON.parse(process.argv[2] ?? '{}') as Job);
// Exit explicitly: some peers leave timers behind (FlexSearch's encoder cache).
process.send!(outcome, () => process.exit(0));
