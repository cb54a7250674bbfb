import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { createHealthServer, type HealthServer, type Readiness } from '../../src/ops/health-server.js';
import { METRICS_CONTENT_TYPE } from '../../src/ops/metrics.js';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(port: number, path: string, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(readiness: () => Readiness, metrics = () => '# TYPE x gauge\nx 1\n'): Promise<number> {
  server = createHealthServer({ port: 0, host: '127.0.0.1', readiness, metrics, logger: silentLogger });
  return (await server.listen()).port;
}

describe('the health server', () => {
  it('answers /healthz with 200 whatever the readiness', async () => {
    const port = await serve(() => ({ ready: false, checks: { index: false } }));
    const res = await call(port, '/healthz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers /readyz with 503 and the failing checks until ready, then 200', async () => {
    let readiness: Readiness = { ready: false, checks: { index: true, telegram: false, accepting: true } };
    const port = await serve(() => readiness);
    const before = await call(port, '/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body)).toEqual({ ready: false, checks: { index: true, telegram: false, accepting: true } });

    readiness = { ready: true, checks: { index: true, telegram: true, accepting: true } };
    const after = await call(port, '/readyz');
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).ready).toBe(true);
  });

  it('serves /metrics as Prometheus text, rendered on each scrape', async () => {
    let scrapes = 0;
    const port = await serve(
      () => ({ ready: true, checks: {} }),
      () => `# TYPE scrapes counter\nscrapes ${++scrapes}\n`,
    );
    await call(port, '/metrics');
    const res = await call(port, '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(METRICS_CONTENT_TYPE);
    expect(res.body).toBe('# TYPE scrapes counter\nscrapes 2\n');
  });

  it('ignores the query string and answers HEAD with headers only', async () => {
    const port = await serve(() => ({ ready: false, checks: { index: false } }));
    expect((await call(port, '/healthz?probe=docker')).status).toBe(200);
    const head = await call(port, '/readyz', 'HEAD');
    expect(head.status).toBe(503);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    const port = await serve(() => ({ ready: true, checks: {} }));
    expect((await call(port, '/')).status).toBe(404);
    expect((await call(port, '/health')).status).toBe(404);
    const post = await call(port, '/healthz', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers 500 when a check throws, and keeps serving', async () => {
    const port = await serve(() => {
      throw new Error('boom');
    });
    expect((await call(port, '/readyz')).status).toBe(500);
    expect((await call(port, '/healthz')).status).toBe(200);
  });

  it('explains a port already in use, naming HEALTH_PORT', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      server = createHealthServer({
        port,
        host: '127.0.0.1',
        readiness: () => ({ ready: true, checks: {} }),
        metrics: () => '',
        logger: silentLogger,
      });
      await expect(server.listen()).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\).*HEALTH_PORT`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('closes even with a keep-alive client connected', async () => {
    const port = await serve(() => ({ ready: true, checks: {} }));
    const keepAlive = new (await import('node:http')).Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/healthz', agent: keepAlive }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = Date.now();
    await server!.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
    keepAlive.destroy();
  });
});
