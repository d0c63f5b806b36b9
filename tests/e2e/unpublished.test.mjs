// A library published with articles the build could not publish (issue
// 26): scripts/test.sh lists, in an owner's folder, one article file that
// is not JSON and one entry without a file beside the seed and a copy of
// it, and publishes the folder into target/e2e-unpublished. The reader is
// offered the two that have pages and nothing else, with and without
// scripts, and searching the whole text still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { SEED, appReady } from './harness.mjs';

const ROOT = path.join(repo, 'target/e2e-unpublished');
const SKIPPED = ['not-json', 'no-file-yet'];

let server;
let browser;
before(async () => {
  server = await startServer({ roots: [ROOT], notFoundPage: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the home page offers only the articles that have a page, before and after scripts run', async () => {
  const html = await (await fetch(server.base)).text();
  for (const slug of SKIPPED) assert.ok(!html.includes(`a/${slug}/`), `the served page links ${slug}`);
  assert.ok(html.includes(`a/${SEED}/`));

  const { page, errors, close } = await openPage(browser);
  await page.goto(server.base);
  await appReady(page);
  await page.waitForSelector('.card__headline a');
  const links = await page.$$eval('.card__headline a', (as) => as.map((a) => a.href));
  assert.deepEqual(
    links.map((l) => new URL(l).pathname),
    [`/a/${SEED}/`, '/a/seed-copy/'],
  );
  for (const link of links) assert.equal((await fetch(link)).status, 200, link);
  // Nothing to report to the reader: the list names no broken entry.
  assert.equal(await page.locator('.library [role="alert"]').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('the full-text index answers for the published list', async () => {
  const { page, errors, close } = await openPage(browser);
  await page.goto(server.base);
  await appReady(page);
  // A word of the story's body, not of any headline.
  await page.fill('.library__search input', 'collisions Lavrov');
  await page.waitForFunction(() => /\b2 articles\b/.test(document.querySelector('.library__status')?.textContent ?? ''));
  assert.equal(await page.locator('.library [role="alert"]').count(), 0);
  const shown = await page.$$eval('.card__headline a', (as) => as.map((a) => new URL(a.href).pathname));
  assert.deepEqual(shown.sort(), [`/a/${SEED}/`, '/a/seed-copy/'].sort());
  await close();
});
