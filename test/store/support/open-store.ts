/**
 * Run as a child process (as an unprivileged user when the tests run as
 * root): opens the store under argv[2], writes once, and prints "ok" or
 * "<code>: <message>".
 */
import { openSqliteStore, StoreError } from '../../../src/store/index.js';

try {
  const store = openSqliteStore(process.argv[2]!);
  await store.recordQuestion({ at: 1, platform: 'console', status: 'answered', latencyMs: 1 });
  await store.close();
  console.log('ok');
} catch (error) {
  if (!(error instanceof StoreError)) throw error;
  console.log(`${error.code}: ${error.message}`);
}
