import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonLines } from '../../src/eval/shared-data.js';

interface SnnArticle {
  id: string;
  title?: string;
  text: string;
  source?: string;
  date?: string;
}

interface TydiPassage {
  id: string;
  title?: string;
  text: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Writes TyDi QA's passages (the questions' gold) and the first `articles`
 * SaudiNewsNet articles as corpus files (<id>.txt + <id>.json) in `dir`, once:
 * a marker file says the directory is complete. The data stays outside the
 * project (CC BY-NC-SA: benchmarks only).
 */
export function writeCorpusFiles(shared: string, dir: string, articles: number): { dir: string; articles: number } {
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return { dir, articles: Number(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let written = 0;
  const write = (id: string, text: string, meta: Record<string, string | undefined>) => {
    writeFileSync(join(dir, `${id}.txt`), text);
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(Object.fromEntries(Object.entries(meta).filter(([, v]) => v))));
    written++;
  };
  for (const p of readJsonLines<TydiPassage>(join(shared, 'data/tydiqa-goldp-ar/passages.jsonl'))) {
    write(p.id, p.text, { title: p.title?.trim().slice(0, 300) || undefined, lang: 'ar' });
  }
  const snn = readJsonLines<SnnArticle>(join(shared, 'data/saudinewsnet/passages.jsonl.gz')).slice(0, articles);
  for (const a of snn) {
    const date = a.date && DATE.test(a.date) ? a.date.slice(0, 10) : undefined;
    write(a.id, a.text, { title: a.title?.trim().slice(0, 300) || undefined, source: a.source?.slice(0, 120), date, lang: 'ar' });
  }
  writeFileSync(marker, String(written));
  return { dir, articles: written };
}
