import type { Answer } from '../core/answer.js';
import { fixed, formatTable } from '../util/table.js';
import { type SeedQuestion, scoreAtK } from './seed-scoring.js';
import { readJsonLines } from './shared-data.js';

export interface SeedResult {
  question: SeedQuestion;
  answer: Answer;
  at1: number;
  at3: number;
  at5: number;
}

export function loadSeedQuestions(path: string): SeedQuestion[] {
  return readJsonLines<SeedQuestion>(path);
}

export function scoreSeedQuestions(questions: readonly SeedQuestion[], ask: (q: string) => Answer): SeedResult[] {
  return questions.map((question) => {
    const answer = ask(question.question);
    const returned = [...answer.passages, ...answer.more];
    const notFound = answer.status === 'not_found';
    return {
      question,
      answer,
      at1: scoreAtK(question, returned, notFound, 1),
      at3: scoreAtK(question, returned, notFound, 3),
      at5: scoreAtK(question, returned, notFound, 5),
    };
  });
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

function groupRows(results: readonly SeedResult[], by: (r: SeedResult) => string): (string | number)[][] {
  const groups = new Map<string, SeedResult[]>();
  for (const r of results) groups.set(by(r), [...(groups.get(by(r)) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, rs]) => [
      name,
      rs.length,
      fixed(mean(rs.map((r) => r.at1))),
      fixed(mean(rs.map((r) => r.at3))),
      fixed(mean(rs.map((r) => r.at5))),
    ]);
}

/** The acceptance figures of the core issue. */
export function seedTargets(results: readonly SeedResult[]) {
  const answerable = (lang: string) => results.filter((r) => r.question.answerable && r.question.lang === lang);
  // a multi question counts as a hit when any of its gold articles is cited
  const hit3 = (rs: SeedResult[]) => mean(rs.map((r) => (r.at3 > 0 ? 1 : 0)));
  const unanswerable = results.filter((r) => !r.question.answerable);
  return {
    msaHit3: hit3(answerable('ar')),
    dialectHit3: hit3(answerable('ar-dialect')),
    englishHit3: hit3(answerable('en')),
    unanswerableNotFound: unanswerable.filter((r) => r.answer.status === 'not_found').length,
    unanswerable: unanswerable.length,
    overallScore3: mean(results.map((r) => r.at3)),
  };
}

export function formatSeedReport(results: readonly SeedResult[]): string {
  const header = ['group', 'n', '@1', '@3', '@5'];
  const overall = groupRows(results, () => 'overall');
  const sections = [
    formatTable(header, overall),
    formatTable(
      ['lang', 'n', '@1', '@3', '@5'],
      groupRows(results, (r) => r.question.lang),
    ),
    formatTable(
      ['kind', 'n', '@1', '@3', '@5'],
      groupRows(results, (r) => r.question.kind),
    ),
    formatTable(
      ['variant', 'n', '@1', '@3', '@5'],
      groupRows(results, (r) => r.question.variant),
    ),
  ];
  const t = seedTargets(results);
  const targets = formatTable(
    ['target', 'measured', 'required'],
    [
      ['hit@3, answerable MSA', fixed(t.msaHit3), '>= 0.90'],
      ['hit@3, answerable dialect', fixed(t.dialectHit3), '>= 0.80'],
      ['hit@3, answerable English', fixed(t.englishHit3), '-'],
      ['unanswerable -> not_found', `${t.unanswerableNotFound}/${t.unanswerable}`, 'all'],
      ['overall score@3', fixed(t.overallScore3), '-'],
    ],
  );
  return [...sections, targets].join('\n\n');
}

export function formatMisses(results: readonly SeedResult[]): string {
  return results
    .filter((r) => r.at3 < 1)
    .map((r) => {
      const cited = r.answer.passages.map((p) => p.id).join(', ') || r.answer.status;
      return `${r.question.id} [${r.question.lang}/${r.question.variant}] @3=${fixed(r.at3, 2)} ${r.question.question}\n    cited: ${cited}\n    gold: ${r.question.gold.map((g) => g.doc.slice(0, 3)).join(', ') || 'none'}`;
    })
    .join('\n');
}
