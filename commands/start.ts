import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { MESSAGES } from '../src/present/catalogue.js';

/** Telegram's first message in a private chat; a short welcome with examples. */
export const start = defineCommand({
  name: 'start',
  description: 'Welcome and example questions',
  descriptionAr: 'الترحيب وأمثلة على الأسئلة',
  access: 'member',
  anyChannel: true,
  platforms: ['telegram', 'console'],
  args: z.object({}).passthrough(),
  run({ lang }) {
    return { kind: 'notice', lang, text: MESSAGES.welcome[lang], items: [...MESSAGES.examples] };
  },
});
