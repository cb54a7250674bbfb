import { cpus, totalmem } from 'node:os';

/** One line naming the machine, so numbers from different runs are read against their hardware. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() || 'unknown CPU';
  const ramGB = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cores.length} cores, ${ramGB} GB RAM, Node ${process.version} (${process.platform} ${process.arch})`;
}
