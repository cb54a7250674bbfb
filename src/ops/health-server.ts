import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import { METRICS_CONTENT_TYPE } from './metrics.js';

export interface Readiness {
  ready: boolean;
  checks: Record<string, boolean>;
  /** the checks that are false, when any */
  failing?: string[];
}

export interface HealthServerOptions {
  /** 0 picks a free port (tests); the app does not start the server at all when HEALTH_PORT is 0 */
  port: number;
  host: string;
  readiness: () => Readiness;
  metrics: () => string | Promise<string>;
  logger: Logger;
}

export interface HealthServer {
  /** Resolves with the address bound; rejects with a one-line explanation (port in use…). */
  listen(): Promise<{ host: string; port: number }>;
  close(): Promise<void>;
}

/**
 * /healthz (the process is up), /readyz (ready to answer; 503 with the
 * failing checks otherwise) and /metrics (Prometheus text), on node:http.
 *
 * @example curl -s localhost:8080/readyz → {"ready":true,"checks":{"index":true,"telegram":true,"accepting":true}}
 */
export function createHealthServer(options: HealthServerOptions): HealthServer {
  const { logger } = options;

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const json = (value: unknown) => `${JSON.stringify(value)}\n`;

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://health').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'application/json', json({ error: 'method not allowed' }), { allow: 'GET, HEAD' });
      return;
    }
    switch (path) {
      case '/healthz':
        send(req, res, 200, 'application/json', json({ status: 'ok' }));
        return;
      case '/readyz': {
        const readiness = options.readiness();
        send(req, res, readiness.ready ? 200 : 503, 'application/json', json(readiness));
        return;
      }
      case '/metrics':
        void Promise.resolve()
          .then(() => options.metrics())
          .then(
            (text) => send(req, res, 200, METRICS_CONTENT_TYPE, text),
            (error: unknown) => {
              logger.error({ err: error }, 'metrics failed');
              send(req, res, 500, 'application/json', json({ error: 'internal error' }));
            },
          );
        return;
      default:
        send(req, res, 404, 'application/json', json({ error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] }));
    }
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      logger.error({ err: error, path: req.url }, 'health endpoint failed');
      if (!res.headersSent) send(req, res, 500, 'application/json', json({ error: 'internal error' }));
      else res.destroy();
    }
  });
  // probes are tiny: a slow or idle client must not hold a socket for long
  server.requestTimeout = 5000;
  server.headersTimeout = 5000;
  server.keepAliveTimeout = 5000;

  return {
    listen() {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(
            new Error(
              `cannot serve health checks on ${options.host}:${options.port} (${error.code ?? error.message}) — set HEALTH_PORT to a free port, or 0 to turn the health server off`,
            ),
          );
        };
        server.once('error', onError);
        server.listen(options.port, options.host, () => {
          server.off('error', onError);
          server.on('error', (error) => logger.error({ err: error }, 'health server error'));
          const address = server.address() as AddressInfo;
          resolve({ host: address.address, port: address.port });
        });
      });
    },
    close() {
      if (!server.listening) return Promise.resolve();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
