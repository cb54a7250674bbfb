import type { Logger } from '../../core/logger.js';

/**
 * The adapter's one error boundary. Expected failures are replies already;
 * anything thrown here is unexpected: it is logged with the event's context
 * (interaction or message id, user, channel) and the user gets a short
 * apology, never a stack trace and never silence.
 */
export async function withErrorBoundary(log: Logger, work: () => Promise<unknown>, apologize: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error({ err: error }, 'discord event failed');
    try {
      await apologize();
    } catch (apologyError) {
      log.warn({ err: apologyError }, 'could not tell the user that something went wrong');
    }
  }
}
