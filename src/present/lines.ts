import type { CitedPassage } from '../core/answer.js';
import type { ReloadReport } from '../core/reload-report.js';
import type { HelpEntry, Lang } from '../core/reply.js';
import type { StatsSnapshot } from '../core/stats.js';
import { formatProblem } from '../corpus/index.js';
import { MESSAGES } from './catalogue.js';
import { cleanText } from './clean.js';

/**
 * The words of the replies that are not quotes (/stats, /help, /reload),
 * the same on every platform; a renderer only lays them out (an embed
 * field, a bold label, a terminal line).
 */

/** A labelled value: an embed field on Discord, "label: value" elsewhere. */
export interface Field {
  label: string;
  value: string;
  /** short enough to sit beside the next one */
  inline?: boolean;
}

export function statsFields(stats: StatsSnapshot, lang: Lang): Field[] {
  const index = `${MESSAGES.indexSize[lang](stats.index)} (${MESSAGES.builtAt[lang](stats.index.builtAt)})`;
  return [
    { label: MESSAGES.sinceStart[lang], value: MESSAGES.counts[lang](stats.sinceStart) },
    { label: MESSAGES.last24h[lang], value: MESSAGES.counts[lang](stats.last24h) },
    { label: MESSAGES.feedback[lang], value: `👍 ${stats.feedback.up} · 👎 ${stats.feedback.down}`, inline: true },
    { label: MESSAGES.uptime[lang], value: MESSAGES.seconds[lang](stats.uptimeSeconds), inline: true },
    { label: MESSAGES.index[lang], value: index },
  ];
}

/** "3× what did …": the questions that found nothing, most asked first, cleaned (they are user text). */
export function missingLines(stats: StatsSnapshot): string[] {
  return stats.topMissing.map((m) => `${m.count}× ${cleanText(m.question)}`);
}

export interface HelpLine {
  /** one line per form of the command ("/channels allow [channel]", …) */
  usage: string[];
  description: string;
  /** "moderators", when only they can use it */
  restricted?: string;
}

export function helpLines(commands: readonly HelpEntry[], lang: Lang): HelpLine[] {
  return commands.map((c) => ({
    usage: c.usage.split('\n'),
    description: lang === 'ar' ? c.descriptionAr : c.description,
    ...(c.moderator ? { restricted: MESSAGES.moderatorsOnly[lang] } : {}),
  }));
}

/** "Reloaded: 5 → 6 articles, 80 passages (120 ms)." or why not, then the problems by file (in English: they name files and fields). */
export function reloadLines(report: ReloadReport, lang: Lang): string[] {
  const { before, after } = report;
  if (!report.swapped) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    const head = MESSAGES.reloadRefused[lang]({ errors: errors.length, articles: before.articles, passages: before.passages });
    return [head, ...errors.map(formatProblem).map(cleanText)];
  }
  const warnings = report.problems
    .filter((p) => p.severity === 'warning')
    .map(formatProblem)
    .map(cleanText);
  const head = MESSAGES.reloaded[lang]({
    before: before.articles,
    after: after.articles,
    passages: after.passages,
    ms: Math.round(report.ms),
  });
  // a reload by difference names what changed
  const changes = report.changes ? [MESSAGES.reloadChanges[lang](report.changes)] : [];
  return [head, ...changes, ...warnings];
}

/**
 * What a citation says besides the title, in order: the source, the date,
 * the paragraph, and who speaks when the paragraph goes on with an earlier
 * one's speaker («واعتبر أن…» quotes Tillerson without naming him).
 */
export function citationFacts(passage: CitedPassage, lang: Lang): string[] {
  const facts = [passage.source, passage.date, `${MESSAGES.paragraph[lang]} ${passage.paragraph}`];
  if (passage.speaker) facts.push(`${MESSAGES.speaker[lang]} ${passage.speaker}`);
  return facts.filter((fact): fact is string => Boolean(fact)).map(cleanText);
}
