/**
 * npm run ask -- "سؤال"           answers one question, readable in a terminal
 * npm run --silent ask -- --json   one question per stdin line ("\n"-separated; a "\r" inside stays) → one JSON object per line:
 *   {"question","status","passages":[{"articleId","title","source","date","paragraph","text","sentence","terms","score"}]}
 * Evaluations drive the JSON form: keep it stable.
 */
import { join, resolve } from 'node:path';
import { renderConsoleReply } from '../adapters/console/render.js';
import { type Answer, answerQuestion } from '../core/answer.js';
import { loadKnowledgeBase } from '../core/load.js';
import type { LogFn } from '../core/logger.js';
import { formatProblem } from '../corpus/index.js';
import { projectRoot } from '../project-root.js';
import { linesOf } from './lines.js';

export function answerToJson(question: string, answer: Answer): string {
  return JSON.stringify({
    question,
    status: answer.status,
    passages:
      answer.status === 'answered'
        ? answer.passages.map((p) => ({
            articleId: p.articleId,
            title: p.title,
            source: p.source ?? null,
            date: p.date ?? null,
            paragraph: p.paragraph,
            ...(p.speaker && { speaker: p.speaker }),
            text: p.text,
            sentence: p.sentence,
            terms: p.terms,
            score: p.score,
          }))
        : [],
  });
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const questions = args.filter((a) => a !== '--json');
const corpusDir = process.env.CORPUS_DIR ? resolve(process.env.CORPUS_DIR) : join(projectRoot(), 'corpus');
// the index snapshot lives where the bot keeps it (DATA_DIR), so `ask` and `npm start` share it
const snapshotDir = resolve(process.env.DATA_DIR ?? 'data');
const warn = ((...args: unknown[]) => console.error(String(args.at(-1)))) as LogFn;
const { kb, problems, snapshotSaved } = await loadKnowledgeBase(corpusDir, [], { snapshotDir, logger: { info: () => {}, warn } });
for (const problem of problems.filter((p) => p.severity === 'error')) console.error(formatProblem(problem));

if (questions.length > 0) {
  for (const question of questions) {
    const answer = answerQuestion(kb, question);
    if (json) console.log(answerToJson(question, answer));
    else
      console.log(`${renderConsoleReply({ kind: 'answer', answer, page: 0, hasMore: false }, { color: process.stdout.isTTY === true })}\n`);
  }
} else if (json || !process.stdin.isTTY) {
  // one output line per input line, whatever the line holds: split on "\n" only
  for await (const line of linesOf(process.stdin)) {
    const answer = answerQuestion(kb, line);
    console.log(
      json ? answerToJson(line, answer) : renderConsoleReply({ kind: 'answer', answer, page: 0, hasMore: false }, { color: false }),
    );
  }
} else {
  console.error('usage: npm run ask -- "your question"   or   npm run --silent ask -- --json < questions.txt');
  process.exit(2);
}
await snapshotSaved;
