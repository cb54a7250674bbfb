import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type Store, type StoreChange, StoreError } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/postgres-migrations.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../support/postgres.js';

/** What only the shared store does: replicas, their notices, their locks, their migrations. */
const unavailable = postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL store tests skipped: ${unavailable}`);

let server: TestPostgres;
const open: Store[] = [];

async function replica(url: string, id: string): Promise<Store> {
  const store = await openPostgresStore(url, { replicaId: id });
  open.push(store);
  return store;
}

async function sql<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!!unavailable)('the PostgreSQL store shared by replicas', () => {
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('migrates once when two replicas start at the same moment', async () => {
    const url = await server.database();
    await Promise.all([replica(url, 'a'), replica(url, 'b'), replica(url, 'c')]);
    const steps = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(steps.map((s) => s.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database migrated by a newer version of the bot', async () => {
    const url = await server.database();
    await (await replica(url, 'a')).close();
    await sql(url, "INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')");
    const error = await openPostgresStore(url, { replicaId: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('newer_schema');
    expect((error as StoreError).message).toMatch(/schema 99/);
  });

  it('explains an unreachable database without showing its password', async () => {
    const error = await openPostgresStore('postgres://bot:hunter2-secret@127.0.0.1:1/bot', { replicaId: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('unreachable');
    expect((error as StoreError).message).toMatch(/postgres:\/\/bot@127\.0\.0\.1:1\/bot.*DATABASE_URL/);
    expect((error as StoreError).message).not.toContain('hunter2');
  });

  it('counts one rate-limit window across replicas', async () => {
    const url = await server.database();
    const [a, b] = [await replica(url, 'a'), await replica(url, 'b')];
    const limits = [a.rateLimiter('user', 5, 60_000), b.rateLimiter('user', 5, 60_000)];
    const takes: boolean[] = [];
    for (let i = 0; i < 6; i++) takes.push(await limits[i % 2]!.take('discord:42'));
    expect(takes).toEqual([true, true, true, true, true, false]);
  });

  it('keeps limiting in memory while the database is unreachable', async () => {
    const store = await replica(await server.database(), 'a');
    const limiter = store.rateLimiter('user', 2, 60_000);
    await store.close();
    const takes = [await limiter.take('discord:9'), await limiter.take('discord:9'), await limiter.take('discord:9')];
    expect(takes).toEqual([true, true, false]);
  });

  it('counts concurrent requests exactly: ten at once on two replicas, five pass', async () => {
    const url = await server.database();
    const [a, b] = [await replica(url, 'a'), await replica(url, 'b')];
    const limits = [a.rateLimiter('user', 5, 60_000), b.rateLimiter('user', 5, 60_000)];
    const takes = await Promise.all(Array.from({ length: 10 }, (_, i) => limits[i % 2]!.take('telegram:7')));
    expect(takes.filter(Boolean)).toHaveLength(5);
  });

  it('tells every other replica of a change, and not the one that made it', async () => {
    const url = await server.database();
    const [a, b, c] = [await replica(url, 'a'), await replica(url, 'b'), await replica(url, 'c')];
    const heard: Record<string, StoreChange[]> = { a: [], b: [], c: [] };
    const arrived = (id: string) =>
      new Promise<void>((resolve) =>
        ({ a, b, c })[id as 'a']!.subscribe((change) => {
          heard[id]!.push(change);
          resolve();
        }),
      );
    void arrived('a');
    const both = Promise.all([arrived('b'), arrived('c')]);
    await a.publish({ kind: 'channels', scopeId: 'guild-1' });
    await both;
    expect(heard).toEqual({ a: [], b: [{ kind: 'channels', scopeId: 'guild-1' }], c: [{ kind: 'channels', scopeId: 'guild-1' }] });
  });

  it('listens again after losing its connection, and rereads what a lost notice could have said', async () => {
    const url = await server.database();
    const [a, b] = [await replica(url, 'a'), await replica(url, 'b')];
    const heard: StoreChange[] = [];
    let wake = () => {};
    b.subscribe((change) => {
      heard.push(change);
      wake();
    });
    const next = (count: number) =>
      new Promise<void>((resolve) => {
        wake = () => heard.length >= count && resolve();
        wake();
      });
    await sql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN bot_changes' AND application_name = ''");
    // reconnected: b rereads synonyms and channel rules, since a notice may have been sent while it was away
    await next(2);
    expect(heard).toEqual([{ kind: 'synonyms' }, { kind: 'channels' }]);
    await a.publish({ kind: 'reload' });
    await next(3);
    expect(heard[2]).toEqual({ kind: 'reload' });
  });

  it('lets one replica hold a lock; another gets it once released', async () => {
    const url = await server.database();
    const [a, b] = [await replica(url, 'a'), await replica(url, 'b')];
    const held = await a.tryLock('telegram-polling');
    expect(held).toBeDefined();
    expect(await b.tryLock('telegram-polling')).toBeUndefined();
    // one holder, whichever replica asks
    expect(await a.tryLock('telegram-polling')).toBeUndefined();
    await held!.release();
    const taken = await b.tryLock('telegram-polling');
    expect(taken).toBeDefined();
    await taken!.release();
  });

  it('tells the holder when its lock is lost with its connection', async () => {
    const url = await server.database();
    const a = await replica(url, 'a');
    const held = await a.tryLock('telegram-polling');
    await sql(url, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");
    await held!.lost;
    const b = await replica(url, 'b');
    expect(await b.tryLock('telegram-polling')).toBeDefined();
  });

  it('frees a lock when its holder goes away without releasing it', async () => {
    const url = await server.database();
    const [a, b] = [await replica(url, 'a'), await replica(url, 'b')];
    expect(await a.tryLock('telegram-polling')).toBeDefined();
    await a.close();
    const taken = await b.tryLock('telegram-polling');
    expect(taken).toBeDefined();
    await taken!.release();
  });
});
