import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../core/logger.js';

/**
 * Calls `onChange` once a burst of changes in the corpus directory has
 * settled (editors write a file in several steps).
 */
export function watchCorpus(dir: string, onChange: () => void, logger: Logger, settleMs = 1000): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    });
    watcher.on('error', (error) => logger.warn({ err: error, dir }, 'corpus watch stopped; use /reload or SIGHUP'));
  } catch (error) {
    logger.warn({ err: error, dir }, 'cannot watch the corpus directory; use /reload or SIGHUP');
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
