import type { Logger } from '../../../../src/core/logger.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  /** the child bindings and the logged object, merged */
  fields: Record<string, unknown>;
  message?: string;
}

/** A Logger that keeps every entry, with its child bindings, for assertions. */
export function createRecordingLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const at =
    (level: LogEntry['level']) =>
    (first: object | string, message?: string): void => {
      if (typeof first === 'string') entries.push({ level, fields: { ...bindings }, message: first });
      else entries.push({ level, fields: { ...bindings, ...first }, message });
    };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => createRecordingLogger(entries, { ...bindings, ...more }),
  };
}
