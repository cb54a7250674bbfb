import type { Config } from '../../config.js';
import { AdapterStartError, type Adapter, type AdapterDeps } from '../adapter.js';

export interface DiscordAdapterOptions extends AdapterDeps {
  config: NonNullable<Config['discord']>;
}

export function createDiscordAdapter(_options: DiscordAdapterOptions): Adapter {
  throw new AdapterStartError('discord', 'the Discord adapter is not built yet');
}
