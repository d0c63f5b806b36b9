// Full-text search of the library, and the library's pages: a generated
// library (120 articles, indexed by `article-tool index`) in front of dist/.
// What each search should find is worked out here from the article files
// themselves, independently of the index.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { appReady, inViewport } from './harness.mjs';
import { GENERATED, read, manifest, having, matchStatus } from './generated-library.mjs';

let library;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(GENERATED, 'articles/search/index.json')), 'run scripts/test.sh: it generates and indexes the library');
  library = await startServer({ roots: [GENERATED, path.join(repo, 'dist')] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await library?.close();
});

async function home(query = '', options = {}) {
  const tab = await openPage(browser, { viewport: { width: 1200, height: 900 }, ...options });
  await tab.page.goto(library.base + query);
  await tab.page.waitForSelector('.library .library__status');
  await appReady(tab.page);
  return tab;
}

const cards = (page) => page.$$eval('.library__list .card h2 a', (as) => as.map((a) => a.getAttribute('href')));
const statusIs = (page, re) => page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.library__status').textContent), re.source);

// A person the generator names only in one article's body (never in a
// headline or summary): "<First> <Last> of <Place> said …".
function localIn(entry) {
  const text = read(`${entry.slug}.json`).sections.flatMap((s) => s.blocks).filter((b) => b.type === 'paragraph').map((b) => b.runs.map((r) => r.text).join('')).join(' ');
  const [, first, last, place] = text.match(/(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+) of (\p{Lu}\p{Ll}+) said/u);
  return { first, last, place };
}

test('full-text search finds a person named only in an article\'s body, and marks the name in a snippet', async () => {
  const all = manifest();
  // An article on the third page of the list, in its third part.
  const target = all[75];
  const { last } = localIn(target);
  const expected = having(last);
  assert.ok(expected.some((e) => e.slug === target.slug));
  assert.ok(all.every((e) => !`${e.headline} ${e.summary}`.includes(last)), 'the name is in no headline or summary');
  const { page, errors, close } = await home();
  await page.fill('#library_search', last);
  await statusIs(page, new RegExp(`^${matchStatus(expected.length)}$`));
  assert.deepEqual(await cards(page), expected.slice(0, 20).map((e) => `a/${e.slug}/`));
  const card = page.locator('.card', { has: page.locator(`a[href="a/${target.slug}/"]`) });
  await card.locator('.card__snippet mark').first().waitFor();
  assert.deepEqual(await card.locator('.card__snippet mark').allTextContents(), [last]);
  assert.match(await card.locator('.card__snippet').textContent(), new RegExp(`${last} of \\p{Lu}\\p{Ll}+ said`, 'u'));
  // The address carries the search; opened fresh it gives the same list.
  assert.equal(await page.evaluate(() => location.search), `?q=${last}`);
  const again = await home(`?q=${last}`);
  await statusIs(again.page, new RegExp(`^${matchStatus(expected.length)}$`));
  assert.deepEqual(await cards(again.page), await cards(page));
  await again.close();
  assert.deepEqual(errors, []);
  await close();
});

test('a phrase from a body paragraph finds its article, marks every word and fetches only what it needs', async () => {
  const all = manifest();
  const target = all[101];
  const { first, last, place } = localIn(target);
  const phrase = `${first} ${last} of ${place}`;
  const expected = having(phrase);
  assert.ok(expected.some((e) => e.slug === target.slug));
  const { page, close } = await home();
  const before = library.requests.length;
  // Typed as a reader types: the last word is matched as it grows.
  await page.locator('#library_search').pressSequentially(phrase.slice(0, -2), { delay: 10 });
  await page.waitForFunction((href) => !!document.querySelector(`.library__list a[href="${href}"]`), `a/${target.slug}/`);
  await page.locator('#library_search').pressSequentially(phrase.slice(-2));
  await statusIs(page, new RegExp(`^${matchStatus(expected.length)}$`));
  assert.deepEqual(await cards(page), expected.slice(0, 20).map((e) => `a/${e.slug}/`));
  const card = page.locator('.card', { has: page.locator(`a[href="a/${target.slug}/"]`) });
  await card.locator('.card__snippet mark').first().waitFor();
  const marked = (await card.locator('.card__snippet mark').allTextContents()).map((m) => m.toLowerCase());
  for (const word of [first, last, 'of', place]) assert.ok(marked.includes(word.toLowerCase()), `${word} marked in ${marked}`);
  // The index's start, chunks and texts are fetched once a visit each,
  // and no article is fetched to search it.
  const fetched = library.requests.slice(before);
  const once = (prefix) => {
    const files = fetched.filter((r) => r.startsWith(prefix));
    assert.ok(files.length > 0, `${prefix} fetched`);
    assert.equal(files.length, new Set(files).size, `${prefix}: each file once`);
    return files;
  };
  once('/articles/search/index.json');
  once('/articles/search/terms/');
  const texts = once('/articles/search/text/');
  assert.ok(texts.includes(`/articles/search/text/${target.slug}.json`));
  assert.equal(fetched.filter((r) => /^\/articles\/gen-\d+\.json$/.test(r)).length, 0, 'no article was fetched');
  await close();
});

