import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Copy, DockerfileParser, Env, type Flag, Healthcheck, type Instruction, JSONInstruction } from 'dockerfile-ast';
import { projectRoot } from '../../../src/project-root.js';

export const DOCKERFILE = join(projectRoot(), 'Dockerfile');

export interface Stage {
  name: string | undefined;
  /** the image or stage this one starts from */
  base: string;
  instructions: Instruction[];
}

/** The parts of the Dockerfile the tests check and the CMD test reproduces. */
export interface DockerfileModel {
  text: string;
  stages: Stage[];
  runtime: Stage;
  /** ENV of the runtime stage (and of the stages it derives from) */
  env: Record<string, string>;
  workdir: string;
  /** exec-form CMD of the runtime stage, or undefined when it is shell form */
  cmd: string[] | undefined;
  /** exec-form HEALTHCHECK CMD of the runtime stage */
  healthcheck: { flags: Record<string, string>; cmd: string[] | undefined } | undefined;
}

/** A zero-based line and character, as the parser reports positions. */
interface Position {
  line: number;
  character: number;
}

function offsetOf(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i]!.length + 1;
  return offset + position.character;
}

/** The source text between two positions, line continuations removed (what Docker sees). */
function sourceBetween(text: string, start: Position, end: Position): string {
  return text
    .slice(offsetOf(text, start), offsetOf(text, end))
    .replace(/\\\r?\n/g, ' ')
    .trim();
}

export function flagsOf(instruction: Instruction): Record<string, string> {
  const flags = 'getFlags' in instruction ? (instruction as unknown as { getFlags(): Flag[] }).getFlags() : [];
  return Object.fromEntries(flags.map((f) => [f.getName(), f.getValue() ?? '']));
}

/** Exec form (a JSON array) or undefined for shell form, as Docker decides it. */
function execForm(source: string): string[] | undefined {
  if (!source.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(source);
  return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : undefined;
}

export function readDockerfile(path = DOCKERFILE): DockerfileModel {
  const text = readFileSync(path, 'utf8');
  const dockerfile = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = dockerfile.getFROMs().find((f) => f.getRange().start.line === instruction.getRange().start.line)!;
      stages.push({ name: from.getBuildStage() ?? undefined, base: from.getImage() ?? '', instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  const runtime = stages.at(-1);
  if (!runtime) throw new Error('the Dockerfile has no FROM');

  // a stage inherits ENV and WORKDIR from the stage it is built on
  const lineage: Stage[] = [];
  for (let stage: Stage | undefined = runtime; stage; stage = stages.find((s) => s.name === stage!.base)) lineage.unshift(stage);
  const env: Record<string, string> = {};
  let workdir = '/';
  for (const instruction of lineage.flatMap((s) => s.instructions)) {
    if (instruction instanceof Env) for (const p of instruction.getProperties()) env[p.getName()] = p.getValue() ?? '';
    if (instruction.getKeyword() === 'WORKDIR') workdir = join(workdir, instruction.getArguments()[0]!.getValue());
  }

  const cmdInstruction = runtime.instructions.filter((i) => i.getKeyword() === 'CMD').at(-1);
  const cmd =
    cmdInstruction instanceof JSONInstruction && cmdInstruction.getJSONStrings().length
      ? cmdInstruction.getJSONStrings().map((s) => s.getJSONValue())
      : undefined;

  const check = runtime.instructions.filter((i): i is Healthcheck => i instanceof Healthcheck).at(-1);
  let healthcheck: DockerfileModel['healthcheck'];
  if (check) {
    const sub = check.getSubcommand();
    const source = sub ? sourceBetween(text, sub.getRange().end, check.getRange().end) : '';
    healthcheck = { flags: flagsOf(check), cmd: sub?.getValue().toUpperCase() === 'CMD' ? execForm(source) : undefined };
  }
  return { text, stages, runtime, env, workdir, cmd, healthcheck };
}

/** `COPY [--from=stage] src… dest` of a stage, sources and destination as written. */
export function copiesOf(stage: Stage): { from: string | undefined; sources: string[]; dest: string }[] {
  return stage.instructions
    .filter((i): i is Copy => i instanceof Copy)
    .map((copy) => {
      const args = copy
        .getArguments()
        .map((a) => a.getValue())
        .filter((v) => !v.startsWith('--'));
      return { from: flagsOf(copy).from, sources: args.slice(0, -1), dest: args.at(-1)! };
    });
}

/** RUN commands of a stage, as one line each. */
export function runsOf(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => i.getKeyword() === 'RUN')
    .map((i) =>
      i
        .getArguments()
        .map((a) => a.getValue())
        .join(' '),
    );
}
