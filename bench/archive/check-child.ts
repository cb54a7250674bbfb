/**
 * Snapshot == fresh build, checked (see bench/archive/run.ts): the knowledge
 * base loaded from DATA_DIR's snapshot and one built from the files in this
 * process must give the same top 10 on every TyDi QA test question. Prints
 * one JSON line with MRR@10 and the number of questions whose top 10 differ.
 */

import { corpusStamps } from '../../src/core/corpus-stamps.js';
import { buildKnowledgeBase, type KnowledgeBase, PARAGRAPH_RANKING } from '../../src/core/knowledge-base.js';
import { keyFor, readSnapshot } from '../../src/core/snapshot-store.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { firstGoldRank, summarizeRanks } from '../../src/eval/retrieval-metrics.js';
import { loadQaDataset } from '../../src/eval/shared-data.js';

const [corpusDir, dataDir, shared] = process.argv.slice(2) as [string, string, string];
const read = await readSnapshot(dataDir, keyFor((await corpusStamps(corpusDir))!, PARAGRAPH_RANKING));
if (!('kb' in read)) throw new Error(`no usable snapshot: ${read.rejected}`);
const fresh = buildKnowledgeBase((await loadCorpus(corpusDir)).corpus);
const { questions } = loadQaDataset(shared, 'tydiqa-goldp-ar', 'test');
const top10 = (kb: KnowledgeBase, question: string) =>
  kb.index.search(question, 10).hits.map((h) => `${kb.passages[h.passage]!.article.id}@${h.score}`);
let differing = 0;
const ranks: number[] = [];
for (const q of questions) {
  const loaded = top10(read.kb, q.question);
  if (loaded.join() !== top10(fresh, q.question).join()) differing++;
  ranks.push(
    firstGoldRank(
      loaded.map((id) => id.split('@')[0]!),
      new Set([q.passage_id]),
    ),
  );
}
console.log(JSON.stringify({ questions: questions.length, differing, mrr10: summarizeRanks(ranks).mrr10 }));
