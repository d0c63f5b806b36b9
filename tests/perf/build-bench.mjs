// The site build's benchmark (on demand, not a test; `bash scripts/bench-build.sh`):
// generated archives of 2,000 and 10,000 articles (12 paragraphs, with quotes
// and events) published with `newsview-site --articles`, then rebuilt with
// nothing changed, one article corrected, one added and one removed; output
// size and files per article; peak memory; three shards and their merge
// against one build; one shard of a 100,000-article archive. Each build is
// set beside a baseline measured in the same run on the same files
// (`article-tool validate`: reading and checking every article, which any
// build must do at least once). Writes the part of docs/performance.md
// between the build-results markers, and target/bench-build/results.json.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BENCH = path.join(repo, 'target/bench-build');
const SITE = path.join(repo, 'target/prerender/newsview-site');
const TOOL = path.join(repo, 'target/release/article-tool');
const APP = path.join(repo, 'dist');
const SIZES = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const HUGE = Number(process.env.BENCH_HUGE ?? 100000);

function run(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  const [, seconds, peak] = r.stderr.match(/TIME ([\d.]+) (\d+)/);
  const line = r.stdout.split('\n').find((l) => l.startsWith('newsview-site:')) ?? '';
  const n = (re) => Number((line.match(re) ?? [])[1] ?? NaN);
  return {
    seconds: Number(seconds),
    peakMB: Number(peak) / 1024,
    rendered: n(/\((\d+) rendered/),
    drawn: n(/cards: (\d+) drawn/),
    written: n(/files: (\d+) written/),
    kept: n(/written, (\d+) kept/),
    removed: n(/kept, (\d+) removed/),
    line,
  };
}

const site = (src, dist, ...more) => run(SITE, ['--articles', src, ...more, dist]);

function baseline(src) {
  const files = fs.readdirSync(src).filter((f) => f.endsWith('.json') && !f.startsWith('index'));
  return run(TOOL, ['validate', ...files.map((f) => path.join(src, f))]).seconds;
}

function generate(n, src) {
  fs.rmSync(src, { recursive: true, force: true });
  run(TOOL, ['generate', '--articles', String(n), '--paragraphs', '12', '--seed', '4', '--out', src]);
}

function freshApp(dist) {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(APP, dist, { recursive: true });
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => fs.writeFileSync(file, JSON.stringify(value));

/// The manifest part (first, then index-2.json, …) listing `slug`.
function partListing(src, slug) {
  for (const name of fs.readdirSync(src).filter((f) => /^index(-\d+)?\.json$/.test(f))) {
    const part = readJson(path.join(src, name));
    if (part.articles.some((e) => e.slug === slug)) return name;
  }
  throw new Error(`no part lists ${slug}`);
}

function correctOne(src) {
  const file = path.join(src, 'gen-00001.json');
  const a = readJson(file);
  const block = a.sections[0].blocks.find((b) => b.type === 'paragraph');
  block.runs.push({ type: 'text', text: ' (Corrected.)' });
  writeJson(file, a);
}

function addOne(src) {
  const a = readJson(path.join(src, 'gen-00002.json'));
  a.id = 'added-article';
  a.headline = 'An article added after the build';
  writeJson(path.join(src, 'added-article.json'), a);
  const index = readJson(path.join(src, 'index.json'));
  index.articles.unshift({ slug: a.id, headline: a.headline, published: a.published });
  if (typeof index.total === 'number') index.total += 1;
  writeJson(path.join(src, 'index.json'), index);
}

function removeOne(src) {
  const slug = 'gen-00003';
  const name = partListing(src, slug);
  const part = readJson(path.join(src, name));
  part.articles = part.articles.filter((e) => e.slug !== slug);
  writeJson(path.join(src, name), part);
  const index = readJson(path.join(src, 'index.json'));
  if (typeof index.total === 'number') {
    index.total -= 1;
    writeJson(path.join(src, 'index.json'), index);
  }
  fs.rmSync(path.join(src, `${slug}.json`));
}

/// Bytes and files under `dir`, compressed copies excluded.
function weigh(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(gz|br)$/.test(e.name)) {
        bytes += fs.statSync(p).size;
        files += 1;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { bytes, files };
}

/// Every file's SHA-256 under `dir`, by path.
function digests(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/// Every published file alike; the search cache records this machine's
/// file times, so it is each build's own.
function sameFiles(a, b) {
  const [x, y] = [digests(a), digests(b)];
  for (const d of [x, y]) d.delete('build-manifest.search');
  if (x.size !== y.size) return `${x.size} files against ${y.size}`;
  for (const [file, hash] of x) if (y.get(file) !== hash) return `${file} differs`;
  return null;
}

function shards(n, src, whole) {
  const merged = path.join(BENCH, `${n}-merged`);
  freshApp(merged);
  const times = [];
  for (let k = 1; k <= 3; k += 1) {
    const dist = path.join(BENCH, `${n}-shard-${k}`);
    freshApp(dist);
    times.push(site(src, dist, '--shard', `${k}/3`).seconds);
    fs.cpSync(path.join(dist, 'a'), path.join(merged, 'a'), { recursive: true });
    for (const f of fs.readdirSync(dist).filter((f) => f.startsWith('build-manifest.shard-'))) {
      fs.copyFileSync(path.join(dist, f), path.join(merged, f));
    }
    fs.rmSync(dist, { recursive: true, force: true });
  }
  const merge = site(src, merged);
  const difference = sameFiles(whole, merged);
  fs.rmSync(merged, { recursive: true, force: true });
  return { times, merge: merge.seconds, mergeRendered: merge.rendered, identical: difference === null, difference };
}

const results = { sizes: {} };
for (const n of SIZES) {
  console.log(`== ${n} articles`);
  const src = path.join(BENCH, `${n}-articles`);
  const dist = path.join(BENCH, `${n}-dist`);
  generate(n, src);
  freshApp(dist);
  const r = { validate: baseline(src) };
  r.full = site(src, dist);
  console.log(r.full.line);
  const out = weigh(path.join(dist, 'a'));
  r.perArticleKB = out.bytes / n / 1024;
  r.filesPerArticle = out.files / n;
  r.unchanged = site(src, dist);
  correctOne(src);
  r.corrected = site(src, dist);
  addOne(src);
  r.added = site(src, dist);
  removeOne(src);
  r.removed = site(src, dist);
  if (n === SIZES[0]) {
    const whole = path.join(BENCH, `${n}-whole`);
    freshApp(whole);
    site(src, whole);
    r.shards = shards(n, src, whole);
    fs.rmSync(whole, { recursive: true, force: true });
  }
  for (const k of ['unchanged', 'corrected', 'added', 'removed']) console.log(k, r[k].line);
  results.sizes[n] = r;
  fs.rmSync(dist, { recursive: true, force: true });
}
if (HUGE) {
  console.log(`== one shard of ${HUGE} articles`);
  const src = path.join(BENCH, `${HUGE}-articles`);
  const dist = path.join(BENCH, `${HUGE}-shard`);
  generate(HUGE, src);
  freshApp(dist);
  results.huge = { articles: HUGE, shard: site(src, dist, '--shard', '1/10') };
  console.log(results.huge.shard.line);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(src, { recursive: true, force: true });
}

const s = (x) => `${x.toFixed(1)} s`;
const rows = [];
const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
const sizes = Object.keys(results.sizes).map(Number);
for (const n of sizes) {
  const r = results.sizes[n];
  const ratio = (x) => `${(x.seconds / r.validate).toFixed(1)}x validating (${s(r.validate)})`;
  const files = (x) => `${x.rendered} rendered, ${x.drawn} cards drawn; ${x.written} files written, ${x.removed} removed`;
  row(`${n.toLocaleString('en')} articles: full build`, s(r.full.seconds), `${ratio(r.full)}; ${files(r.full)}`, n === 10000 ? '≤ 120 s' : '', n === 10000 ? (r.full.seconds <= 120 ? 'yes' : '**no**') : '');
  row(`${n.toLocaleString('en')} articles: rebuild, nothing changed`, s(r.unchanged.seconds), `${ratio(r.unchanged)}; ${files(r.unchanged)}`, '≤ 3 s', r.unchanged.seconds <= 3 ? 'yes' : '**no**');
  for (const [name, x] of [['one article corrected', r.corrected], ['one article added', r.added], ['one article removed', r.removed]]) {
    row(`${n.toLocaleString('en')} articles: ${name}`, s(x.seconds), `${ratio(x)}; ${files(x)}`, '≤ 3 s', x.seconds <= 3 ? 'yes' : '**no**');
  }
  row(`${n.toLocaleString('en')} articles: output per article (a/, no .gz/.br)`, `${r.perArticleKB.toFixed(0)} KB`, `${r.filesPerArticle.toFixed(1)} files per article`, '≤ 300 KB', r.perArticleKB <= 300 ? 'yes' : '**no**');
  row(`${n.toLocaleString('en')} articles: peak resident memory, full build`, `${r.full.peakMB.toFixed(0)} MB`, `rebuild with nothing changed: ${r.unchanged.peakMB.toFixed(0)} MB`, '≤ 300 MB', r.full.peakMB <= 300 ? 'yes' : '**no**');
  if (r.shards) {
    row(`${n.toLocaleString('en')} articles: 3 shards, then the merge`, `${r.shards.times.map(s).join(', ')}; merge ${s(r.shards.merge)}`, r.shards.identical ? 'byte-identical to one build' : `differs: ${r.shards.difference}`, 'identical', r.shards.identical ? 'yes' : '**no**');
  }
}
if (sizes.length >= 2) {
  const [a, b] = [results.sizes[sizes[0]], results.sizes[sizes.at(-1)]];
  const growth = b.full.peakMB / a.full.peakMB - 1;
  row(`peak memory, ${sizes.at(-1).toLocaleString('en')} against ${sizes[0].toLocaleString('en')} articles`, `${(growth * 100).toFixed(0)}%`, `${a.full.peakMB.toFixed(0)} → ${b.full.peakMB.toFixed(0)} MB`, '≤ 20%', growth <= 0.2 ? 'yes' : '**no**');
}
if (results.huge) {
  const h = results.huge.shard;
  row(`${HUGE.toLocaleString('en')} articles: one shard of 10 (measured)`, s(h.seconds), `${h.rendered} articles rendered, ${h.drawn} cards; peak ${h.peakMB.toFixed(0)} MB`, '', '');
}
const generated = `<!-- build-results: written by tests/perf/build-bench.mjs; edit outside these markers -->
Latest figures from \`bash scripts/bench-build.sh\` (generated archives, 12 paragraphs
an article, published into a copy of the release \`dist/\` with \`newsview-site --articles\`).

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB

| measure | value | baseline / detail | target | met |
| --- | ---: | --- | --- | --- |
${rows.join('\n')}
<!-- /build-results -->`;
const file = path.join(repo, 'docs/performance.md');
const previous = fs.readFileSync(file, 'utf8');
const report = previous.replace(/<!-- build-results[\s\S]*?<!-- \/build-results -->/, () => generated);
fs.writeFileSync(file, report);
fs.mkdirSync(BENCH, { recursive: true });
fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2));
console.log(rows.join('\n'));
console.log('\nwrote docs/performance.md and target/bench-build/results.json');
