import { describe, expect, it } from 'vitest';
import type { ReloadReport } from '../../src/core/reload-report.js';
import { createMetrics, LATENCY_BUCKETS_SECONDS } from '../../src/ops/metrics.js';
import { parsePrometheusText, valueOf } from './support/prometheus-text.js';

const SIZE = { articles: 5, passages: 71, terms: 1234 };

function report(swapped: boolean): ReloadReport {
  const size = { articles: 5, passages: 71, synonymGroups: 0 };
  return { swapped, before: size, after: size, problems: [], ms: 12 };
}

function metricsFor(options: { size?: typeof SIZE; ready?: boolean } = {}) {
  return createMetrics({
    platforms: ['telegram', 'discord'],
    indexSize: () => options.size,
    ready: () => options.ready ?? true,
    uptimeSeconds: () => 42.5,
    runtime: false,
  });
}

describe('the metrics exposition', async () => {
  it('is valid Prometheus text before anything has happened, with every question series at zero', async () => {
    const families = parsePrometheusText(await metricsFor().render());
    for (const platform of ['telegram', 'discord']) {
      for (const status of ['answered', 'not_found', 'rejected']) {
        expect(valueOf(families, 'qabot_questions_total', { platform, status })).toBe(0);
      }
    }
    expect(valueOf(families, 'qabot_questions_total', { platform: 'console', status: 'answered' })).toBeUndefined();
    expect(valueOf(families, 'qabot_index_articles')).toBe(0);
    expect(valueOf(families, 'qabot_answer_latency_seconds_count')).toBe(0);
  });

  it('declares each family with HELP and the right TYPE', async () => {
    const families = parsePrometheusText(await metricsFor({ size: SIZE }).render());
    const types = Object.fromEntries([...families.values()].map((f) => [f.name, f.type]));
    expect(types).toEqual({
      qabot_questions_total: 'counter',
      qabot_answer_latency_seconds: 'histogram',
      qabot_index_articles: 'gauge',
      qabot_index_passages: 'gauge',
      qabot_index_terms: 'gauge',
      qabot_reloads_total: 'counter',
      qabot_reload_failures_total: 'counter',
      qabot_ready: 'gauge',
      process_uptime_seconds: 'gauge',
    });
    for (const family of families.values()) expect(family.help, family.name).toBeTruthy();
  });

  it('counts questions by platform and status, including a platform it was not told about', async () => {
    const metrics = metricsFor();
    metrics.question({ platform: 'telegram', status: 'answered', latencyMs: 3 });
    metrics.question({ platform: 'telegram', status: 'answered', latencyMs: 4 });
    metrics.question({ platform: 'discord', status: 'not_found', latencyMs: 2 });
    metrics.question({ platform: 'console', status: 'rejected', latencyMs: 0.1 });
    const families = parsePrometheusText(await metrics.render());
    expect(valueOf(families, 'qabot_questions_total', { platform: 'telegram', status: 'answered' })).toBe(2);
    expect(valueOf(families, 'qabot_questions_total', { platform: 'discord', status: 'not_found' })).toBe(1);
    expect(valueOf(families, 'qabot_questions_total', { platform: 'console', status: 'rejected' })).toBe(1);
    expect(valueOf(families, 'qabot_questions_total', { platform: 'discord', status: 'answered' })).toBe(0);
  });

  it('puts each latency in every bucket at or above it, in seconds', async () => {
    const metrics = metricsFor();
    for (const latencyMs of [0.5, 4, 4, 30, 3000]) metrics.question({ platform: 'telegram', status: 'answered', latencyMs });
    const families = parsePrometheusText(await metrics.render());
    const bucket = (le: string) => valueOf(families, 'qabot_answer_latency_seconds_bucket', { le });
    expect(bucket('0.001')).toBe(1);
    expect(bucket('0.0025')).toBe(1);
    expect(bucket('0.005')).toBe(3);
    expect(bucket('0.025')).toBe(3);
    expect(bucket('0.05')).toBe(4);
    expect(bucket('2.5')).toBe(4);
    expect(bucket('+Inf')).toBe(5);
    expect(valueOf(families, 'qabot_answer_latency_seconds_count')).toBe(5);
    expect(valueOf(families, 'qabot_answer_latency_seconds_sum')).toBeCloseTo(3.0385, 6);
    expect(families.get('qabot_answer_latency_seconds')!.samples.filter((s) => s.name.endsWith('_bucket'))).toHaveLength(
      LATENCY_BUCKETS_SECONDS.length + 1,
    );
  });

  it('reads the index size and readiness at scrape time', async () => {
    let size: typeof SIZE | undefined;
    let ready = false;
    const metrics = createMetrics({ platforms: [], indexSize: () => size, ready: () => ready, runtime: false });
    expect(valueOf(parsePrometheusText(await metrics.render()), 'qabot_ready')).toBe(0);
    size = SIZE;
    ready = true;
    const families = parsePrometheusText(await metrics.render());
    expect(valueOf(families, 'qabot_index_articles')).toBe(5);
    expect(valueOf(families, 'qabot_index_passages')).toBe(71);
    expect(valueOf(families, 'qabot_index_terms')).toBe(1234);
    expect(valueOf(families, 'qabot_ready')).toBe(1);
  });

  it('counts refused and failed reloads as failures as well as reloads', async () => {
    const metrics = metricsFor();
    metrics.reload(report(true));
    metrics.reload(report(false));
    metrics.reloadFailed();
    const families = parsePrometheusText(await metrics.render());
    expect(valueOf(families, 'qabot_reloads_total')).toBe(3);
    expect(valueOf(families, 'qabot_reload_failures_total')).toBe(2);
  });

  it("adds Node's runtime health from prom-client: event-loop lag, heap and GC", async () => {
    const metrics = createMetrics({ platforms: [], indexSize: () => SIZE, ready: () => true });
    const families = parsePrometheusText(await metrics.render());
    expect(families.get('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect(families.get('nodejs_eventloop_lag_p99_seconds')?.type).toBe('gauge');
    expect(families.get('nodejs_heap_size_used_bytes')?.type).toBe('gauge');
    expect(families.get('nodejs_gc_duration_seconds')?.type).toBe('histogram');
    expect(families.get('process_resident_memory_bytes')?.type).toBe('gauge');
    // the bot's own series are still there, under their old names
    expect(valueOf(families, 'qabot_index_articles')).toBe(5);
  });

  it('puts the labels it is given on every series, runtime ones included (one replica among several)', async () => {
    const metrics = createMetrics({ platforms: ['discord'], indexSize: () => SIZE, ready: () => true, labels: { replica: 'bot-2' } });
    const families = parsePrometheusText(await metrics.render());
    expect(valueOf(families, 'qabot_ready', { replica: 'bot-2' })).toBe(1);
    expect(valueOf(families, 'qabot_questions_total', { replica: 'bot-2', platform: 'discord', status: 'answered' })).toBe(0);
    expect(valueOf(families, 'qabot_ready')).toBeUndefined();
  });

  it('reports the uptime it is given', async () => {
    expect(valueOf(parsePrometheusText(await metricsFor().render()), 'process_uptime_seconds')).toBe(42.5);
  });
});

describe('the exposition checker used by these tests', () => {
  it('rejects what a scraper would reject', async () => {
    expect(() => parsePrometheusText('x_total 1\n')).toThrow(/without a TYPE/);
    expect(() => parsePrometheusText('# TYPE x counter\nx 1')).toThrow(/newline/);
    expect(() => parsePrometheusText('# TYPE x counter\nx{a="1} 1\n')).toThrow(/bad labels/);
    expect(() => parsePrometheusText('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n')).toThrow(
      /cumulative/,
    );
  });
});
