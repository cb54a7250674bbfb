import { PassageIndex } from '../../src/search/index.js';
import type { SearchSystem } from './system.js';

/** Our engine through its public API only, with its defaults: what the bot runs. */
export const ours: SearchSystem = {
  name: 'ours',
  ours: true,
  config: 'PassageIndex.build(passages) with default options (src/search): titles indexed as a field',
  build(passages) {
    const index = PassageIndex.build(passages);
    return {
      search: (question, limit) => index.search(question, limit).hits.map((hit) => hit.passage),
    };
  },
};
