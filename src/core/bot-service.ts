import { randomBytes } from 'node:crypto';
import type { Article, CorpusProblem, SynonymGroup } from '../corpus/index.js';
import { listingOf } from '../corpus/loader.js';
import { TitleFinder } from '../search/title-finder.js';
import { ANSWER_TTL_MS, type ChannelRules, type Store, type StoreChange } from '../store/index.js';
import { normalizeText } from '../text/index.js';
import { type Answer, type AnswerOptions, answerQuestion, DEFAULT_ANSWER_OPTIONS } from './answer.js';
import type { BuildResult } from './build-job.js';
import type { CorpusChanges } from './corpus-difference.js';
import { corpusStamps, type FileStamp } from './corpus-stamps.js';
import { readSnapshotWithDelta, removeDelta, writeDelta } from './delta-store.js';
import type { Platform } from './invocation.js';
import { type KnowledgeBase, PARAGRAPH_RANKING, withModeratorSynonyms } from './knowledge-base.js';
import type { Logger } from './logger.js';
import { buildOffThread, buildOnThisThread } from './off-thread-build.js';
import { type CorpusSize, countChanges, type ReloadReport } from './reload-report.js';
import type { ArticleSummary } from './reply.js';
import { asBase, deltaShare, MERGE_SHARE, Phases, reloadByDelta, type ServedCorpus } from './segment-reload.js';
import { keyFor, keyInPieces, readSnapshot, restoreSnapshot } from './snapshot-store.js';
import type { StatsSnapshot } from './stats.js';

/** What a load or reload made: the knowledge base, or none (refused) and why. */
interface LoadedIndex {
  kb?: KnowledgeBase;
  problems: CorpusProblem[];
  changes?: CorpusChanges;
  builtIn?: string;
  served?: ServedCorpus;
  /** where a reload by delta's time went (ms) */
  phases?: Record<string, number>;
  /** what to save once it serves (a reload by delta's file) */
  save?: () => Promise<void>;
}

/** Hooks for metrics: called after each question and each reload. */
export interface BotObserver {
  question?(event: { platform: Platform; status: Answer['status']; latencyMs: number }): void;
  reload?(report: ReloadReport): void;
}

export interface BotServiceOptions {
  observer?: BotObserver;
  corpusDir: string;
  /** where the index snapshot is kept (DATA_DIR); without it every start builds */
  snapshotDir?: string;
  /** build in a worker thread (default), or on this one (small corpora in tests: no worker to start) */
  buildInWorker?: boolean;
  store: Store;
  logger: Logger;
  answer?: Partial<AnswerOptions>;
  now?: () => number;
  /** a reload's delta holding more than this share of the snapshot's passages is folded into a new one (default MERGE_SHARE) */
  mergeShare?: number;
}

export interface AskResult {
  answer: Answer;
  /** set when the answer cites something: the handle for buttons */
  answerId?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MISSING_WINDOW_MS = 30 * DAY_MS;
const MISSING_SHOWN = 10;
/** channel rules are cached per scope; a change notice drops them at once, this bounds a lost notice */
const RULES_TTL_MS = 60_000;

/** "Reuters" or "روسيا" matched loosely: normalized, case-folded. */
function loose(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function summarizeArticle(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.label,
    source: article.source,
    date: article.date,
    url: article.url,
    lang: article.lang,
    paragraphs: article.paragraphs.length,
  };
}

/**
 * The bot's application service: the knowledge base and everything commands
 * need around it (stats, feedback, moderator synonyms, channel rules).
 * Platform-free; adapters reach it only through commands.
 */
export class BotService {
  private kb: KnowledgeBase | undefined;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly corpusDir: string;
  private readonly snapshotDir: string | undefined;
  private readonly buildInWorker: boolean;
  private readonly answerOptions: AnswerOptions;
  private readonly rules = new Map<string, { rules: Promise<ChannelRules>; at: number }>();
  private readonly now: () => number;
  private readonly startedAt: number;
  private reloading: Promise<ReloadReport> | undefined;
  /** the files as stamped when the serving index was made, and what their load reported: a reload by delta starts from them */
  private served: ServedCorpus | undefined;
  private saving: Promise<void> = Promise.resolve();
  private titles: { articles: readonly Article[]; finder: TitleFinder } | undefined;
  private readonly observer: BotObserver;
  private readonly mergeShare: number;

