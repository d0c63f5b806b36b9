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

/** Entries (in list order) whose text has every word of `q`. */
export function having(q) {
  const words = terms(q);
  return manifest().filter((e) => {
    const all = wordsOf(e.slug);
    return words.every((w) => all.has(w));
  });
}
