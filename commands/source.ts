import { z } from 'zod';
import { summarizeArticle } from '../src/core/bot-service.js';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';

const FIRST_PARAGRAPHS = 3;

export const source = defineCommand({
  name: 'source',
  description: "List the articles, or show one article's details and opening paragraphs",
  descriptionAr: 'اعرض قائمة المقالات، أو بيانات مقالة وفقراتها الأولى',
  access: 'member',
  rateLimited: true,
  args: z.object({
    article: z
      .string()
      .max(200)
      .optional()
      .meta({ description: 'Article title, id or list number', descriptionAr: 'عنوان المقالة أو رقمها' }),
  }),
  suggest: {
    // the id as the value, "title · date" as what the member sees
    article: (bot, typed) => bot.suggestArticles(typed).map((a) => ({ label: a.date ? `${a.title} · ${a.date}` : a.title, value: a.id })),
  },
  run({ bot, lang }, { article }) {
    if (!article?.trim()) return { kind: 'articles', lang, articles: bot.articles() };
    const found = bot.findArticle(article);
    if (!found) throw new UserError('not_found_article');
    return {
      kind: 'article',
      lang,
      article: summarizeArticle(found),
      paragraphs: found.paragraphs.slice(0, FIRST_PARAGRAPHS).map((p) => ({ n: p.n, text: p.text })),
    };
  },
});
