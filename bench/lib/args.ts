import { parseArgs } from 'node:util';
import { QA_DATASETS } from '../../src/eval/shared-data.js';
import { SYSTEMS } from '../systems/index.js';

/** `scale` selects the 31k-passage table and the scaling rows. */
export const DATASET_CHOICES = [...QA_DATASETS, 'scale'] as const;
export type DatasetChoice = (typeof DATASET_CHOICES)[number];

export interface BenchArgs {
  quick: boolean;
  help: boolean;
  /** systems to run (undefined = all) */
  only?: string[];
  /** datasets to run (undefined = all) */
  datasets?: DatasetChoice[];
}

export const USAGE = `Usage: npm run bench -- [--quick] [--only <system>[,…]] [--dataset <name>[,…]]
  --quick      a subset in under a minute: fewer questions, no 31k-passage corpus
  --only       systems: ${SYSTEMS.map((s) => s.name).join(', ')}
  --dataset    datasets: ${DATASET_CHOICES.join(', ')} (scale = TyDi QA + SaudiNewsNet and the scaling rows)
Only a full run (no flag) writes bench/results/latest.json.`;

const OPTIONS = {
  quick: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  only: { type: 'string', multiple: true },
  dataset: { type: 'string', multiple: true },
} as const;

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
}

/** Reads the command line; a mistake is a value with the message to print, not an exception. */
export function parseBenchArgs(argv: readonly string[]): { ok: true; args: BenchArgs } | { ok: false; error: string } {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { quick, help, only, dataset } = parsed.values;
  const systems = splitList(only);
  const unknownSystem = systems?.find((name) => !SYSTEMS.some((system) => system.name === name));
  if (unknownSystem) return { ok: false, error: `unknown system "${unknownSystem}"; known: ${SYSTEMS.map((s) => s.name).join(', ')}` };
  const datasets = splitList(dataset);
  const unknownDataset = datasets?.find((name) => !(DATASET_CHOICES as readonly string[]).includes(name));
  if (unknownDataset) return { ok: false, error: `unknown dataset "${unknownDataset}"; known: ${DATASET_CHOICES.join(', ')}` };
  return {
    ok: true,
    args: { quick: quick ?? false, help: help ?? false, only: systems, datasets: datasets as DatasetChoice[] | undefined },
  };
}

/** `--only a,b --only c` → ['a', 'b', 'c'] */
function splitList(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function isFullRun(args: BenchArgs): boolean {
  return !args.quick && !args.only && !args.datasets;
}
