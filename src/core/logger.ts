/**
 * The slice of pino the core uses. Passed in, never imported as a global, so
 * tests can hand in a silent or recording logger.
 */
export interface LogFn {
  (object: object, message?: string): void;
  (message: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/** A logger that drops everything (tests, one-shot CLIs). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
