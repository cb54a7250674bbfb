/**
 * docs/operations.md must work as written where Docker exists: its commands
 * have to agree with the Dockerfile, the configuration and the metrics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { projectRoot } from '../../src/project-root.js';
import { readDockerfile } from './support/dockerfile-model.js';
import { parsePrometheusText } from './support/prometheus-text.js';

const doc = readFileSync(join(projectRoot(), 'docs/operations.md'), 'utf8');
const model = readDockerfile();
const shell = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\\\n\s*/g, ' ')).join('\n');
const commands = shell
  .split('\n')
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter(Boolean);
const dockerRun = commands.find((c) => c.startsWith('docker run -d'))!;
const imageTag = /docker build -t (\S+) \./.exec(shell)?.[1];

describe('the container section of docs/operations.md', () => {
  it('builds an image and runs that same image', () => {
    expect(imageTag).toBeTruthy();
    expect(dockerRun.split(' ').at(-1)).toBe(imageTag);
  });

  it('runs with the env file, the data volume at the image VOLUME and the exposed health port', () => {
    const volume = model.runtime.instructions
      .find((i) => i.getKeyword() === 'VOLUME')!
      .getArguments()[0]!
      .getValue();
    const exposed = model.runtime.instructions
      .find((i) => i.getKeyword() === 'EXPOSE')!
      .getArguments()[0]!
      .getValue();
    expect(dockerRun).toContain('--env-file .env');
    expect(dockerRun).toMatch(new RegExp(`-v \\S+:${volume}(\\s|$)`));
    expect(dockerRun).toContain(`-p ${exposed}:${model.env.HEALTH_PORT}`);
    const name = /--name (\S+)/.exec(dockerRun)?.[1];
    expect(commands).toContain(`docker kill --signal=HUP ${name}`);
    expect(commands).toContain(`docker logs -f ${name}`);
    expect(commands).toContain(`docker stop ${name}`);
  });

  it('gives Docker longer to stop than the bot waits for questions in flight', () => {
    const stopTimeout = Number(/--stop-timeout (\d+)/.exec(dockerRun)?.[1]);
    const shutdownMs = Number(envSchema.shape.SHUTDOWN_TIMEOUT_MS.parse(undefined) as number);
    expect(stopTimeout * 1000).toBeGreaterThan(shutdownMs);
  });

  it('probes the three health paths on the published port', () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) expect(shell).toContain(`http://localhost:${model.env.HEALTH_PORT}${path}`);
  });

  it('names only variables the bot reads', () => {
    const named = new Set([...doc.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)(?:=[^`]*)?`/g)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(4);
    const known = new Set(Object.keys(envSchema.shape));
    expect([...named].filter((name) => !known.has(name))).toEqual([]);
  });

  it("lists exactly the bot's own metrics /metrics serves (besides prom-client's runtime defaults)", async () => {
    const served = [
      ...parsePrometheusText(
        await createMetrics({ platforms: [], indexSize: () => undefined, ready: () => false, runtime: false }).render(),
      ).keys(),
    ];
    const listed = [...doc.matchAll(/`((?:qabot|process)_[a-z_]+)/g)].map((m) => m[1]!);
    expect(new Set(listed)).toEqual(new Set(served));
  });
});
