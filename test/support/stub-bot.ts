import { COMMANDS } from '../../commands/index.js';
import type { Answer, CitedPassage } from '../../src/core/answer.js';
import type { BotService } from '../../src/core/bot-service.js';
import { createDispatcher, type Dispatcher } from '../../src/core/dispatch.js';
import { silentLogger } from '../../src/core/logger.js';
import { checkQuestion, questionLanguage } from '../../src/core/question.js';
import { RateLimiter } from '../../src/core/rate-limiter.js';
import type { ArticleSummary } from '../../src/core/reply.js';

/**
 * A bot that answers every question with the same cited passage: for
 * transport tests, which check how a reply travels, not which passage the
 * ranking picks (the ranking has its own tests, and its results move).
 */

const SENTENCE = 'وعقد الاجتماع بالتزامن مع مؤتمر اعادة إعمار العراق الذي بدأ الاثنين بالكويت ويستمر لمدة ثلاثة أيام.';
const BEFORE = 'أكدت دول التحالف الدولي ضد تنظيم داعش تصميمها على هزيمته. ';

export const STUB_PASSAGE: CitedPassage = {
  id: '000_ef08b0032887354d#14',
  articleId: '000_ef08b0032887354d',
  title: 'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد داعش',
  source: 'Reuters',
  date: '2018-02-13',
  url: 'https://example.org/kuwait',
  paragraph: 14,
  text: `${BEFORE}${SENTENCE}`,
  sentence: SENTENCE,
  sentenceSpan: { start: BEFORE.length, end: BEFORE.length + SENTENCE.length },
  terms: ['الكويت'],
  termSpans: [{ start: BEFORE.length + SENTENCE.indexOf('بالكويت'), end: BEFORE.length + SENTENCE.indexOf('بالكويت') + 'بالكويت'.length }],
  score: 1,
};

export const STUB_ARTICLES: ArticleSummary[] = [
  { id: '000_ef08b0032887354d', title: 'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد داعش', date: '2018-02-13', lang: 'ar', paragraphs: 20 },
  { id: '001_aa', title: 'اجتماع التحالف في روما', date: '2018-02-13', lang: 'ar', paragraphs: 8 },
];

/** The stub's answer: rejected as the core would reject it, otherwise the one passage. */
export function stubAnswer(question: unknown): Answer {
  const checked = checkQuestion(question);
  const lang = questionLanguage(checked.question);
  if (!checked.ok) return { question: checked.question, status: 'rejected', reason: checked.reason, lang, passages: [], more: [] };
  return { question: checked.question, status: 'answered', lang, passages: [STUB_PASSAGE], more: [] };
}

/** A BotService as far as the commands use it; `overrides` replace single methods. */
export function stubBot(overrides: Partial<Record<keyof BotService, unknown>> = {}): BotService {
  const bot = {
    ask: (question: unknown) => {
      const answer = stubAnswer(question);
      return { answer, answerId: answer.status === 'answered' ? 'stub0001' : undefined };
    },
    hasMore: () => false,
    more: () => undefined,
    feedback: () => true,
    articles: () => STUB_ARTICLES,
    findArticle: () => undefined,
    suggestArticles: (typed: string) => STUB_ARTICLES.filter((a) => a.title.includes(typed)),
    channelOpen: () => true,
    size: () => ({ articles: STUB_ARTICLES.length, passages: 28, synonymGroups: 0 }),
    ...overrides,
  };
  return bot as unknown as BotService;
}

/** The real dispatcher and commands over the stub bot: access, channel and argument checks included. */
export function stubDispatcher(bot: BotService = stubBot(), options: { rateLimit?: number } = {}): Dispatcher {
  const limit = options.rateLimit ?? 1000;
  return createDispatcher({
    commands: COMMANDS,
    bot,
    logger: silentLogger,
    userLimiter: new RateLimiter(limit, 60_000 / limit),
    channelLimiter: new RateLimiter(limit, 60_000 / limit),
  });
}
