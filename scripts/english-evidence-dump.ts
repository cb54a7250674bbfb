/**
 * tsx scripts/english-evidence-dump.ts [dev|test] > out.jsonl — what the
 * cross-language evidence rule sees, one JSON line per passage that may lead:
 * positives are XQuAD English questions' gold paragraphs in the engine's top
 * LEAD_CANDIDATES (asked of XQuAD's paragraphs); negatives are the passages
 * that may lead the same questions asked of the bundled corpus (which answers
 * none). For finding a feature that tells them apart; not part of the answer path.
 */
import { join } from 'node:path';
import { CANDIDATES, DEFAULT_ANSWER_OPTIONS, LEAD_CANDIDATES } from '../src/core/answer.js';
import { questionNames } from '../src/core/cross-language-evidence.js';
import { evidenceNeeded } from '../src/core/evidence.js';
import type { KnowledgeBase } from '../src/core/knowledge-base.js';
import { loadKnowledgeBase } from '../src/core/load.js';
import { highlightPassage } from '../src/core/snippet.js';
import { loadDatasetKnowledgeBase } from '../src/eval/answer-path-eval.js';
import { loadQaPassages, loadQaQuestions, SHARED_MISSING, type Split, sharedDir } from '../src/eval/shared-data.js';
import { shippedLexicon } from '../src/lexicon/index.js';
import { projectRoot } from '../src/project-root.js';
import { arabicSkeleton, latinSkeletons, nameDistance, normalizeText, splitWords } from '../src/text/index.js';

const split = (process.argv[2] ?? 'dev') as Split;
const shared = sharedDir(process.env.SHARED_DIR);
if (!shared) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const bundled = (await loadKnowledgeBase(join(projectRoot(), 'corpus'))).kb;
const xquad = await loadDatasetKnowledgeBase(loadQaPassages(shared, 'xquad-en'), 'xquad-ar');

function dump(kb: KnowledgeBase, question: string, gold: ReadonlySet<string>, where: string): void {
  const { hits, concepts } = kb.index.search(question, CANDIDATES);
  const needed = evidenceNeeded(kb, question, concepts, true, DEFAULT_ANSWER_OPTIONS);
  const tokens = kb.index.analyzer.analyze(question);
  const capitalized = new Set(tokens.filter((t) => t.position > 0 && /\p{Lu}/u.test(question[t.start] ?? '')).map((t) => t.norm));
  const base = {
    where,
    question,
    refused: needed === undefined,
    concepts: concepts.map((c, i) => ({
      words: c.words,
      mass: Math.round(c.mass * 100) / 100,
      known: c.known,
      constraint: c.constraint,
      absent: c.absent,
      leftOut: needed?.leftOut.has(i) ?? false,
      name: c.words.some((w) => capitalized.has(w)),
      number: c.words.some((w) => /\d/.test(w)),
    })),
  };
  if (!needed) {
    console.log(JSON.stringify({ ...base, hit: null }));
    return;
  }
  const articleOf = (passage: number) => kb.passages[passage]!.article.id;
  const { coverage } = needed;
  hits.slice(0, LEAD_CANDIDATES).forEach((hit, rank) => {
    const article = articleOf(hit.passage);
    if (!needed.mayBeAbout(article)) return;
    if (where === 'own' && !gold.has(article)) return;
    const others = hits.filter((h) => articleOf(h.passage) !== article);
    const text = kb.passages[hit.passage]!.paragraph.text;
    const matchedSet = new Set(hit.matchedTerms);
    const weight = (t: string) => kb.index.termIdf(t);
    const hl = highlightPassage(text, matchedSet, weight, kb.index.analyzer);
    const inText = new Set(
      kb.index.analyzer
        .analyze(text)
        .filter((t) => matchedSet.has(t.term))
        .map((t) => t.term),
    );
    const inSentence = new Set(
      kb.index.analyzer
        .analyze(text.slice(hl.sentence.start, hl.sentence.end))
        .filter((t) => matchedSet.has(t.term))
        .map((t) => t.term),
    );
    const textWordsNorm = splitWords(normalizeText(text));
    const df = (w: string) => {
      const t = kb.index.analyzer.termOf(w);
      return t === null ? 0 : kb.index.termIdf(t);
    };
    const sounds = [...capitalized].map((w) => {
      const skeletons = new Set(latinSkeletons(w));
      let best = Infinity;
      let bestWord = '';
      for (const a of textWordsNorm) {
        if (!skeletons.has(arabicSkeleton(a))) continue;
        const d = nameDistance(w, a);
        if (d < best) [best, bestWord] = [d, a];
      }
      return {
        w,
        best: Number.isFinite(best) ? Math.round(best * 100) / 100 : null,
        bestWord,
        idf: bestWord ? Math.round(df(bestWord) * 100) / 100 : null,
        inText: textWordsNorm.includes(w),
      };
    });
    const names = questionNames(question, kb.index.analyzer, shippedLexicon());
    const sum = (ts: Set<string>) => [...ts].reduce((s, t) => s + weight(t), 0);
    console.log(
      JSON.stringify({
        ...base,
        rank,
        gold: gold.has(article),
        answers: needed.answers(hit, article),
        coverage: coverage(hit),
        rawCoverage: hit.coverage,
        matchedWords: hit.matchedWords,
        matched: hit.matchedConcepts,
        terms: hit.matchedTerms,
        scoreShare: hit.score / (hits[0]?.score || 1),
        otherCoverage: Math.max(0, ...others.map(coverage)),
        otherScoreShare: (others[0]?.score ?? 0) / (hit.score || 1),
        sentenceShare: sum(inText) > 0 ? sum(inSentence) / sum(inText) : 0,
        termsInText: inText.size,
        termsInSentence: inSentence.size,
        sentenceWords: kb.index.analyzer.analyze(text.slice(hl.sentence.start, hl.sentence.end)).length,
        textWords: kb.index.analyzer.analyze(text).length,
        sounds,
        names: names?.names ?? [],
        namesWritten: names?.writtenIn(text) ?? 0,
        termIdfs: [...inText].map((t) => Math.round(weight(t) * 100) / 100),
        text: text.slice(0, 200),
      }),
    );
  });
}

for (const q of loadQaQuestions(shared, 'xquad-en', split)) {
  const gold = new Set([q.passage_id, ...(q.alt_passage_ids ?? [])]);
  dump(xquad, q.question, gold, 'own');
  dump(bundled, q.question, new Set(), 'bundled');
}