test('search, section and topic together: the full text within a section', async () => {
  const all = manifest();
  const { last } = localIn(all[30]);
  const section = all[30].section;
  const expected = having(last).filter((e) => e.section === section);
  const { page, close } = await home(`?q=${last}&section=${encodeURIComponent(section)}`);
  await statusIs(page, new RegExp(`^${matchStatus(expected.length)}$`));
  assert.deepEqual(await cards(page), expected.slice(0, 20).map((e) => `a/${e.slug}/`));
  assert.equal(await page.inputValue('#library_section'), section);
  await close();
});

test('an index built for another list is not used: the page says it searched headlines and summaries only', async () => {
  const { page, close } = await home();
  await page.route('**/articles/search/index.json', async (route) => {
    const meta = JSON.parse(fs.readFileSync(path.join(GENERATED, 'articles/search/index.json'), 'utf8'));
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...meta, key: '0000000000000000' }) });
  });
  const { last } = localIn(manifest()[10]);
  await page.fill('#library_search', last);
  await statusIs(page, /Only headlines and summaries were searched: the full-text index could not be used \(the index was built for another list of articles\)/);
  assert.deepEqual(await cards(page), []);
  await close();
});

test('a library without a full-text index searches headlines and summaries, and asks for the index once a visit', async () => {
  const { page, close } = await home();
  let asked = 0;
  await page.route('**/articles/search/index.json', (route) => {
    asked += 1;
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const { last } = localIn(manifest()[10]);
  const typed = [last.slice(0, 3), last.slice(0, 4), last];
  for (const [i, text] of typed.entries()) {
    await page.fill('#library_search', text);
    // Each query answered (the page marks every answer) before the next.
    await page.waitForFunction((n) => performance.getEntriesByName('search-answered').length >= n, i + 1);
  }
  await statusIs(page, /Only headlines and summaries were searched/);
  assert.equal(asked, 1, 'one request for the missing index, not one per keystroke');
  await close();
});

test('a page past the end says so and offers the last page; paging puts focus on the first new result', async () => {
  const all = manifest();
  const pages = Math.ceil(all.length / 20);
  const { page, errors, close } = await home('?page=999');
  const alert = page.locator('.library__beyond');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), new RegExp(`There is no page 999 of these results: they end at page ${pages}\\.`));
  assert.deepEqual(await cards(page), [], 'no stale page under the message');
  await page.getByRole('link', { name: `Go to page ${pages}` }).click();
  await page.waitForFunction((p) => location.search === `?page=${p}`, pages);
  assert.deepEqual(await cards(page), all.slice((pages - 1) * 20).map((e) => `a/${e.slug}/`));
  await page.waitForFunction(() => document.activeElement?.id === 'library_first');
  // "Newer" from the last page: focus on the first result of that page.
  await page.locator('.pager a[rel="prev"]').click();
  await page.waitForFunction((p) => location.search === `?page=${p}`, pages - 1);
  await page.waitForFunction(
    (href) => document.activeElement?.getAttribute('href') === href,
    `a/${all[(pages - 2) * 20].slug}/`,
  );
  await inViewport(page, '#library_first');
  assert.deepEqual(errors, []);
  await close();
});

test('Back from an article to a long list restores the scroll position and focus on the link followed', async () => {
  const all = manifest();
  const { page, close } = await home('', { viewport: { width: 1200, height: 600 } });
  await page.waitForFunction(() => document.querySelectorAll('.library__list .card').length === 20);
  const link = page.locator('.library__list .card h2 a').nth(15);
  await link.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 120);
  await page.waitForTimeout(100);
  const scroll = await page.evaluate(() => scrollY);
  assert.ok(scroll > 600, `scrolled to ${scroll}`);
  await link.click();
  await page.waitForSelector('#story_headline');
  await page.goBack();
  await page.waitForSelector('.library .card');
  await page.waitForFunction((s) => Math.abs(scrollY - s) < 30, scroll, { timeout: 5_000 });
  await page.waitForFunction((href) => document.activeElement?.getAttribute('href') === href, `a/${all[15].slug}/`);
  await close();
});
