// The generated library that scripts/test.sh writes (120 articles in a
// manifest of four parts, indexed by `article-tool index`), read from its
// files, so tests can work out what a search should find without the index.
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './server.mjs';

export const GENERATED = path.join(repo, 'target/e2e-library');

export const read = (name) => JSON.parse(fs.readFileSync(path.join(GENERATED, 'articles', name), 'utf8'));

/** Every entry, in list order (all parts). */
export const manifest = () => ['index.json', 'index-2.json', 'index-3.json', 'index-4.json'].flatMap((p) => read(p).articles);

const terms = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every word a reader could search an article for, lower-cased. */
export function wordsOf(slug) {
  const a = read(`${slug}.json`);
  const texts = [a.headline, a.summary ?? '', a.section ?? ''];
  const walk = (v, key) => {
    if (typeof v === 'string' && ['text', 'title', 'heading', 'name', 'role', 'label', 'credit'].includes(key)) texts.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk({ sections: a.sections, people: a.people, parties: a.parties, topics: a.topics, timeline: a.timeline });
  return new Set(terms(texts.join(' ')));
}

/** Entries whose text has every word of `q`, in the order the list shows
 * them: most relevant first (3 for each word the headline has, 1 for each
 * the summary has), newest first among equals. */
export function having(q) {
  const words = terms(q);
  const found = manifest().filter((e) => {
    const all = wordsOf(e.slug);
    return words.every((w) => all.has(w));
  });
  const score = (e) => words.reduce((sum, w) => sum
    + (e.headline.toLowerCase().includes(w) ? 3 : 0)
    + ((e.summary ?? '').toLowerCase().includes(w) ? 1 : 0), 0);
  return found.map((e, i) => [score(e), i, e]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, , e]) => e);
}

/** The list's status line for `n` results of a search or filter, on its
 * first page. */
export const matchStatus = (n) => {
  const head = n === 1 ? '1 article matches' : `${n} articles match`;
  return n > 20 ? `${head}, showing 1–20, page 1 of ${Math.ceil(n / 20)}` : head;
};
