/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4),
 * enough to check what /metrics writes: it throws on any line a scraper
 * would reject, and on histograms whose buckets do not add up.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help?: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL_PAIR = new RegExp(`^(${LABEL})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"(,|$)`);

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  // Go's ParseFloat, which Prometheus uses, takes NaN in any case (prom-client writes "Nan")
  if (/^nan$/i.test(text)) return NaN;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in: ${line}`);
  return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length) {
    const match = LABEL_PAIR.exec(rest);
    if (!match) throw new Error(`bad labels in: ${line}`);
    const [whole, key, raw] = match as unknown as [string, string, string];
    if (key in labels) throw new Error(`repeated label ${key} in: ${line}`);
    labels[key] = raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(whole.length);
  }
  return labels;
}

/** The family a sample belongs to: histogram samples carry _bucket, _sum and _count suffixes. */
function familyOf(name: string, families: Map<string, Family>): Family | undefined {
  const exact = families.get(name);
  if (exact) return exact;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  const family = families.get(base);
  return family?.type === 'histogram' || family?.type === 'summary' ? family : undefined;
}

/** A histogram's series: its samples grouped by their labels other than `le`. */
function seriesOf(family: Family): Sample[][] {
  const groups = new Map<string, Sample[]>();
  for (const sample of family.samples) {
    const { le: _le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return [...groups.values()];
}

function checkHistogram(family: Family): void {
  for (const samples of seriesOf(family)) checkHistogramSeries(family.name, samples);
}

function checkHistogramSeries(name: string, samples: Sample[]): void {
  const family = { name, samples };
  const buckets = family.samples.filter((s) => s.name === `${family.name}_bucket`);
  const count = family.samples.find((s) => s.name === `${family.name}_count`);
  const sum = family.samples.find((s) => s.name === `${family.name}_sum`);
  if (!count || !sum) throw new Error(`histogram ${family.name} lacks _sum or _count`);
  const bounds = buckets.map((b) => parseValue(b.labels.le ?? '', `${family.name} le`));
  if (bounds.at(-1) !== Infinity) throw new Error(`histogram ${family.name} lacks the +Inf bucket`);
  for (let i = 1; i < buckets.length; i++) {
    if (!(bounds[i]! > bounds[i - 1]!)) throw new Error(`histogram ${family.name}: bucket bounds not increasing`);
    if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`histogram ${family.name}: buckets not cumulative`);
  }
  if (buckets.at(-1)!.value !== count.value)
    throw new Error(`histogram ${family.name}: +Inf bucket ${buckets.at(-1)!.value} ≠ count ${count.value}`);
}

export function parsePrometheusText(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, 'HELP' | 'TYPE', string, string];
      if (!new RegExp(`^${NAME}$`).test(name)) throw new Error(`bad metric name in: ${line}`);
      const family = families.get(name) ?? { name, type: 'untyped' as const, samples: [] };
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`bad type in: ${line}`);
        if (family.samples.length) throw new Error(`TYPE after samples in: ${line}`);
        family.type = rest as Family['type'];
      } else {
        family.help = rest;
      }
      families.set(name, family);
      continue;
    }
    if (line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`bad sample line: ${line}`);
    const [, name, labelText, valueText] = match as unknown as [string, string, string | undefined, string];
    const family = familyOf(name, families);
    if (!family) throw new Error(`sample without a TYPE line before it: ${line}`);
    const sample = { name, labels: parseLabels(labelText ?? '', line), value: parseValue(valueText, line) };
    const key = `${name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) throw new Error(`duplicate series: ${line}`);
    seen.add(key);
    if (family.type === 'counter' && !(sample.value >= 0)) throw new Error(`negative counter: ${line}`);
    family.samples.push(sample);
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

/** The value of one series, or undefined when it is absent. */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  const family = familyOf(name, families);
  const wanted = Object.entries(labels);
  return family?.samples.find(
    (s) => s.name === name && wanted.every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === wanted.length,
  )?.value;
}
