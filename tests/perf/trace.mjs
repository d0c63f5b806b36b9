// Where the main thread's time goes before the first contentful paint:
// traces page loads in headless Chromium and sums the renderer's work by
// kind (parse, style, layout, paint, script). A diagnostic beside the
// benchmark, for pages of dist/ and of target/bench/static.
//
//   node tests/perf/trace.mjs seed.html a/us-russia-talks-despite-collisions/
//
// ROOT=<folder> serves another build in place of dist/; RUNS (default 5).
import path from 'node:path';
import { startServer, repo } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const KINDS = ['ParseHTML', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'EvaluateScript', 'FunctionCall', 'v8.compileModule', 'v8.evaluateModule'];
const browser = await launch();
const server = await startServer({ roots: [process.env.ROOT ?? path.join(repo, 'dist'), path.join(repo, 'target/bench/static')] });
for (const url of process.argv.slice(2)) {
  const sums = { fcp: 0 };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'loading'] });
    await page.goto(server.base + url);
    await page.waitForTimeout(600);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const fcp = events.find((e) => e.name === 'firstContentfulPaint');
    const nav = events.find((e) => e.name === 'navigationStart');
    for (const e of events) {
      if (e.ph === 'X' && e.dur && fcp && e.ts <= fcp.ts && KINDS.includes(e.name)) sums[e.name] = (sums[e.name] ?? 0) + e.dur / 1000 / RUNS;
    }
    if (fcp && nav) sums.fcp += (fcp.ts - nav.ts) / 1000 / RUNS;
    await context.close();
  }
  console.log(url, Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, `${v.toFixed(1)} ms`])));
}
await browser.close();
await server.close();
