// The performance harness: builds nothing itself (scripts/bench.sh does),
// serves dist/ and generated data on 127.0.0.1, drives headless Chromium and
// writes docs/performance.md. Figures are medians, with baselines measured
// in the same run; this is a benchmark, not a test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { startServer, repo } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';
import { staticPage } from './static-page.mjs';

const BENCH = path.join(repo, 'target/bench');
const DIST = path.join(repo, 'dist');
const SEED = 'us-russia-talks-despite-collisions';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

// Chromium reports the JS heap precisely only with this flag.
const browser = await launch(['--enable-precise-memory-info']);

// The two profiles every page load is measured on. Slow 4G is Lighthouse's
// mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU
// slowed 4x; the server then compresses with gzip, as any CDN would.
const PROFILES = {
  loopback: null,
  'slow 4G': { latency: 150, down: 1.6e6 / 8, up: 750e3 / 8, cpu: 4 },
};

async function fresh(url, { beforeLoad, profile = null, waitUntil = 'load' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (beforeLoad) await page.addInitScript(beforeLoad);
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down,
      uploadThroughput: profile.up,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  await page.goto(url, { waitUntil, timeout: 120_000 });
  return { page, close: () => context.close() };
}

/** Time from navigation start until the app runs (hydrated or rendered), and
 * the bytes transferred (compressed) by then. */
const untilReady = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const done = () => {
          const ready = performance.getEntriesByName('app-ready')[0].startTime;
          const nav = performance.getEntriesByType('navigation')[0];
          const bytes = [nav, ...performance.getEntriesByType('resource')]
            .filter((e) => e.responseEnd <= ready)
            .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0);
          resolve({ ready, bytes });
        };
        const poll = () => (performance.getEntriesByName('app-ready').length ? done() : setTimeout(poll, 20));
        poll();
      }),
  );

/** renderTime of the element with elementtiming=name, relative to navigation start. */
const elementPainted = (page, name) =>
  page.evaluate(
    (name) =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.identifier === name) resolve(e.renderTime || e.loadTime);
        }).observe({ type: 'element', buffered: true });
      }),
    name,
  );

const results = { rows: [] };
const row = (measure, value, baseline, target, ok) => results.rows.push({ measure, value, baseline, target, ok });

// 1. Bytes over the wire: the seed article page, and the home page, each
// until its app is ready; every file compressed as a static host serves it
// (gzip level 6, as on the fly; brotli as the build's `.br` copies: quality
// 11 for hashed files, 6 for the rest).
const brotli = (body, hashed) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: hashed ? 11 : 6 } }).length;
async function transferred(server, address) {
  const { page, close } = await fresh(server.base + address);
  const bodies = [];
  page.on('response', async (r) => bodies.push({ url: r.url(), body: await r.body().catch(() => Buffer.alloc(0)) }));
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
  await page.waitForTimeout(300);
  await close();
  const kinds = {};
  for (const { url, body } of bodies) {
    const pathname = new URL(url).pathname;
    const ext = pathname.endsWith('/') ? '.html' : path.extname(pathname) || '.html';
    const kind = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.json': 'JSON', '.html': 'HTML', '.woff2': 'font (woff2)' }[ext] ?? 'other';
    kinds[kind] ??= { raw: 0, gzip: 0, br: 0 };
    kinds[kind].raw += body.length;
    kinds[kind].gzip += zlib.gzipSync(body, { level: 6 }).length;
    kinds[kind].br += brotli(body, /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$|\.woff2$/.test(pathname));
  }
  const total = Object.values(kinds).reduce((a, k) => ({ raw: a.raw + k.raw, gzip: a.gzip + k.gzip, br: a.br + k.br }), { raw: 0, gzip: 0, br: 0 });
  return { kinds, total };
}
{
  const server = await startServer({ roots: [DIST] });
  results.bytes = await transferred(server, `a/${SEED}/`);
  results.homeBytes = await transferred(server, '');
  await server.close();
  const { total, kinds } = results.bytes;
  row('Seed article page, everything it transfers, gzip', kb(total.gzip), `${kb(total.br)} brotli; ${kb(total.raw)} raw`, '≤ 180 KB', total.gzip <= 180 * 1024);
  row('Seed article page, its wasm, gzip', kb(kinds.wasm.gzip), `${kb(kinds.wasm.br)} brotli (target ≤ 125 KB)`, '≤ 150 KB', kinds.wasm.gzip <= 150 * 1024);
  const home = results.homeBytes.total;
  row('Home page (bundled library), everything it transfers, gzip', kb(home.gzip), `${kb(home.br)} brotli; ${kb(home.raw)} raw`, '≤ 150 KB', home.gzip <= 150 * 1024);
}

