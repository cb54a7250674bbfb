import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';

/**
 * Telegram's longest message; the core rejects questions over
 * MAX_QUESTION_LENGTH itself, with a friendlier reason than a schema error.
 */
const QUESTION_HARD_LIMIT = 4096;

export const ask = defineCommand({
  name: 'ask',
  description: 'Ask a question about the articles; the answer quotes and cites them',
  descriptionAr: 'اطرح سؤالًا عن المقالات، وستأتيك الإجابة مقتبسة منها مع مصدرها',
  access: 'member',
  rateLimited: true,
  args: z.object({
    question: z.string().max(QUESTION_HARD_LIMIT).meta({ description: 'Your question, in Arabic or English', descriptionAr: 'سؤالك بالعربية أو الإنجليزية' }),
  }),
  async run({ bot, invocation }, { question }) {
    const { answer, answerId } = await bot.ask(question, invocation.platform, { record: !invocation.preview });
    return { kind: 'answer', answer, answerId, page: 0, hasMore: bot.hasMore(answer) };
  },
});
