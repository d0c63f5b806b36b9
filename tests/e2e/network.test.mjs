// Flaky networks and untidy manifests: a download stops when the reader
// leaves its page, a response that stalls ends in a panel with a retry, and
// a manifest's bad lines are skipped with a notice while the rest is listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { SEED, appReady } from './harness.mjs';

const SLOW = 'fixture-harbour-strike';
const SLOW_FILE = `/articles/${SLOW}.json`;

let server;
let browser;
let dir;

const entry = (slug, headline) => ({ slug, headline, section: 'World', published: '2024-05-01' });

before(async () => {
  // A manifest written carelessly: a traversal slug, a repeated slug, a part
  // naming the manifest itself, one on another site, one named twice, one
  // that fails once, and a repeat of the first part's slug in the second.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'network-'));
  fs.mkdirSync(path.join(dir, 'articles'));
  const write = (name, value) => fs.writeFileSync(path.join(dir, 'articles', name), JSON.stringify(value));
  write('index.json', {
    format: 1,
    total: 7,
    articles: [entry(SEED, 'Seed story'), entry('../../etc/passwd', 'Traversal'), entry(SEED, 'Seed again'), entry(SLOW, 'Harbour story')],
    more: ['index.json', 'https://other.example/x.json', 'part-2.json', 'part-2.json', 'part-bad.json', 'part-3.json'],
  });
  write('part-2.json', { format: 1, articles: [entry('fixture-tech-startup', 'Startup story'), entry(SEED, 'Seed once more')] });
  write('part-bad.json', { format: 1, articles: [entry('fixture-hospital-report', 'Hospital story')] });
  write('part-3.json', { format: 1, articles: [entry('fixture-unknown-speaker', 'Unknown speaker story')] });
  server = await startServer({ roots: [dir, path.join(repo, 'dist'), path.join(repo, 'tests/fixtures')] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const requestsFor = (file) => server.requests.filter((r) => r === file).length;

test('leaving an article while it downloads stops the download; back again fetches it afresh', async () => {
  const { page, errors, close } = await openPage(browser);
  server.fail(SLOW_FILE, 'trickle');
  const before = requestsFor(SLOW_FILE);
  await page.goto(`${server.base}?article=${SLOW}`);
  await page.getByText('Loading article…').waitFor();
  await appReady(page);
  await page.click('.masthead .brand');
  await page.locator('.library__list').waitFor();
  await waitFor(() => server.abandoned.includes(SLOW_FILE), 'the browser breaks the download off');
  // Back: the article again, fetched afresh at full speed and shown.
  await page.goBack();
  await page.locator('#story_headline').waitFor();
  assert.equal(requestsFor(SLOW_FILE) - before, 2);
  assert.deepEqual(errors, []);
  await close();
});

test('back and forward ten times during a slow load leave one download, and the article arrives', async () => {
  const { page, errors, close } = await openPage(browser);
  await page.goto(server.base);
  await appReady(page);
  server.abandoned.length = 0;
  server.fail(SLOW_FILE, ...Array(10).fill('trickle'));
  const before = requestsFor(SLOW_FILE);
  // Into the article by a link the page follows itself (history entry).
  await page.locator(`a[href$="a/${SLOW}/"]`).first().click();
  await page.getByText('Loading article…').waitFor();
  for (let n = 0; n < 5; n++) {
    await page.goBack();
    await page.locator('.library__list').waitFor();
    await page.goForward();
    await page.getByText('Loading article…').waitFor();
  }
  // Six trickling downloads started; five were broken off when the reader
  // left, so only one is still running now.
  await waitFor(() => server.abandoned.filter((p) => p === SLOW_FILE).length === 5, 'five downloads broken off');
  assert.equal(requestsFor(SLOW_FILE) - before, 6);
  // One more back and forward, and the next download is at full speed.
  server.fail(SLOW_FILE);
  await page.goBack();
  await page.goForward();
  await page.locator('#story_headline').waitFor({ timeout: 5_000 });
  assert.deepEqual(errors, []);
  await close();
});

test('a response that stalls halfway ends in the error panel, and retry loads the article', async () => {
  const { page, close } = await openPage(browser);
  await page.clock.install();
  server.fail(SLOW_FILE, 'stall');
  await page.goto(`${server.base}?article=${SLOW}`);
  await page.getByText('Loading article…').waitFor();
  await waitFor(() => server.requests.includes(SLOW_FILE), 'the download started');
  await page.clock.fastForward(25_000);
  const panel = page.locator('.error-panel[role="alert"]');
  await panel.waitFor();
  assert.match(await panel.textContent(), /articles\/fixture-harbour-strike\.json.*stopped arriving: nothing came for 20 seconds/s);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('#story_headline').waitFor();
  await close();
});

test('a manifest with bad entries and parts lists the rest, says what it skipped, and a failed part can be retried', async () => {
  const { page, errors, close } = await openPage(browser);
  server.fail('/articles/part-bad.json', 500);
  const before = Object.fromEntries(['index.json', 'part-2.json', 'part-bad.json', 'part-3.json'].map((f) => [f, requestsFor(`/articles/${f}`)]));
  await page.goto(server.base);
  await appReady(page);
  const headlines = () => page.$$eval('.card__headline', (hs) => hs.map((h) => h.textContent));
  const stuck = page.locator('.notice[role="alert"]');
  await stuck.waitFor();
  // What loaded stays: the first part and the second, each story once.
  assert.deepEqual(await headlines(), ['Seed story', 'Harbour story', 'Startup story']);
  assert.match(await stuck.textContent(), /articles\/part-bad\.json could not be loaded \(the server answered HTTP 500.*\)\. 2 parts still to load\./s);
  const skipped = page.locator('.notice', { has: page.locator('#problems_heading') });
  assert.equal(await skipped.locator('h2').textContent(), '3 entries and 3 parts of the list were skipped');
  const reasons = await skipped.locator('li').allTextContents();
  assert.equal(reasons.length, 6);
  assert.ok(reasons.some((r) => /articles\/index\.json articles\[1\]\.slug: "\.\.\/\.\.\/etc\/passwd" is not an article id/.test(r)), reasons.join('\n'));
  assert.ok(reasons.some((r) => /articles\/index\.json more\[1\]: "https:\/\/other\.example\/x\.json" is not a file name/.test(r)));
  assert.ok(reasons.some((r) => /articles\/part-2\.json articles\[1\]\.slug: "us-russia-talks-despite-collisions" is listed already/.test(r)));
  // No card leads anywhere but an article page of this site.
  const origin = new URL(server.base).origin;
  for (const href of await page.$$eval('.card a', (as) => as.map((a) => a.href))) {
    assert.equal(new URL(href).origin, origin);
    assert.match(new URL(href).pathname, /\/a\/[a-z0-9-]+\/$/);
  }
  await page.getByRole('button', { name: 'Load the rest' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 5);
  assert.deepEqual((await headlines()).slice(3), ['Hospital story', 'Unknown speaker story']);
  assert.equal(await stuck.count(), 0);
  // Each file asked for once (the failed part twice: once more on retry).
  const asked = Object.fromEntries(Object.keys(before).map((f) => [f, requestsFor(`/articles/${f}`) - before[f]]));
  assert.deepEqual(asked, { 'index.json': 1, 'part-2.json': 1, 'part-bad.json': 2, 'part-3.json': 1 });
  assert.equal(server.requests.filter((r) => r.includes('other.example') || r.includes('passwd')).length, 0);
  assert.deepEqual(errors.filter((e) => !/500/.test(e)), []);
  await close();
});

async function waitFor(condition, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