// 2. Navigation start → headline painted: the pre-rendered page, and the
// client-side path (`?article=`), against a static page of the same article,
// on both profiles; and when the app is ready (first topic toggle works).
{
  fs.mkdirSync(path.join(BENCH, 'static'), { recursive: true });
  const css = fs.readdirSync(DIST).find((f) => f.endsWith('.css'));
  const article = JSON.parse(fs.readFileSync(path.join(DIST, 'articles', `${SEED}.json`), 'utf8'));
  fs.writeFileSync(path.join(BENCH, 'static', 'seed.html'), staticPage(article, `./${css}`));
  results.paint = {};
  for (const [name, profile] of Object.entries(PROFILES)) {
    const server = await startServer({ roots: [DIST, path.join(BENCH, 'static')], gzip: profile !== null });
    const runs = profile ? Math.min(RUNS, 7) : RUNS;
    const series = { page: [], client: [], floor: [], view: [], ready: [], bytes: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate so drift on a noisy machine hits all alike.
      for (const [key, url] of [['page', `a/${SEED}/`], ['floor', 'seed.html'], ['client', `?article=${SEED}`]]) {
        const { page, close } = await fresh(server.base + url, { profile, waitUntil: 'commit' });
        series[key].push(await elementPainted(page, 'headline'));
        if (key === 'page') {
          const { ready, bytes } = await untilReady(page);
          series.ready.push(ready);
          series.bytes.push(bytes);
          series.view.push(await page.evaluate(() => performance.getEntriesByName('view-ready')[0].startTime));
        }
        await close();
      }
    }
    results.paint[name] = series;
    const floor = median(series.floor);
    const ratio = median(series.page) / floor;
    row(`${name}: headline painted, article page (median of ${runs})`, ms(median(series.page)), `static page ${ms(floor)}; ratio ${ratio.toFixed(2)}x`, '≤ 1.1x static', ratio <= 1.1);
    row(`${name}: headline painted, client-side path \`?article=\``, ms(median(series.client)), `ratio ${(median(series.client) / floor).toFixed(2)}x static`, '', null);
    row(`${name}: controls in view answer (their islands hydrated first)`, ms(median(series.view)), 'the first control a reader can press works', profile ? '≤ 1,300 ms' : '', profile ? median(series.view) <= 1300 : null);
    row(`${name}: app ready (every island hydrated)`, ms(median(series.ready)), `${kb(median(series.bytes))} transferred by then${profile ? ' (gzip)' : ' (uncompressed)'}`, '', null);
    await server.close();
  }
}

// 2b. The home page on both profiles: navigation start until a word typed
// as soon as the search box works has its results on screen (the bundled
// library; the word is in the seed's text, so the full-text index answers).
{
  results.homeSearch = {};
  for (const [name, profile] of Object.entries(PROFILES)) {
    const server = await startServer({ roots: [DIST], gzip: profile !== null });
    const runs = profile ? Math.min(RUNS, 7) : RUNS;
    const times = [];
    for (let i = 0; i < runs; i++) {
      const { page, close } = await fresh(server.base, { profile, waitUntil: 'commit' });
      await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 120_000 });
      await page.fill('#library_search', 'lavrov');
      await page.waitForFunction(() => performance.getEntriesByName('search-answered').length > 0, null, { timeout: 120_000 });
      times.push(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))));
      await close();
    }
    results.homeSearch[name] = times;
    row(`${name}: home page, navigation → first search answered (median of ${runs})`, ms(median(times)), 'typed as soon as the app is ready; the full-text index answers', profile ? '≤ 1,500 ms' : '', profile ? median(times) <= 1500 : null);
    await server.close();
  }
}

