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
}

/**
 * The bot's counters, fed through the BotObserver hooks and written by hand
 * in the Prometheus text exposition format (no client library needed for a
 * dozen series).
 */
export interface Metrics extends Required<BotObserver> {
  /** a reload that threw instead of returning a report */
  reloadFailed(): void;
  /** the exposition text for GET /metrics */
  render(): string;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

function sample(name: string, labels: Record<string, string>, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${formatNumber(value)}`;
}

function family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string, samples: string[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples];
}

export function createMetrics(options: MetricsOptions): Metrics {
  const uptime = options.uptimeSeconds ?? (() => process.uptime());
  const questions = new Map<string, { platform: Platform; status: AnswerStatus; count: number }>();
  const bucketCounts = LATENCY_BUCKETS_SECONDS.map(() => 0);
  let latencyCount = 0;
  let latencySum = 0;
  let reloads = 0;
  let reloadFailures = 0;

  const questionCounter = (platform: Platform, status: AnswerStatus) => {
    const key = `${platform}\u0000${status}`;
    let entry = questions.get(key);
    if (!entry) questions.set(key, (entry = { platform, status, count: 0 }));
    return entry;
  };
  for (const platform of options.platforms) for (const status of STATUSES) questionCounter(platform, status);

  return {
    question({ platform, status, latencyMs }) {
      questionCounter(platform, status).count++;
      const seconds = latencyMs / 1000;
      LATENCY_BUCKETS_SECONDS.forEach((bound, i) => {
        if (seconds <= bound) bucketCounts[i]!++;
      });
      latencyCount++;
      latencySum += seconds;
    },

    reload(report: ReloadReport) {
      reloads++;
      if (!report.swapped) reloadFailures++;
    },

    reloadFailed() {
      reloads++;
      reloadFailures++;
    },

    render() {
      const size = options.indexSize();
      const lines = [
        ...family('qabot_questions_total', 'counter', 'Questions asked, by platform and outcome (answered, not_found, rejected).',
          [...questions.values()].map((q) => sample('qabot_questions_total', { platform: q.platform, status: q.status }, q.count))),
        ...family('qabot_answer_latency_seconds', 'histogram', 'Time to find and cite the passages of an answer.', [
          ...LATENCY_BUCKETS_SECONDS.map((bound, i) => sample('qabot_answer_latency_seconds_bucket', { le: formatNumber(bound) }, bucketCounts[i]!)),
          sample('qabot_answer_latency_seconds_bucket', { le: '+Inf' }, latencyCount),
          sample('qabot_answer_latency_seconds_sum', {}, latencySum),
          sample('qabot_answer_latency_seconds_count', {}, latencyCount),
        ]),
        ...family('qabot_index_articles', 'gauge', 'Articles in the serving index.', [sample('qabot_index_articles', {}, size?.articles ?? 0)]),
        ...family('qabot_index_passages', 'gauge', 'Passages (paragraphs) in the serving index.', [sample('qabot_index_passages', {}, size?.passages ?? 0)]),
        ...family('qabot_index_terms', 'gauge', 'Distinct terms in the serving index.', [sample('qabot_index_terms', {}, size?.terms ?? 0)]),
        ...family('qabot_reloads_total', 'counter', 'Corpus loads, the one at start included (/reload, SIGHUP, CORPUS_WATCH).', [sample('qabot_reloads_total', {}, reloads)]),
        ...family('qabot_reload_failures_total', 'counter', 'Corpus loads refused or failed; the previous index kept serving.', [sample('qabot_reload_failures_total', {}, reloadFailures)]),
        ...family('qabot_ready', 'gauge', '1 when the index is loaded and every adapter is connected, as /readyz.', [sample('qabot_ready', {}, options.ready() ? 1 : 0)]),
        ...family('process_uptime_seconds', 'gauge', 'Seconds since the process started.', [sample('process_uptime_seconds', {}, Math.round(uptime() * 1000) / 1000)]),
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}
