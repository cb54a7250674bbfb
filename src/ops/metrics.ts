import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AnswerStatus } from '../core/answer.js';
import type { BotObserver } from '../core/bot-service.js';
import type { Platform } from '../core/invocation.js';
import type { ReloadReport } from '../core/reload-report.js';

/** Answers take milliseconds; the upper buckets catch a machine under load. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

const STATUSES: readonly AnswerStatus[] = ['answered', 'not_found', 'rejected'];

export interface IndexSize {
  articles: number;
  passages: number;
  terms: number;
}

export interface MetricsOptions {
  /** the serving index, read at scrape time; undefined before the first load */
  indexSize: () => IndexSize | undefined;
  /** whether /readyz would answer 200 */
  ready: () => boolean;
  /** platforms whose question counters start at 0, so rate() works from the first scrape */
  platforms: readonly Platform[];
  /** seconds since the process started */
  uptimeSeconds?: () => number;
  /**
   * Node's runtime health from prom-client's default metrics: event-loop lag
   * (`nodejs_eventloop_lag_*`), heap (`nodejs_heap_*`), GC (`nodejs_gc_duration_seconds`),
   * CPU, memory and file descriptors (`process_*`). On unless turned off (tests).
   */
  runtime?: boolean;
  /** labels on every series, e.g. `{ replica }` when replicas scraped into one Prometheus must stay apart */
  labels?: Record<string, string>;
}

/**
 * The bot's counters, fed through the BotObserver hooks, and the runtime's
 * health, exposed with prom-client (the Prometheus project's Node client).
 */
export interface Metrics extends Required<BotObserver> {
  /** a reload that threw instead of returning a report */
  reloadFailed(): void;
  /** the exposition text for GET /metrics */
  render(): Promise<string>;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function createMetrics(options: MetricsOptions): Metrics {
  const uptime = options.uptimeSeconds ?? (() => process.uptime());
  // one registry per app: tests build many apps in one process
  const registry = new Registry();
  if (options.labels) registry.setDefaultLabels(options.labels);
  if (options.runtime !== false) collectDefaultMetrics({ register: registry });

  const questions = new Counter({
    name: 'qabot_questions_total',
    help: 'Questions asked, by platform and outcome (answered, not_found, rejected).',
    labelNames: ['platform', 'status'] as const,
    registers: [registry],
  });
  for (const platform of options.platforms) for (const status of STATUSES) questions.inc({ platform, status }, 0);
  const latency = new Histogram({
    name: 'qabot_answer_latency_seconds',
    help: 'Time to find and cite the passages of an answer.',
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('qabot_index_articles', 'Articles in the serving index.', () => options.indexSize()?.articles ?? 0);
  gauge('qabot_index_passages', 'Passages (paragraphs) in the serving index.', () => options.indexSize()?.passages ?? 0);
  gauge('qabot_index_terms', 'Distinct terms in the serving index.', () => options.indexSize()?.terms ?? 0);
  const reloads = new Counter({
    name: 'qabot_reloads_total',
    help: 'Corpus loads, the one at start included (/reload, SIGHUP, CORPUS_WATCH).',
    registers: [registry],
  });
  const reloadFailures = new Counter({
    name: 'qabot_reload_failures_total',
    help: 'Corpus loads refused or failed; the previous index kept serving.',
    registers: [registry],
  });
  gauge('qabot_ready', '1 when the index is loaded and every adapter is connected, as /readyz.', () => (options.ready() ? 1 : 0));
  gauge('process_uptime_seconds', 'Seconds since the process started.', () => Math.round(uptime() * 1000) / 1000);

  return {
    question({ platform, status, latencyMs }) {
      questions.inc({ platform, status });
      latency.observe(latencyMs / 1000);
    },

    reload(report: ReloadReport) {
      reloads.inc();
      if (!report.swapped) reloadFailures.inc();
    },

    reloadFailed() {
      reloads.inc();
      reloadFailures.inc();
    },

    render: () => registry.metrics(),
  };
}
