import { loadCorpus, type CorpusProblem, type SynonymGroup } from '../corpus/index.js';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';

export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  problems: CorpusProblem[];
}

/** Reads a corpus directory and builds its knowledge base; broken files are reported and left out. */
export async function loadKnowledgeBase(corpusDir: string, extraSynonyms: readonly SynonymGroup[] = []): Promise<LoadedKnowledgeBase> {
  const { corpus, problems } = await loadCorpus(corpusDir);
  return { kb: buildKnowledgeBase(corpus, { extraSynonyms }), problems };
}
