import { readFileSync } from 'node:fs';
import { shippedLexicon } from '../src/lexicon/index.js';
import { arabicSkeleton, latinSkeletons, nameDistance, normalizeText, splitWords } from '../src/text/index.js';
const lex = shippedLexicon();
const rows = readFileSync('/tmp/e3-dev2.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const passages = new Map(readFileSync('/work/shared/data/xquad-ar/passages.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => { const p = JSON.parse(l); return [p.id, p.text]; }));
for (const name of process.argv.slice(2)) {
  console.log('==', name, 'translations:', lex.translate(name).filter((t) => !t.related).map((t) => t.text).slice(0, 8), latinSkeletons(name));
  const r = rows.find((r) => r.where === 'own' && r.question.toLowerCase().includes(name) && r.rank <= 2);
  if (!r) continue;
  const words = new Set(splitWords(normalizeText(r.text)));
  // full text isn't in dump; search the passages for the best sound match
  for (const [, text] of passages) {
    if (!text.startsWith(r.text.slice(0, 50))) continue;
    for (const w of new Set(splitWords(normalizeText(text)))) {
      const sk = arabicSkeleton(w);
      const d = nameDistance(name, w);
      if (d <= 1.5) console.log('  ', w, sk, latinSkeletons(name).includes(sk), d.toFixed(2), lex.reverse(w).slice(0, 4).map((m) => m.headword));
    }
  }
}
