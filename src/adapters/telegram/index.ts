import type { Config } from '../../config.js';
import { AdapterStartError, type Adapter, type AdapterDeps } from '../adapter.js';

export interface TelegramAdapterOptions extends AdapterDeps {
  config: NonNullable<Config['telegram']>;
}

export function createTelegramAdapter(_options: TelegramAdapterOptions): Adapter {
  throw new AdapterStartError('telegram', 'the Telegram adapter is not built yet');
}
