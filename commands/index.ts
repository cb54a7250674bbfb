import type { CommandSpec } from '../src/core/command.js';
import { ask } from './ask.js';
import { channels } from './channels.js';
import { feedback } from './feedback.js';
import { help } from './help.js';
import { more } from './more.js';
import { reload } from './reload.js';
import { source } from './source.js';
import { start } from './start.js';
import { stats } from './stats.js';
import { synonym } from './synonym.js';

/** Every command, declared once; each adapter derives its own form from this list. */
export const COMMANDS: readonly CommandSpec[] = [ask, source, help, start, reload, stats, channels, synonym, more, feedback];

export { helpEntries } from './help.js';
export { ask, channels, feedback, help, more, reload, source, start, stats, synonym };
