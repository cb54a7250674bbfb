import { formatProblem, type CorpusProblem } from '../corpus/index.js';

export interface CorpusSize {
  articles: number;
  passages: number;
  synonymGroups: number;
}

/**
 * Outcome of a reload. When `swapped` is false the previous index is still
 * serving and `problems` says why.
 */
export interface ReloadReport {
  swapped: boolean;
  before: CorpusSize;
  after: CorpusSize;
  problems: CorpusProblem[];
  ms: number;
}

/** "5 → 6 articles, 71 → 80 passages" or the errors by file. */
export function describeReload(report: ReloadReport): string {
  const { before, after } = report;
  if (!report.swapped) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    return [`Reload refused: ${errors.length} error(s); still serving ${before.articles} articles, ${before.passages} passages.`, ...errors.map(formatProblem)].join('\n');
  }
  const warnings = report.problems.filter((p) => p.severity === 'warning').map(formatProblem);
  return [`Reloaded: ${before.articles} → ${after.articles} articles, ${after.passages} passages (${report.ms.toFixed(0)} ms).`, ...warnings].join('\n');
}
