// What a reader sees of an article, in headless Chromium, against the
// release dist/ on a plain static server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NESTED_PREFIX } from './server.mjs';
import { viewerHarness, SEED_PAGE, quoteShare } from './harness.mjs';
import { openPage } from './browser.mjs';
import { seedSentences, checkSentences, storyText } from './seed-text.mjs';

const viewer = viewerHarness();
const open = (...args) => viewer.open(...args);

const SEED_HEADLINE = "John Kerry: US and Russia must talk despite 'collisions'";

test('the seed article opens from its address with its header', async () => {
  const { page, errors, close } = await open(SEED_PAGE);
  assert.equal(await page.textContent('#story_headline'), SEED_HEADLINE);
  assert.equal(await page.textContent('.story-header .section-label'), 'US & Canada');
  const time = page.locator('.story-header time');
  assert.equal(await time.getAttribute('datetime'), '2013-08-09');
  assert.equal(await time.textContent(), '9 August 2013');
  assert.match(await page.textContent('.story-header .source'), /BBC News/);
  assert.match(await page.title(), /^John Kerry: US and Russia must talk/);
  assert.equal(await page.locator('#page_boot').count(), 0, 'the boot placeholder is gone');
  assert.deepEqual(errors, []);
  await close();
});

test('captions are figures with screen-reader prefixes', async () => {
  const { page, errors, close } = await open(SEED_PAGE);
  const media = page.locator('article figure.media');
  const caption = media.locator('figcaption');
  assert.equal(await caption.locator('.visually-hidden').textContent(), 'Media caption, ');
  assert.match(
    (await caption.innerText()).replace(/\s+/g, ' '),
    /^Media caption, Video US Secretary of State John Kerry said the relationship between the US and Russia had experienced some\s+challenging\s+moments$/i,
  );
  // The label screen readers hear in the prefix is not read twice.
  assert.equal(await caption.locator('.caption__kind').getAttribute('aria-hidden'), 'true');
  // The prefix is in the accessibility tree but takes no space on screen.
  const box = await caption.locator('.visually-hidden').boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, `prefix is visible: ${JSON.stringify(box)}`);

  const image = page.locator('article figure.image');
  const imageCaption = image.locator('figcaption');
  assert.equal(await imageCaption.locator('.visually-hidden').textContent(), 'Image caption, ');
  assert.match(await imageCaption.innerText(), /The divisions are most clearly shown over Syria/);
  // The image caption stands in its place: inside 'Future work', after the
  // first paragraph (in its wrapper where it has a control beside it).
  assert.equal(await image.evaluate((el) => { const n = el.previousElementSibling; return (n.matches('.para') ? n.querySelector('p') : n).id; }), 'p-at-odds');
  assert.equal(await image.evaluate((el) => el.closest('section').id), 'future-work');
  assert.deepEqual(errors, []);
  await close();
});

test('subheaded sections have linkable ids and a table of contents', async () => {
  const { page, errors, close } = await open(SEED_PAGE);
  const sections = await page.$$eval('article section.story-section:has(> h2)', (els) =>
    els.map((s) => [s.id, s.querySelector('h2').textContent]),
  );
  assert.deepEqual(sections, [
    ['challenging-moments', 'Challenging moments'],
    ['future-work', 'Future work'],
    ['mutual-interests', 'Mutual interests'],
  ]);
  const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(toc, [
    ['#challenging-moments', 'Challenging moments'],
    ['#future-work', 'Future work'],
    ['#mutual-interests', 'Mutual interests'],
  ]);
  await page.click('nav.toc a[href="#mutual-interests"]');
  await page.waitForFunction(() => location.hash === '#mutual-interests');
  await page.waitForFunction(() => {
    const r = document.getElementById('mutual-interests').getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight / 2;
  });
  assert.deepEqual(errors, []);
  await close();
});

test('a section link opened cold lands on the section', async () => {
  const { page, errors, close } = await open('?article=us-russia-talks-despite-collisions#future-work', {
    viewport: { width: 800, height: 600 },
  });
  await page.waitForFunction(() => {
    const r = document.getElementById('future-work').getBoundingClientRect();
    return r.top >= -1 && r.top < 100;
  });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'future-work');
  assert.deepEqual(errors, []);
  await close();
});

