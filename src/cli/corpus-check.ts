/**
 * npm run corpus:check [dir] — validates every article and metadata file and
 * the synonyms file; prints one line per problem (file, field, fix) and exits
 * non-zero on any error. Warnings alone exit 0.
 */
import { join, resolve } from 'node:path';
import { buildKnowledgeBase } from '../core/knowledge-base.js';
import { formatProblem, loadCorpus } from '../corpus/index.js';
import { projectRoot } from '../project-root.js';

const dir = process.argv[2]
  ? resolve(process.argv[2])
  : process.env.CORPUS_DIR
    ? resolve(process.env.CORPUS_DIR)
    : join(projectRoot(), 'corpus');
const { corpus, problems } = await loadCorpus(dir);
for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
const kb = buildKnowledgeBase(corpus);
console.log(
  `${dir}: ${corpus.articles.length} articles, ${kb.passages.length} passages, ${corpus.synonyms.length} synonym groups; ` +
    `${errors} error(s), ${problems.length - errors} warning(s)`,
);
process.exit(errors > 0 ? 1 : 0);
