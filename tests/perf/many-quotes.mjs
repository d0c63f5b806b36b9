// A generated article turned into one of many quotes: every paragraph
// without a quote gets one, credited to the article's people in turn, so
// an article of N paragraphs carries N quotes (the shape of a long
// interview or a transcript). Reproduces issue 26's 10,000-quote case:
// generate 10,000 paragraphs (`article-tool generate --articles 1
// --paragraphs 10000 --seed 2 --prefix gen-10000 --out DIR`), turn the
// article into one of 10,000 quotes, list it in a copy of dist/ and build
// that copy with newsview-site.
//
//   node tests/perf/many-quotes.mjs <article.json> <slug> <out.json>
//   node tests/perf/many-quotes.mjs --list <articles folder> <slug>
// The second lists <slug>.json, already in the folder, in its index.json
// (whose `total` the build counts again).
import fs from 'node:fs';
import path from 'node:path';

if (process.argv[2] === '--list') {
  const [folder, slug] = process.argv.slice(3);
  const manifest = path.join(folder, 'index.json');
  const list = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const { headline } = JSON.parse(fs.readFileSync(path.join(folder, `${slug}.json`), 'utf8'));
  delete list.total;
  list.articles.push({ slug, headline });
  fs.writeFileSync(manifest, JSON.stringify(list));
  process.exit(0);
}

const [from, slug, to] = process.argv.slice(2);
const article = JSON.parse(fs.readFileSync(from, 'utf8'));
article.id = slug;
const people = article.people.map((p) => p.id);
let n = 0;
const visit = (blocks) => {
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    if (block.runs.some((r) => r.type === 'quote')) continue;
    block.runs.push(
      { type: 'quote', id: `mq${n}`, speaker: people[n % people.length], text: `Point ${n} stands,` },
      { type: 'text', text: ' came the reply.' },
    );
    n += 1;
  }
};
for (const section of article.sections) visit(section.blocks);
fs.writeFileSync(to, JSON.stringify(article));
const quotes = JSON.stringify(article).match(/"type":"quote"/g).length;
console.log(`${to}: ${quotes} quotes`);