test('every direct quote is a q attributed to a person in the people list', async () => {
  const { page, errors, close } = await open(SEED_PAGE);
  const quotes = await page.$$eval('article q', (qs) =>
    qs.map((q) => ({
      id: q.id,
      speaker: q.dataset.speaker,
      cite: q.getAttribute('cite'),
      title: q.title,
      text: q.textContent,
      person: document.querySelector(q.getAttribute('cite'))?.querySelector('.person__name')?.textContent,
    })),
  );
  assert.equal(quotes.length, 12);
  for (const q of quotes) {
    assert.ok(q.id, 'quote has an id');
    assert.equal(q.cite, `#person_${q.speaker}`);
    assert.ok(q.person, `cite of ${q.id} points at a person`);
    assert.ok(q.title.startsWith(q.person + ', '), `title names ${q.person}`);
  }
  const bySpeaker = (s) => quotes.filter((q) => q.speaker === s).map((q) => q.id);
  assert.deepEqual(bySpeaker('kerry'), [
    'kerry-challenging-caption',
    'kerry-collisions',
    'kerry-no-secret',
    'kerry-differences',
    'kerry-ways-forward',
  ]);
  assert.equal(bySpeaker('lavrov').length, 5);
  assert.deepEqual(bySpeaker('hagel'), ['hagel-mutual-interests', 'hagel-common-denominators']);
  const collisions = quotes.find((q) => q.id === 'kerry-collisions');
  assert.equal(collisions.text, 'collisions and moments of disagreement');
  assert.equal(collisions.title, 'John Kerry, US Secretary of State');
  // The browser supplies the quotation marks.
  const marks = await page.$eval('#kerry-collisions', (q) => [
    getComputedStyle(q, '::before').content,
    getComputedStyle(q).quotes,
  ]);
  assert.equal(marks[0], 'open-quote');
  assert.match(marks[1], /“/);

  const people = await page.$$eval('.people .person', (ps) =>
    ps.map((p) => [p.querySelector('.person__name').textContent, p.querySelector('.person__role').textContent, p.querySelector('.person__party')?.textContent ?? null]),
  );
  for (const expected of [
    ['John Kerry', 'US Secretary of State', 'United States'],
    ['Sergei Lavrov', 'Russian Foreign Minister', 'Russia'],
    ['Chuck Hagel', 'US Secretary of Defence', 'United States'],
    ['Sergei Shoigu', 'Russian Defence Minister', 'Russia'],
  ]) {
    assert.ok(people.some((p) => JSON.stringify(p) === JSON.stringify(expected)), `people list has ${expected}`);
  }
  assert.deepEqual(errors, []);
  await close();
});

