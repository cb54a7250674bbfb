/**
 * Run as a child process by the durability test: records questions one by
 * one into the store under argv[2], printing "ack <n>" after each write
 * returns, until it is killed.
 */
import { openSqliteStore } from '../../../src/store/index.js';

const store = openSqliteStore(process.argv[2]!);
let n = 0;
async function writeOne(): Promise<void> {
  n++;
  await store.recordQuestion({
    at: n,
    platform: 'telegram',
    status: 'not_found',
    latencyMs: 1,
    missingQuestion: `سؤال رقم ${n} عن اجتماع التحالف في الكويت`,
  });
  if (n % 3 === 0) await store.addSynonym([`مرادف ${n}`, `synonym ${n}`], 'moderator', n);
  process.stdout.write(`ack ${n}\n`);
  setImmediate(() => void writeOne());
}
void writeOne();
