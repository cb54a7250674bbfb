import type { Logger } from '../core/logger.js';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** PostgreSQL when DATABASE_URL is set (replicas share it), else SQLite in the data directory (one process). */
export async function openStore(options: { databaseUrl?: string; dataDir: string; replicaId: string; logger?: Logger }): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl, { replicaId: options.replicaId, logger: options.logger });
  return openSqliteStore(options.dataDir);
}