// 3 and 4 use generated articles of known sizes.
const big = startServer({ roots: [path.join(BENCH, 'big'), DIST] });

async function toggleTimes(page, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const button = document.querySelector('.topic-toggle');
            const t0 = performance.now();
            button.click();
            // The frame after the change: rAF runs before paint, the task after it after paint.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }),
      ),
    );
  }
  return times;
}

{
  const server = await big;
  for (const [label, slug, target] of [['seed', SEED, 16], ['2,000 paragraphs', 'gen-2000', 100]]) {
    const { page, close } = await fresh(server.base + `?article=${slug}`);
    await page.waitForSelector('.topic-toggle');
    const times = await toggleTimes(page, RUNS);
    results[`toggle-${slug}`] = times;
    row(`Topic filter toggle → next paint, ${label}`, ms(median(times)), '', `< ${target} ms`, median(times) < target);
    await close();
  }
}

// 3b. A pre-rendered article of 10,000 quotes (one per paragraph, the shape
// of a long transcript; bench.sh builds it with many-quotes.mjs), against
// the seed's page in the same run, on both profiles: every island
// hydrated, then a topic toggle to the next paint.
{
  results.manyQuotes = {};
  for (const [name, profile] of Object.entries(PROFILES)) {
    const server = await startServer({ roots: [path.join(BENCH, 'prerender-quotes')], gzip: profile !== null });
    const series = {};
    for (const slug of [SEED, 'quotes-10000']) {
      const { page, close } = await fresh(server.base + `a/${slug}/`, { profile, waitUntil: 'commit' });
      const { ready } = await untilReady(page);
      const toggle = await toggleTimes(page, 5);
      series[slug] = { ready, toggle };
      await close();
    }
    results.manyQuotes[name] = series;
    const [seed, many] = [series[SEED], series['quotes-10000']];
    const ratio = median(many.toggle) / median(seed.toggle);
    row(`${name}: 10,000 quotes, pre-rendered: topic toggle → next paint (median of 5)`, ms(median(many.toggle)), `seed ${ms(median(seed.toggle))}; ratio ${ratio.toFixed(1)}x`, profile ? '' : '< 500 ms', profile ? null : median(many.toggle) < 500);
    row(`${name}: 10,000 quotes, pre-rendered: every island hydrated`, ms(many.ready), `seed ${ms(seed.ready)}`, '', null);
    await server.close();
  }
}

// 4. First render: JSON received → article rendered, by size.
{
  const server = await big;
  const perParagraph = {};
  for (const n of [100, 1000, 10000]) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const { page, close } = await fresh(server.base + `?article=gen-${n}`);
      await page.waitForFunction(() => performance.getEntriesByName('article-rendered').length > 0, null, { timeout: 120_000 });
      times.push(
        await page.evaluate((n) => {
          const json = performance.getEntriesByType('resource').find((r) => r.name.endsWith(`gen-${n}.json`));
          return performance.getEntriesByName('article-rendered')[0].startTime - json.responseEnd;
        }, n),
      );
      await close();
    }
    perParagraph[n] = median(times) / n;
    results[`render-${n}`] = times;
    row(`First render, ${n.toLocaleString('en')} paragraphs`, ms(median(times)), `${(perParagraph[n] * 1000).toFixed(1)} µs per paragraph`, '', null);
  }
  const growth = perParagraph[10000] / perParagraph[100];
  row('Per-paragraph cost at 10,000 / at 100', `${growth.toFixed(2)}x`, '', '≤ 1.5x', growth <= 1.5);
  (await big).close();
}

// 5. Memory after the seed renders.
{
  const server = await startServer({ roots: [DIST] });
  const { page, close } = await fresh(server.base + `?article=${SEED}`, {
    beforeLoad: () =>
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__wasm = e.detail.wasm;
      }),
  });
  await page.waitForSelector('#story_headline');
  await page.waitForTimeout(500);
  const mem = await page.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize ?? 0, wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0 }));
  results.memory = mem;
  row('JS heap after the seed renders', kb(mem.heap), '', '', null);
  row('Wasm linear memory after the seed renders', kb(mem.wasm), '', '', null);
  await close();
  await server.close();
}