  constructor(options: BotServiceOptions) {
    this.corpusDir = options.corpusDir;
    this.snapshotDir = options.snapshotDir;
    this.buildInWorker = options.buildInWorker ?? true;
    this.store = options.store;
    this.logger = options.logger;
    this.answerOptions = { ...DEFAULT_ANSWER_OPTIONS, ...options.answer };
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.observer = options.observer ?? {};
    this.mergeShare = options.mergeShare ?? MERGE_SHARE;
  }

  /** Settles once what the last reload saves beside the snapshot (its delta) is written; never rejects. */
  get saved(): Promise<void> {
    return this.saving;
  }

  get ready(): boolean {
    return this.kb !== undefined;
  }

  get knowledgeBase(): KnowledgeBase {
    if (!this.kb) throw new Error('The knowledge base is not loaded yet: call `await service.reload()` first.');
    return this.kb;
  }

  size(): CorpusSize {
    return {
      articles: this.kb?.articles.length ?? 0,
      // with a delta, passages holds the base's removed ones too: the index counts those it searches
      passages: this.kb?.index.size ?? 0,
      synonymGroups: this.kb?.index.synonymGroups ?? 0,
    };
  }

  private async moderatorSynonyms(): Promise<SynonymGroup[]> {
    return (await this.store.listSynonyms()).map((g) => g.expressions);
  }