test('an empty "More on this story" is left out; one with links closes the article', async () => {
  let tab = await open(SEED_PAGE);
  // The seed's copy lost its related links: no empty box.
  assert.equal(await tab.page.locator('.related').count(), 0);
  assert.equal(await tab.page.getByText('More on this story').count(), 0);
  await tab.close();
  tab = await open('?article=fixture-harbour-strike');
  const last = tab.page.locator('article.story .story__body > :last-child');
  assert.equal(await last.getAttribute('class'), 'related');
  assert.ok((await last.locator('a').count()) > 0);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('every sentence of the seed appears exactly once, in order', async () => {
  const { page, errors, close } = await open(SEED_PAGE);
  const sentences = seedSentences();
  assert.ok(sentences.length >= 30, `read ${sentences.length} sentences from the seed`);
  const text = await storyText(page);
  assert.deepEqual(checkSentences(sentences, text), []);
  // The check itself can fail: a dropped paragraph is caught.
  const dropped = await page.evaluate(() => {
    const p = document.getElementById('p-geneva');
    const clone = document.querySelector('.story__body').cloneNode(true);
    clone.querySelector('#p-geneva').remove();
    return [p.innerText, `${document.querySelector('.story-header').innerText}\n${clone.innerText}`];
  });
  assert.deepEqual(checkSentences(sentences, dropped[1]), [`missing: ${dropped[0]}`]);
  assert.deepEqual(errors, []);
  await close();
});

test('a different article renders through the same components', async () => {
  const { page, errors, close } = await open('?article=fixture-harbour-strike');
  assert.equal(await page.textContent('#story_headline'), 'Harbour workers walk out over new shift rota');
  assert.equal(await page.textContent('.section-label'), 'Business');
  assert.equal(await page.textContent('.story-header time'), '4 March 2021');
  assert.match(await page.textContent('.standfirst'), /invented story/);
  assert.equal(await page.getAttribute('.story-header .source a', 'href'), 'https://example.org/gazette');
  assert.equal(await page.getAttribute('#ruiz-enough', 'data-speaker'), 'ana-ruiz');
  assert.equal(await page.getAttribute('#berg-rested', 'cite'), '#person_tom-berg');
  // A quote whose speaker is not known says so, and points at no one.
  assert.equal(await page.getAttribute('#crowd-shout', 'cite'), null);
  assert.equal(await page.getAttribute('#crowd-shout', 'title'), 'Speaker not identified');
  const { button } = await quoteShare(page, 'crowd-shout');
  assert.match(await button.textContent(), /^Share quote \(speaker not identified\): “.+”$/);
  assert.deepEqual(
    await page.$$eval('.quotes-panel__speaker h3', (hs) => hs.map((h) => h.textContent)),
    ['Ana Ruiz', 'Tom Berg', 'Speaker not identified'],
  );
  // The unknown block shows as a note in its place; the blocks around it render.
  const note = page.locator('#opening .unsupported');
  assert.match(await note.textContent(), /Unsupported content.*liveblog/);
  assert.equal(await note.evaluate((el) => { const n = el.previousElementSibling; return (n.matches('.para') ? n.querySelector('p') : n).id; }), 'h-walkout');
  assert.equal(await note.evaluate((el) => { const n = el.nextElementSibling; return (n.matches('.para') ? n.querySelector('p') : n).id; }), 'cranes');
  assert.match(await page.textContent('.notice'), /sections\[0\]\.blocks\[1\]/);
  // Only http(s) links become links.
  const links = await page.$$eval('.related a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['https://example.org/port']);
  assert.match(await page.textContent('.related'), /Suspicious link \(link removed: not a web address\)/);
  assert.equal(await page.locator('[href^="javascript:"]').count(), 0);
  assert.equal(await page.locator('nav.toc a').count(), 1);
  assert.deepEqual(errors, []);
  await close();
});

test('malformed JSON shows an error panel with file and position', async () => {
  const { page, close } = await open('?article=fixture-malformed');
  const panel = page.locator('.error-panel[role="alert"]');
  assert.match(await panel.textContent(), /articles\/fixture-malformed\.json/);
  assert.match(await panel.textContent(), /headline: .*line \d+, column \d+/);
  // The rest of the page still works.
  assert.equal(await page.textContent('.masthead .brand'), 'Newsview');
  await close();
});

test('a broken cross reference names the field path', async () => {
  const { page, close } = await open('?article=fixture-unknown-speaker');
  assert.match(
    await page.textContent('.error-panel'),
    /sections\[2\]\.blocks\[5\]\.runs\[1\]\.speaker: no person "kerri"/,
  );
  await close();
});

test('a missing article and a bad id say what is wrong', async () => {
  let tab = await open('?article=no-such-article');
  assert.equal(await tab.page.textContent('.not-found h1'), 'No such article');
  assert.match(await tab.page.textContent('.not-found'), /“no-such-article”.*articles\/no-such-article\.json: not found, HTTP 404/s);
  await tab.page.click('.not-found a');
  await tab.page.waitForSelector('.library .card');
  assert.equal(await tab.page.evaluate(() => location.search), '');
  await tab.close();
  tab = await open('?article=' + encodeURIComponent('../../etc/passwd<script>'));
  const text = await tab.page.textContent('.error-panel');
  assert.match(text, /"\.\.\/\.\.\/etc\/passwd<script>" is not an article id/);
  assert.equal(await tab.page.locator('.error-panel script').count(), 0);
  assert.ok(!viewer.server.requests.some((r) => r.includes('passwd')), 'no request built from the bad id');
  await tab.close();
});

test('a server error can be retried', async () => {
  viewer.server.fail('/articles/fixture-harbour-strike.json', 500);
  const { page, close } = await open('?article=fixture-harbour-strike');
  assert.match(await page.textContent('.error-panel'), /HTTP 500/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('#story_headline');
  assert.equal(await page.textContent('#story_headline'), 'Harbour workers walk out over new shift rota');
  await close();
});

test('dist works from a nested folder of a static host', async () => {
  const { page, errors, close } = await open(NESTED_PREFIX.slice(1) + SEED_PAGE);
  assert.equal(await page.textContent('#story_headline'), SEED_HEADLINE);
  assert.ok(viewer.server.requests.some((r) => r.startsWith(NESTED_PREFIX) && r.endsWith('.wasm')));
  assert.deepEqual(errors, []);
  await close();
});

test('a loading state shows while the article is on its way', async () => {
  viewer.server.delay('/articles/fixture-harbour-strike.json', 1500);
  const { page, close } = await openPage(viewer.browser);
  await page.goto(viewer.server.base + '?article=fixture-harbour-strike');
  await page.waitForSelector('main .loading[role="status"]');
  assert.match(await page.textContent('main'), /Loading article/);
  await page.waitForSelector('#story_headline');
  assert.equal(await page.locator('main .loading').count(), 0);
  await close();
});

test('keyboard: the skip link is first and moves focus to the content', async () => {
  const { page, close } = await open(SEED_PAGE);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'main_content');
  await close();
});
