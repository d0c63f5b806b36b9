// The home page: a library of articles to search, filter, page through and
// open, without reloading the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { SEED, appReady } from './harness.mjs';
import { GENERATED, manifest, having, matchStatus } from './generated-library.mjs';

let library; // the generated library
let bundled; // dist/ as shipped, with the seed
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(GENERATED, 'articles/index-2.json')), 'run scripts/test.sh: it generates the library');
  library = await startServer({ roots: [GENERATED, path.join(repo, 'dist')] });
  bundled = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await library?.close();
  await bundled?.close();
});

async function home(server, query = '') {
  const tab = await openPage(browser, { viewport: { width: 1200, height: 900 } });
  await tab.page.goto(server.base + query);
  await tab.page.waitForSelector('.library .library__status');
  await appReady(tab.page);
  return tab;
}

const status = (page) => page.textContent('.library__status');
const cards = (page) => page.$$eval('.library__list .card h2 a', (as) => as.map((a) => a.getAttribute('href')));
const allLoaded = (page) => page.waitForSelector('.library__list[aria-busy="false"]');

test('the bundled home page lists the seed and opens it', async () => {
  const { page, errors, close } = await home(bundled);
  assert.equal(await page.textContent('.library h1'), 'Latest articles');
  assert.deepEqual(await cards(page), [`a/${SEED}/`]);
  assert.match(await page.textContent('.card'), /US & Canada.*John Kerry: US and Russia must talk.*9 August 2013.*Syria/s);
  await page.click('.card h2 a');
  await page.waitForSelector('#story_headline');
  assert.equal(await page.evaluate(() => location.pathname), `/a/${SEED}/`);
  assert.deepEqual(errors, []);
  await close();
});

test('the first screen does not wait for the whole manifest', async () => {
  library.delay('/articles/index-2.json', 2000);
  const { page, close } = await home(library);
  // The first part is on screen while the second is still on its way.
  assert.equal((await cards(page)).length, 20);
  assert.equal(await page.getAttribute('.library__list', 'aria-busy'), 'true');
  // The first pages of the list are final: the count is what the site
  // holds (the manifest says), not how much has arrived.
  assert.equal(await status(page), 'Showing 1–20 of 120 articles, page 1 of 6');
  await allLoaded(page);
  assert.equal(await status(page), 'Showing 1–20 of 120 articles, page 1 of 6');
  await close();
});

