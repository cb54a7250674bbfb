import { COMMANDS } from '../../commands/index.js';
import type { Answer, CitedPassage } from '../../src/core/answer.js';
import type { BotService } from '../../src/core/bot-service.js';
import { createDispatcher, type Dispatcher } from '../../src/core/dispatch.js';
import { silentLogger } from '../../src/core/logger.js';
import { checkQuestion, questionLanguage } from '../../src/core/question.js';
import { memoryRateLimiter } from '../../src/core/rate-limiter.js';
import type { ReloadReport } from '../../src/core/reload-report.js';
import type { ArticleSummary } from '../../src/core/reply.js';
import type { StatsSnapshot } from '../../src/core/stats.js';

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

/** The passage "more sources" brings. */
export const STUB_MORE_PASSAGE: CitedPassage = {
  ...STUB_PASSAGE,
  id: '001_aa#3',
  articleId: '001_aa',
  title: 'اجتماع التحالف في روما',
  paragraph: 3,
  text: 'وشارك في الاجتماع وزراء خارجية ومسؤولون من أكثر من سبعين دولة ومنظمة دولية.',
  sentence: 'وشارك في الاجتماع وزراء خارجية ومسؤولون من أكثر من سبعين دولة ومنظمة دولية.',
  sentenceSpan: { start: 0, end: 76 },
  terms: [],
  termSpans: [],
};

export const STUB_ARTICLES: ArticleSummary[] = [
  {
    id: '000_ef08b0032887354d',
    title: 'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد داعش',
    date: '2018-02-13',
    lang: 'ar',
    paragraphs: 20,
  },
  { id: '001_aa', title: 'اجتماع التحالف في روما', date: '2018-02-13', lang: 'ar', paragraphs: 8 },
];

/** The stub's answer: rejected as the core would reject it, otherwise the one passage. */
export function stubAnswer(question: unknown): Answer {
  const checked = checkQuestion(question);
  const lang = questionLanguage(checked.question);
  if (!checked.ok) return { question: checked.question, status: 'rejected', reason: checked.reason, lang, passages: [], more: [] };
  return { question: checked.question, status: 'answered', lang, passages: [STUB_PASSAGE], more: [] };
}

export const STUB_STATS: StatsSnapshot = {
  sinceStart: { answered: 3, not_found: 1, rejected: 0 },
  last24h: { answered: 3, not_found: 1, rejected: 0 },
  topMissing: [{ question: 'من يرأس التحالف؟', count: 1 }],
  feedback: { up: 1, down: 0 },
  index: { articles: 5, passages: 70, terms: 749, synonymGroups: 0, builtAt: '2026-11-30T10:00:00.000Z' },
  startedAt: '2026-11-30T09:00:00.000Z',
  uptimeSeconds: 3600,
};

export const STUB_RELOAD: ReloadReport = {
  swapped: true,
  before: { articles: 5, passages: 70, synonymGroups: 0 },
  after: { articles: 5, passages: 70, synonymGroups: 0 },
  problems: [],
  ms: 40,
};

/**
 * A BotService as far as the commands use it; `overrides` replace single
 * methods. Answers have two "more sources" pages.
 */
export function stubBot(overrides: Partial<Record<keyof BotService, unknown>> = {}): BotService {
  const bot = {
    ask: (question: unknown) => {
      const answer = stubAnswer(question);
      return { answer, answerId: answer.status === 'answered' ? 'stub0001' : undefined };
    },
    hasMore: (answer: Answer) => answer.status === 'answered',
    more: (answerId: string, page: number) =>
      answerId === 'stub0001' && page <= 2
        ? { answer: { ...stubAnswer('متى عقد الاجتماع؟'), passages: [STUB_MORE_PASSAGE] }, hasMore: page < 2 }
        : undefined,
    feedback: (answerId: string) => answerId === 'stub0001',
    stats: () => STUB_STATS,
    reload: async () => STUB_RELOAD,
    reloadEverywhere: async () => STUB_RELOAD,
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
    userLimiter: memoryRateLimiter(limit, 60_000),
    channelLimiter: memoryRateLimiter(limit, 60_000),
  });
}