  /**
   * Loads the corpus and builds a new index beside the one serving; swaps
   * only when no file has an error. The first load serves whatever loaded.
   * Concurrent calls share one reload.
   */
  reload(options: { initial?: boolean; full?: boolean } = {}): Promise<ReloadReport> {
    this.reloading ??= this.rebuild(options.initial ?? !this.kb, options.full ?? false)
      .then((report) => {
        this.observer.reload?.(report);
        return report;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }

  private async rebuild(initial: boolean, full: boolean): Promise<ReloadReport> {
    const started = performance.now();
    const before = this.size();
    const { kb, problems, changes, builtIn, served, phases, save } = await this.loadIndex(initial, full);
    if (!kb) {
      const errors = problems.filter((p) => p.severity === 'error');
      this.logger.warn(
        { errors: errors.length, corpusDir: this.corpusDir },
        initial ? 'corpus load failed: no usable article' : 'reload refused; the previous index keeps serving',
      );
      return { swapped: false, before, after: before, problems, ms: performance.now() - started };
    }
    this.kb = kb;
    this.served = served;
    // one save at a time, in order: a later reload's file replaces an earlier one's
    if (save) this.saving = this.saving.then(save);
    const after = this.size();
    this.logger.info(
      {
        ...after,
        buildMs: Math.round(kb.buildMs),
        builtIn,
        problems: problems.length,
        ...(changes && countChanges(changes)),
        ...(kb.index.built.segmented && { deltaPassages: kb.passages.length - kb.segments!.base.kb.passages.length }),
        phases,
      },
      'index built and serving',
    );
    // a delta grown past its share is folded into a new snapshot, in the worker, while this one serves
    if (deltaShare(kb) > this.mergeShare) setImmediate(() => void this.reload({ full: true }).catch(() => {}));
    return { swapped: true, before, after, problems, ms: performance.now() - started, changes };
  }

  /**
   * At start, the snapshot when it matches the corpus; otherwise a build in a
   * worker thread (this thread keeps answering), whose snapshot is then read
   * here: the index served is always one read from a snapshot.
   */
  private async loadIndex(initial: boolean, full: boolean): Promise<LoadedIndex> {
    const extra = await this.moderatorSynonyms();
    if (initial && this.snapshotDir) {
      const stamps = await corpusStamps(this.corpusDir);
      if (stamps) {
        const key = keyFor(stamps, PARAGRAPH_RANKING);
        const read = await readSnapshot(this.snapshotDir, key, extra);
        if ('kb' in read) {
          this.logger.info({ snapshotDir: this.snapshotDir }, 'index snapshot loaded');
          const kb = read.reader ? asBase(read.kb, key, read.reader) : read.kb;
          return { kb, problems: read.problems, builtIn: 'snapshot', served: this.servedCorpus(stamps, read.problems) };
        }
        const withDelta = await this.readWithDelta(this.snapshotDir, key, stamps, extra);
        if (!('rejected' in withDelta)) return withDelta;
        this.logger.info(
          { snapshotDir: this.snapshotDir },
          `index snapshot not used: ${read.rejected}; ${withDelta.rejected}; building the index`,
        );
      }
    }
    if (!initial && !full && this.kb?.segments && this.served && this.snapshotDir) {
      try {
        const byDelta = await this.reloadByDelta(this.kb, this.served, this.snapshotDir, extra);
        if (byDelta) return byDelta;
      } catch (error) {
        this.logger.warn({ err: error }, 'reload by delta failed; building the index in full');
      }
    }
    // a reload reads only the files changed since the snapshot
    const request = { corpusDir: this.corpusDir, snapshotDir: this.snapshotDir, initial, byDifference: !initial };
    let result: BuildResult;
    try {
      result = this.buildInWorker ? await buildOffThread(request) : await buildOnThisThread(request);
    } catch (error) {
      // a reload keeps the index it has; the first load has none, so it builds here instead
      if (!initial) throw error;
      this.logger.warn({ err: error }, 'the build worker failed; building on the main thread');
      result = await buildOnThisThread(request);
    }
    if (!result.ok) return { problems: result.problems };
    if (result.writeError)
      this.logger.warn({ snapshotDir: this.snapshotDir }, `index snapshot not written (${result.writeError}); the next start builds again`);
    const restored = result.written
      ? await readSnapshot(this.snapshotDir!, result.key, extra)
      : await restoreSnapshot(result.bytes!, extra);
    if ('rejected' in restored) throw new Error(`the snapshot just built cannot be read: ${restored.rejected}`);
    const dir = this.snapshotDir;
    return {
      kb: restored.reader ? asBase(restored.kb, result.key, restored.reader) : restored.kb,
      problems: result.problems,
      changes: result.changes,
      builtIn: result.threadId === 0 ? 'main thread' : 'worker',
      served: this.servedCorpus(result.stamps, result.problems),
      // the new snapshot holds every change: a delta on the old one is stale
      save: result.written && dir ? () => removeDelta(dir).catch(() => {}) : undefined,
    };
  }

  /** What a later reload by delta starts from; the listing made now, while no reload waits for it. */
  private servedCorpus(stamps: FileStamp[], problems: CorpusProblem[]): ServedCorpus {
    return {
      stamps,
      problems,
      listing: listingOf(
        this.corpusDir,
        stamps.map((s) => s.name),
      ),
    };
  }

  /** At start, when the snapshot is not of these files: the snapshot with its delta (see readSnapshotWithDelta). */
  private async readWithDelta(
    dir: string,
    key: string,
    stamps: FileStamp[],
    extra: SynonymGroup[],
  ): Promise<LoadedIndex | { rejected: string }> {
    const read = await readSnapshotWithDelta(dir, key, stamps, extra);
    if ('rejected' in read) return read;
    this.logger.info({ snapshotDir: dir, articles: read.articles, removed: read.removed }, 'index snapshot loaded, with its delta');
    return { kb: read.kb, problems: read.problems, builtIn: 'snapshot and delta', served: this.servedCorpus(stamps, read.problems) };
  }

  /** A reload of the files changed since, as a delta on the snapshot the index was read from; undefined when a full build is needed. */
  private async reloadByDelta(
    kb: KnowledgeBase,
    served: ServedCorpus,
    dir: string,
    extra: SynonymGroup[],
  ): Promise<LoadedIndex | undefined> {
    const phases = new Phases();
    const stamps = await corpusStamps(this.corpusDir, served.stamps);
    phases.lap('stamps');
    if (!stamps) return undefined;
    const outcome = await reloadByDelta(kb, served, this.corpusDir, stamps, extra, phases);
    if (outcome.kind === 'refused') return { problems: outcome.problems };
    if (outcome.kind === 'rebuild') {
      this.logger.info({ corpusDir: this.corpusDir }, `reload by delta not possible (${outcome.why}); building the index in full`);
      return undefined;
    }
    const segments = outcome.kb.segments!;
    // saved once the delta serves, not before: the key of tens of thousands of stamps takes a while on this thread
    const save = async () => {
      try {
        const key = await keyInPieces(stamps, PARAGRAPH_RANKING, () => new Promise((resolve) => setImmediate(resolve)));
        await writeDelta(dir, key, {
          baseKey: segments.base.key,
          articles: [...segments.articles.values()],
          removed: [...segments.removed],
          problems: outcome.problems,
        });
      } catch (error) {
        this.logger.warn({ err: error, snapshotDir: dir }, 'index delta not written; the next start builds again');
      }
    };
    return {
      kb: outcome.kb,
      problems: outcome.problems,
      changes: outcome.changes,
      builtIn: 'delta',
      served: { stamps: outcome.stamps, problems: outcome.problems, listing: outcome.listing },
      phases: phases.ms,
      save,
    };
  }

  /**
   * Reloads here, then tells the other replicas to reload theirs (a
   * moderator's /reload; SIGHUP and the corpus watcher reload one process).
   */
  async reloadEverywhere(): Promise<ReloadReport> {
    const report = await this.reload();
    await this.store.publish({ kind: 'reload' });
    return report;
  }

  /** Applies a change another replica made: its own index, its own caches. */
  async applyChange(change: StoreChange): Promise<void> {
    if (change.kind === 'synonyms') await this.applySynonyms();
    else if (change.kind === 'channels') {
      if (change.scopeId) this.rules.delete(change.scopeId);
      else this.rules.clear();
    } else if (this.kb) await this.reload();
  }

  /**
   * Answers a question and, unless told otherwise, records it for /stats and
   * metrics; an answer that cites something is saved for its buttons, which
   * any replica may receive.
   */
  async ask(question: unknown, platform: Platform, options: { record?: boolean } = {}): Promise<AskResult> {
    const started = performance.now();
    const answer = answerQuestion(this.knowledgeBase, question, this.answerOptions);
    const latencyMs = performance.now() - started;
    if (options.record === false) return { answer };
    const at = this.now();
    let answerId = answer.status === 'answered' ? randomBytes(6).toString('base64url') : undefined;
    const [recorded, saved] = await Promise.allSettled([
      this.store.recordQuestion({
        at,
        platform,
        status: answer.status,
        reason: answer.reason,
        latencyMs,
        missingQuestion: answer.status === 'not_found' ? answer.question.slice(0, 300) : undefined,
      }),
      answerId ? this.store.putAnswer(answerId, answer, at) : undefined,
    ]);
    // the store being down costs a count and the buttons, not the answer
    if (recorded.status === 'rejected') this.logger.warn({ err: recorded.reason }, 'could not record a question for /stats');
    if (saved.status === 'rejected') {
      this.logger.warn({ err: saved.reason }, 'could not save an answer for its buttons; sent without them');
      answerId = undefined;
    }
    this.observer.question?.({ platform, status: answer.status, latencyMs });
    return { answer, answerId };
  }

  private savedAnswer(answerId: string): Promise<Answer | undefined> {
    return this.store.getAnswer(answerId, this.now() - ANSWER_TTL_MS);
  }

  /** A page of further passages of an earlier answer, or undefined when it has expired. */
  async more(answerId: string, page: number): Promise<{ answer: Answer; hasMore: boolean } | undefined> {
    const answer = await this.savedAnswer(answerId);
    if (!answer) return undefined;
    const size = this.answerOptions.maxPassages;
    const passages = answer.more.slice((page - 1) * size, page * size);
    return { answer: { ...answer, passages, more: [] }, hasMore: answer.more.length > page * size };
  }

  /** Records a 👍/👎; false when the answer has expired. */
  async feedback(answerId: string, userId: string, platform: Platform, vote: 1 | -1): Promise<boolean> {
    const answer = await this.savedAnswer(answerId);
    if (!answer) return false;
    await this.store.recordFeedback({
      answerId,
      userId,
      platform,
      vote,
      at: this.now(),
      question: answer.question,
      passageIds: [...answer.passages, ...answer.more].map((p) => p.id),
    });
    return true;
  }

  hasMore(answer: Answer): boolean {
    return answer.more.length > 0;
  }

  /** Counts from the store: with replicas sharing PostgreSQL, the whole bot's questions since this replica started. */
  async stats(): Promise<StatsSnapshot> {
    const now = this.now();
    const kb = this.knowledgeBase;
    const [sinceStart, last24h, topMissing, feedback] = await Promise.all([
      this.store.countQuestionsSince(this.startedAt),
      this.store.countQuestionsSince(now - DAY_MS),
      this.store.topMissing(now - MISSING_WINDOW_MS, MISSING_SHOWN),
      this.store.feedbackCounts(),
    ]);
    return {
      sinceStart,
      last24h,
      topMissing,
      feedback,
      index: {
        articles: kb.articles.length,
        passages: kb.index.size,
        terms: kb.index.vocabularySize,
        synonymGroups: kb.index.synonymGroups,
        builtAt: kb.builtAt.toISOString(),
      },
      startedAt: new Date(this.startedAt).toISOString(),
      uptimeSeconds: Math.round((now - this.startedAt) / 1000),
    };
  }

  articles(): ArticleSummary[] {
    return this.knowledgeBase.articles.map(summarizeArticle);
  }

  /** An article by id, list number (1-based) or words of its title. */
  findArticle(query: string): Article | undefined {
    const articles = this.knowledgeBase.articles;
    const key = query.trim();
    const byId = articles.find((a) => a.id === key);
    if (byId) return byId;
    if (/^\d{1,3}$/.test(key)) return articles[Number(key) - 1];
    const wanted = loose(key);
    return wanted ? articles.find((a) => loose(a.label).includes(wanted) || loose(a.id).includes(wanted)) : undefined;
  }

  /** Up to `limit` articles whose title or id contains what was typed so far (for autocomplete). */
  suggestArticles(typed: string, limit = 25): ArticleSummary[] {
    const { articles } = this.knowledgeBase;
    if (!loose(typed)) return articles.slice(0, limit).map(summarizeArticle);
    return this.titleFinder(articles)
      .find(typed, limit)
      .map((i) => summarizeArticle(articles[i]!));
  }

  /** Built on the first suggestion after a load, for that load's articles: most loads never need one. */
  private titleFinder(articles: readonly Article[]): TitleFinder {
    if (this.titles?.articles !== articles) this.titles = { articles, finder: new TitleFinder(articles.map((a) => `${a.label} ${a.id}`)) };
    return this.titles.finder;
  }

  listSynonyms(): Promise<{ id: number; expressions: string[] }[]> {
    return this.store.listSynonyms();
  }

  /** Saved, applied here, then announced to the other replicas. */
  async addSynonym(expressions: string[], addedBy: string): Promise<{ id: number; expressions: string[] }> {
    const group = await this.store.addSynonym(expressions, addedBy, this.now());
    await this.applySynonyms();
    await this.store.publish({ kind: 'synonyms' });
    return group;
  }

  async removeSynonym(idOrExpression: string): Promise<number> {
    const removed = await this.store.removeSynonym(idOrExpression);
    if (removed) {
      await this.applySynonyms();
      await this.store.publish({ kind: 'synonyms' });
    }
    return removed;
  }

  private async applySynonyms(): Promise<void> {
    const synonyms = await this.moderatorSynonyms();
    if (this.kb) this.kb = withModeratorSynonyms(this.kb, synonyms);
  }

  /**
   * Whether members may ask in a channel: when any channel of the scope is
   * allowed, only allowed channels are open; denied channels never are.
   */
  async channelOpen(scopeId: string | undefined, channelId: string): Promise<boolean> {
    if (!scopeId) return true;
    const rules = await this.cachedRules(scopeId);
    if (rules.denied.includes(channelId)) return false;
    return rules.allowed.length === 0 || rules.allowed.includes(channelId);
  }

  /** Asked on every member's question, so kept here; dropped on a change from any replica. */
  private cachedRules(scopeId: string): Promise<ChannelRules> {
    const now = this.now();
    const cached = this.rules.get(scopeId);
    if (cached && now - cached.at < RULES_TTL_MS) return cached.rules;
    const rules = this.store.channelRules(scopeId);
    this.rules.set(scopeId, { rules, at: now });
    rules.catch(() => this.rules.delete(scopeId));
    if (this.rules.size > 10_000) this.rules.delete(this.rules.keys().next().value!);
    return rules;
  }

  channelRules(scopeId: string): Promise<ChannelRules> {
    return this.store.channelRules(scopeId);
  }

  async setChannelRule(scopeId: string, channelId: string, rule: 'allow' | 'deny' | null): Promise<void> {
    await this.store.setChannelRule(scopeId, channelId, rule);
    this.rules.delete(scopeId);
    await this.store.publish({ kind: 'channels', scopeId });
  }
}