test('the list is newest first and pages through every article', async () => {
  const all = manifest();
  const { page, errors, close } = await home(library);
  await allLoaded(page);
  assert.deepEqual(await cards(page), all.slice(0, 20).map((e) => `a/${e.slug}/`));
  const dates = await page.$$eval('.card time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual([...dates].sort().reverse(), dates);
  const before = await page.evaluate(() => history.length);
  await page.click('.pager a[rel="next"]');
  await page.waitForFunction(() => location.search === '?page=2');
  assert.deepEqual(await cards(page), all.slice(20, 40).map((e) => `a/${e.slug}/`));
  assert.equal(await page.evaluate(() => history.length), before + 1, 'a page of results is a place to go back to');
  await page.goBack();
  await page.waitForFunction(() => location.search === '');
  assert.deepEqual(await cards(page), all.slice(0, 20).map((e) => `a/${e.slug}/`));
  assert.deepEqual(errors, []);
  await close();
});

test('search answers while typing and lives in the URL', async () => {
  const all = manifest();
  // A word from one headline, and every entry whose text has it.
  const word = all[7].headline.split(' ').sort((a, b) => b.length - a.length)[0].toLowerCase();
  const expected = having(word).map((e) => `a/${e.slug}/`);
  assert.ok(expected.length > 0 && expected.length < all.length);
  const { page, close } = await home(library);
  await allLoaded(page);
  const before = await page.evaluate(() => history.length);
  await page.fill('#library_search', word);
  await page.waitForFunction((q) => location.search === `?q=${q}`, word);
  await page.waitForFunction((s) => document.querySelector('.library__status').textContent === s, matchStatus(expected.length));
  assert.equal(await page.textContent('.library h1'), `Results for “${word}”`);
  assert.deepEqual(await cards(page), expected.slice(0, 20));
  assert.equal(await page.evaluate(() => history.length), before, 'typing adds no history');
  // Reload: the same results.
  await page.reload();
  await page.waitForSelector('.library .card');
  await allLoaded(page);
  assert.equal(await page.inputValue('#library_search'), word);
  await page.waitForFunction((s) => document.querySelector('.library__status').textContent === s, matchStatus(expected.length));
  assert.deepEqual(await cards(page), expected.slice(0, 20));
  await page.fill('#library_search', 'zzzz-nothing');
  await page.waitForFunction(() => /No articles match/.test(document.querySelector('.library__status').textContent));
  assert.deepEqual(await cards(page), []);
  await close();
});

test('section and topic filters narrow the list', async () => {
  const all = manifest();
  const section = all[0].section;
  const topic = all[0].topics[0];
  const expected = all.filter((e) => e.section === section && e.topics.includes(topic));
  const { page, close } = await home(library);
  await allLoaded(page);
  await page.selectOption('#library_section', section);
  await page.selectOption('#library_topic', topic);
  const q = `?section=${encodeURIComponent(section)}&topic=${encodeURIComponent(topic)}`;
  await page.waitForFunction((q) => location.search === q, q);
  assert.deepEqual(await cards(page), expected.slice(0, 20).map((e) => `a/${e.slug}/`));
  const sections = await page.$$eval('.card__section', (ps) => ps.map((p) => p.textContent));
  assert.ok(sections.every((s) => s === section));
  // Opening the filtered URL fresh gives the same view.
  const fresh = await home(library, q);
  await allLoaded(fresh.page);
  assert.equal(await fresh.page.inputValue('#library_section'), section);
  assert.deepEqual(await cards(fresh.page), await cards(page));
  await fresh.close();
  await close();
});

test('opening an article and coming back does not reload or refetch', async () => {
  const start = library.requests.length;
  const { page, errors, close } = await home(library);
  await allLoaded(page);
  await page.evaluate(() => {
    window.sameApp = true;
  });
  const first = (await cards(page))[0];
  const slug = first.split('/')[1];
  const fetches = () => library.requests.filter((r) => r === `/articles/${slug}.json`).length;
  await page.click('.card h2 a');
  await page.waitForSelector('#story_headline');
  assert.equal(await page.evaluate(() => location.pathname), `/${first}`);
  await page.goBack();
  await page.waitForSelector('.library .card');
  assert.equal(await page.evaluate(() => location.pathname + location.search), '/');
  await page.goForward();
  await page.waitForSelector('#story_headline');
  assert.ok(await page.evaluate(() => window.sameApp), 'no page reload');
  assert.equal(fetches(), 1, 'the article was fetched once');
  // Back to the list once more: every part of the list was fetched once.
  await page.goBack();
  await page.waitForSelector('.library .card');
  await allLoaded(page);
  for (const part of ['index.json', 'index-2.json', 'index-3.json', 'index-4.json']) {
    assert.equal(library.requests.slice(start).filter((r) => r === `/articles/${part}`).length, 1, `${part} fetched once`);
  }
  await page.goForward();
  await page.waitForSelector('#story_headline');
  // The masthead link goes home without a reload too.
  await page.click('.masthead .brand');
  await page.waitForSelector('.library .card');
  assert.ok(await page.evaluate(() => window.sameApp));
  assert.deepEqual(errors, []);
  await close();
});

test('the newest story leads across the width, the rest fill columns, and on a phone the lead is on the first screen', async () => {
  const wide = await home(library);
  await allLoaded(wide.page);
  const layout = await wide.page.$$eval('.library__list > .card', (cards) => cards.map((c) => {
    const r = c.getBoundingClientRect();
    return { lead: c.classList.contains('card--lead'), left: Math.round(r.left), width: Math.round(r.width) };
  }));
  const list = await wide.page.$eval('.library__list', (l) => Math.round(l.getBoundingClientRect().width));
  assert.deepEqual(layout.map((c) => c.lead), [true, ...Array(19).fill(false)], 'only the first is the lead');
  assert.equal(layout[0].width, list, 'the lead spans the list');
  assert.equal(new Set(layout.slice(1).map((c) => c.left)).size, 3, 'three columns at 1200 px');
  assert.ok(list > 1000, `the list uses the width (${list} px)`);
  // A search has no lead: its results are answers, in order.
  await wide.page.fill('#library_search', manifest()[3].headline.split(' ')[1]);
  await wide.page.waitForFunction(() => /match/.test(document.querySelector('.library__status').textContent));
  assert.equal(await wide.page.locator('.card--lead').count(), 0);
  await wide.close();

  const phone = await openPage(browser, { viewport: { width: 375, height: 667 } });
  await phone.page.goto(library.base);
  await appReady(phone.page);
  const bottom = await phone.page.$eval('.card--lead .card__headline', (h) => h.getBoundingClientRect().bottom);
  assert.ok(bottom < 667, `the lead's headline ends at ${bottom} px, within the first screen`);
  await phone.close();
});

test('a card shows its article\'s picture when the site may load it, and no picture otherwise', async () => {
  const tab = await openPage(browser, { viewport: { width: 1200, height: 900 } });
  const entries = JSON.parse(fs.readFileSync(path.join(GENERATED, 'articles/index.json'), 'utf8'));
  // On the site itself; on a host the site does not load from; not an image address.
  const pictures = [
    { src: `a/${SEED}/card.png`, alt: 'A drawing of the story' },
    { src: 'https://elsewhere.example.com/photo.jpg', alt: 'Elsewhere' },
    { src: 'javascript:alert(1)', alt: 'Hostile' },
  ];
  entries.articles.slice(0, 3).forEach((e, i) => { e.picture = pictures[i]; });
  await tab.page.route('**/articles/index.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(entries) }));
  await tab.page.goto(library.base);
  await appReady(tab.page);
  await tab.page.waitForSelector('.card__picture');
  const shown = await tab.page.$$eval('.library__list > .card', (cards) => cards.slice(0, 3).map((c) => {
    const img = c.querySelector('img');
    return img && { alt: img.alt, loaded: img.complete && img.naturalWidth > 0, src: new URL(img.src).pathname };
  }));
  assert.deepEqual(shown, [{ alt: 'A drawing of the story', loaded: true, src: `/a/${SEED}/card.png` }, null, null]);
  await tab.close();
});

test('without JavaScript the home page shows its list with no hole where the search would be, and says what needs scripts', async () => {
  const { page, close } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 375, height: 667 } });
  await page.goto(bundled.base);
  const gap = await page.evaluate(() => document.querySelector('.library__list').getBoundingClientRect().top
    - document.querySelector('.library h1').getBoundingClientRect().bottom);
  assert.ok(gap < 80, `${gap} px between the heading and the list`);
  assert.equal(await page.locator('#library_search').isVisible(), false);
  assert.ok(await page.locator('.library__needs-scripts').isVisible());
  assert.equal(await page.textContent('.library__status'), '1 article');
  await close();
});
