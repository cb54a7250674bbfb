import type { BotService } from '../core/bot-service.js';
import type { Dispatcher } from '../core/dispatch.js';
import type { Logger } from '../core/logger.js';

/**
 * A platform connection. Adapters only translate: platform event →
 * Invocation → dispatcher → Reply → platform message.
 */
export interface Adapter {
  readonly name: 'discord' | 'telegram' | 'console';
  /** Connects; rejects with an AdapterStartError when it cannot (bad token, platform down). */
  start(): Promise<void>;
  /**
   * Stops fetching new events where the platform keeps them for the next
   * instance (Telegram long polling); events already received are still answered.
   */
  stopReceiving?(): Promise<void>;
  /** Closes the platform connection; the dispatcher has already drained. */
  stop(): Promise<void>;
  /** Connected and able to answer (for /readyz). */
  isReady(): boolean;
}

export interface AdapterDeps {
  dispatcher: Dispatcher;
  bot: BotService;
  logger: Logger;
  /** LOG_HASH_USER_IDS: log a hash instead of the platform's user id */
  hashUserIds: boolean;
}

/** A start failure an operator can act on: one line naming the cause and the fix. */
export class AdapterStartError extends Error {
  constructor(
    readonly adapter: string,
    message: string,
  ) {
    super(`${adapter}: ${message}`);
    this.name = 'AdapterStartError';
  }
}