// 6. Home page with 10,000 articles.
{
  const server = await startServer({ roots: [path.join(BENCH, 'library'), DIST] });
  const first = [];
  for (let i = 0; i < 5; i++) {
    const { page, close } = await fresh(server.base);
    first.push(await elementPainted(page, 'library-first'));
    await close();
  }
  row('Home, 10,000 articles: navigation → first list item painted', ms(median(first)), '', '', null);
  const { page, close } = await fresh(server.base);
  await page.waitForFunction(() => /of 10000 articles/.test(document.querySelector('.library__status')?.textContent ?? '') && document.querySelector('.library__list')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 });
  const words = ['t', 'ta', 'tal', 'talk', 'talks', 'e', 'en', 'ene', 'ener', 'energy', 'b', 'bu', 'bud', 'budg', 'budget'];
  const keys = [];
  for (const q of words) {
    keys.push(
      await page.evaluate(
        (q) =>
          new Promise((resolve) => {
            const input = document.querySelector('#library_search');
            const t0 = performance.now();
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }),
        q,
      ),
    );
  }
  results.keystroke = keys;
  row('Home, 10,000 articles: keystroke in search → updated list painted', ms(median(keys)), '', '', null);
  await close();

  // Full-text search: from a fresh visit (nothing of the index cached),
  // the whole query typed at once, until the index's answer is painted;
  // then what the search fetched (index start, chunks, the shown results'
  // text for snippets), gzip-compressed as a static host serves it. The
  // baseline is the keystroke above, which filters headlines and summaries
  // in memory. Queries: rare names from article bodies, common words, and
  // a mix.
  const library = path.join(BENCH, 'library/articles');
  const bodyOf = (n) => JSON.parse(fs.readFileSync(path.join(library, `gen-${String(n).padStart(5, '0')}.json`), 'utf8'))
    .sections.flatMap((s) => s.blocks).filter((b) => b.type === 'paragraph').map((b) => b.runs.map((r) => r.text).join('')).join(' ');
  const local = (n) => bodyOf(n).match(/(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+) of (\p{Lu}\p{Ll}+) said/u);
  const queries = [
    local(4321)[2],
    `${local(77)[1]} ${local(77)[2]}`,
    `${local(9000)[1]} ${local(9000)[2]} of ${local(9000)[3]}`,
    'energy prices',
    'fishing rights summit',
    `${local(2500)[3]} budget`,
  ];
  const searchTimes = [];
  const searchBytes = [];
  const searchRaw = [];
  for (const q of queries) {
    const { page, close } = await fresh(server.base);
    await page.waitForFunction(() => /of 10000 articles/.test(document.querySelector('.library__status')?.textContent ?? '') && document.querySelector('.library__list')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 });
    const t = await page.evaluate(
      (q) =>
        new Promise((resolve) => {
          const input = document.querySelector('#library_search');
          const t0 = performance.now();
          const poll = () => {
            const answered = performance.getEntriesByName('search-answered').find((m) => m.startTime >= t0);
            if (answered) requestAnimationFrame(() => setTimeout(() => resolve({ t0, ms: performance.now() - t0 }), 0));
            else setTimeout(poll, 1);
          };
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          poll();
        }),
      q,
    );
    searchTimes.push(t.ms);
    // Snippets load after the list; give them time to arrive.
    await page.waitForTimeout(1500);
    const fetched = await page.evaluate(
      (t0) => performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && e.name.includes('/articles/search/')).map((e) => new URL(e.name).pathname),
      t.t0,
    );
    const files = fetched.map((p) => path.join(path.join(BENCH, 'library'), p));
    searchBytes.push(files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 6 }).length, 0));
    searchRaw.push(files.reduce((sum, f) => sum + fs.statSync(f).size, 0));
    await close();
  }
  results.search = { queries, searchTimes, searchBytes };
  const worst = Math.max(...searchBytes);
  row(
    'Home, 10,000 articles: full-text search, keystroke → results painted (fresh visit, loopback)',
    `${ms(median(searchTimes))} (worst ${ms(Math.max(...searchTimes))})`,
    `${(median(searchTimes) / median(keys)).toFixed(1)}x the in-memory headline filter (${ms(median(keys))})`,
    '≤ 300 ms',
    Math.max(...searchTimes) <= 300,
  );
  row(
    'Home, 10,000 articles: full-text search, bytes fetched per query (index, chunks, snippets; gzip)',
    `${kb(median(searchBytes))} (worst ${kb(worst)})`,
    `${kb(median(searchRaw))} raw; ${queries.length} queries`,
    '≤ 150 KB',
    worst <= 150 * 1024,
  );
  await server.close();
}

