import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';

export const stats = defineCommand({
  name: 'stats',
  description: 'Questions answered and not found, feedback, index size, uptime',
  descriptionAr: 'الأسئلة المجابة وغير المجابة والتقييمات وحجم الفهرس ومدة التشغيل',
  access: 'moderator',
  args: z.object({}),
  async run({ bot, lang }) {
    return { kind: 'stats', lang, stats: await bot.stats() };
  },
});