await browser.close();

// 7. Pre-rendering: page sizes, and the build's time for 1,000 articles
// against reading and validating the same files (`article-tool validate`).
{
  const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
  const seedPage = path.join(DIST, `a/${SEED}/index.html`);
  row('Pre-rendered page, seed article, HTML', kb(gz(seedPage)), `${kb(fs.statSync(seedPage).size)} raw`, '', null);
  const longPage = path.join(BENCH, 'prerender-long/a/gen-1000/index.html');
  row('Pre-rendered page, 1,000-paragraph article, HTML', kb(gz(longPage)), `${kb(fs.statSync(longPage).size)} raw`, '', null);
  const timing = JSON.parse(fs.readFileSync(path.join(BENCH, 'prerender-timing.json'), 'utf8'));
  row(
    'Pre-rendering 1,000 articles (all their pages and cards)',
    `${timing.prerender.toFixed(1)} s`,
    `${timing.pages} pages, ${timing.cards} cards (${timing.cardSeconds.toFixed(0)} s of thread time drawing cards, beside the pages); validating the same files takes ${timing.validate.toFixed(2)} s (${(timing.prerender / timing.validate).toFixed(0)}x)`,
    '',
    null,
  );
}

// The report.
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
const chromium = (() => {
  try {
    return execSync('/usr/bin/chromium --version 2>/dev/null', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const table = [
  '| measure | value | baseline / detail | target | met |',
  '| --- | ---: | --- | --- | --- |',
  ...results.rows.map((r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : '**no**'} |`),
];
const bytesTable = (b) => [
  '| kind | raw | gzip (level 6) | brotli |',
  '| --- | ---: | ---: | ---: |',
  ...Object.entries(b.kinds).map(([k, v]) => `| ${k} | ${kb(v.raw)} | ${kb(v.gzip)} | ${kb(v.br)} |`),
  `| **total** | ${kb(b.total.raw)} | ${kb(b.total.gzip)} | ${kb(b.total.br)} |`,
];
const bytes = [
  ...bytesTable(results.bytes),
  '',
  'Bytes over the wire for the home page (the bundled library), until its app is ready:',
  '',
  ...bytesTable(results.homeBytes),
];
const generated = `<!-- results: written by tests/perf/harness.mjs; edit outside these markers -->
Latest figures from \`bash scripts/bench.sh\` (it builds the release \`dist/\`,
generates the test articles with \`article-tool generate\`, serves everything on
127.0.0.1 and drives headless Chromium). Times are medians; each comparison is
measured in the same run, alternating, because this machine is noisy.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB
- Browser: ${chromium}, headless, fresh profile per page load (cold cache)

${table.join('\n')}

Bytes over the wire for the seed article view, until its app is ready:

${bytes.join('\n')}
<!-- /results -->`;
const file = path.join(repo, 'docs/performance.md');
const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n\n<!-- results --><!-- /results -->\n';
const report = previous.replace(/<!-- results[\s\S]*?<!-- \/results -->/, () => generated);
fs.writeFileSync(file, report);
fs.mkdirSync(BENCH, { recursive: true });
fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2));
console.log(table.join('\n'));
console.log('\n' + bytes.join('\n'));
console.log('\nwrote docs/performance.md and target/bench/results.json');
