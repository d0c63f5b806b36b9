// What a reader does: filter by topic, share a quote, open a shared link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewerHarness, SEED_PAGE, SEED, inViewport, focused, quoteShare } from './harness.mjs';

const viewer = viewerHarness();
const open = (...args) => viewer.open(...args);
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** Ids of the paragraphs a reader can see (not hidden, nor in a hidden section). */
const visibleParagraphs = (page) =>
  page.$$eval('article .story-paragraph', (ps) => ps.filter((p) => p.checkVisibility()).map((p) => p.id));

const visibleSections = (page) =>
  page.$$eval('article section.story-section', (ss) => ss.filter((s) => !s.hidden).map((s) => s.id));

const pressed = (page) => page.$$eval('.topic-toggle[aria-pressed="true"]', (bs) => bs.map((b) => b.dataset.topic));

const summary = (page) => page.textContent('.topic-filter__summary');

const query = (page) => page.evaluate(() => location.search);


test('topic buttons show counts and filter paragraphs and sections', async () => {
  const { page, errors, close } = await open(SEED_PAGE);
  const buttons = await page.$$eval('.topic-toggle', (bs) =>
    bs.map((b) => [b.dataset.topic, b.getAttribute('aria-pressed'), b.textContent.replace(/\s+/g, ' ')]),
  );
  assert.deepEqual(buttons.slice(0, 3), [
    ['syria', 'false', 'Syria 7 paragraphs'],
    ['snowden', 'false', 'Snowden 3 paragraphs'],
    ['missile-defence', 'false', 'Missile defence 1 paragraph'],
  ]);
  assert.equal(buttons.length, 8);
  assert.equal(await summary(page), 'All 20 paragraphs');
  const historyBefore = await page.evaluate(() => history.length);
  const geneva = await page.evaluateHandle(() => document.getElementById('p-geneva'));

  await page.click('.topic-toggle[data-topic="syria"]');
  assert.deepEqual(await pressed(page), ['syria']);
  const syria = await visibleParagraphs(page);
  assert.equal(syria.length, 7);
  for (const id of syria) {
    assert.match(await page.getAttribute(`#${id}`, 'data-topics'), /\bsyria\b/);
  }
  assert.deepEqual(await visibleSections(page), ['challenging-moments', 'future-work', 'mutual-interests']);
  assert.equal(await summary(page), '7 of 20 paragraphs, about Syria');
  // Captions stay with their section: the Syria image is in 'Future work'.
  assert.ok(await page.locator('#syria-divisions').isVisible());
  assert.ok(!(await page.locator('#lead-video').isVisible()), 'the opening section is hidden');
  // The contents list drops hidden sections too (none here) and keeps the rest.
  assert.equal(await page.locator('nav.toc li:visible').count(), 3);

  await page.click('.topic-toggle[data-topic="snowden"]');
  assert.deepEqual(await pressed(page), ['syria', 'snowden']);
  assert.equal((await visibleParagraphs(page)).length, 10);
  assert.equal(await summary(page), '10 of 20 paragraphs, about Syria or Snowden');
  assert.equal(await query(page), `?article=${SEED}&topics=syria,snowden`);
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entry per click');
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not scroll');
  // The article was not rebuilt: the same paragraph node is still in place.
  assert.ok(await page.evaluate((p) => p.isConnected, geneva));

  await page.click('.topic-toggle[data-topic="syria"]');
  assert.deepEqual(await visibleSections(page), ['top', 'challenging-moments']);
  assert.deepEqual(await page.$$eval('nav.toc li', (ls) => ls.map((l) => l.hidden)), [false, true, true]);

  await page.getByRole('button', { name: 'Show the whole article' }).click();
  assert.equal((await visibleParagraphs(page)).length, 20);
  assert.equal(await summary(page), 'All 20 paragraphs');
  assert.equal(await query(page), `?article=${SEED}`);
  assert.ok(!(await page.getByRole('button', { name: 'Show the whole article' }).isVisible()));
  assert.deepEqual(errors, []);
  await close();
});

test('the filter is operable from the keyboard', async () => {
  const { page, close } = await open(SEED_PAGE);
  await page.focus('.topic-toggle[data-topic="iran"]');
  await page.keyboard.press('Enter');
  assert.deepEqual(await pressed(page), ['iran']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  assert.deepEqual(await pressed(page), ['afghanistan', 'iran']);
  assert.equal(await summary(page), '1 of 20 paragraphs, about Afghanistan or Iran');
  assert.equal(await page.getAttribute('.topic-filter__summary', 'aria-live'), 'polite');
  await close();
});

test('reload, back and forward keep the filter', async () => {
  const { page, close } = await open(SEED_PAGE);
  await page.click('.topic-toggle[data-topic="summit"]');
  const shown = await visibleParagraphs(page);
  assert.equal(shown.length, 4);
  await page.reload();
  await page.waitForSelector('#story_headline');
  assert.deepEqual(await pressed(page), ['summit']);
  assert.deepEqual(await visibleParagraphs(page), shown);

  await page.goto(viewer.server.base + '?article=fixture-harbour-strike');
  await page.waitForSelector('#story_headline');
  await page.goBack();
  await page.waitForSelector('.topic-toggle[aria-pressed="true"]');
  assert.deepEqual(await pressed(page), ['summit']);
  assert.deepEqual(await visibleParagraphs(page), shown);
  await page.goForward();
  await page.waitForFunction(() => document.title.startsWith('Harbour workers'));
  await close();
});

test('a filter URL opened in a fresh page gives the same view', async () => {
  const { page, errors, close } = await open(`?article=${SEED}&topics=snowden,syria`);
  assert.deepEqual(await pressed(page), ['syria', 'snowden']);
  assert.equal((await visibleParagraphs(page)).length, 10);
  assert.equal(await summary(page), '10 of 20 paragraphs, about Syria or Snowden');
  assert.deepEqual(errors, []);
  await close();
});

test('unknown topics in the URL are ignored with a notice', async () => {
  const { page, close } = await open(`${SEED_PAGE}&topics=weather,syria,%3Cb%3Ebold%3C%2Fb%3E`);
  assert.deepEqual(await pressed(page), ['syria']);
  assert.equal((await visibleParagraphs(page)).length, 7);
  const notice = await page.textContent('.page-notices');
  assert.match(notice, /does not have, so they were ignored: weather, <b>bold<\/b>\./);
  assert.equal(await page.locator('.page-notices b').count(), 0, 'URL text is shown as text');
  await close();
});

test('an empty result says so', async () => {
  const { page, close } = await open('?article=fixture-harbour-strike&topics=weather');
  assert.equal(await summary(page), '0 of 3 paragraphs, about Weather. Nothing in this article matches.');
  assert.deepEqual(await visibleSections(page), []);
  await page.getByRole('button', { name: 'Show the whole article' }).click();
  assert.deepEqual(await visibleSections(page), ['opening', 'port-responds']);
  await close();
});

test('sharing a quote copies its link and says so', async () => {
  const { page, errors, close } = await open(SEED_PAGE, CLIPBOARD);
  const { button, share } = await quoteShare(page, 'kerry-collisions');
  // Its name is its words, which tell it from the speaker's other quotes.
  assert.equal(await button.getAttribute('aria-label'), null);
  assert.match(await button.textContent(), /^Share quote by John Kerry: “.+”$/);
  const names = await page.getByRole('button', { name: /^Share quote by Chuck Hagel/ }).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? b.textContent));
  assert.equal(names.length, 2, 'in the panel (the paragraphs\' menus are closed)');
  assert.equal(new Set(names).size, 2, `each quote's control has its own name: ${names}`);
  await button.click();
  await share.locator('.share__done').waitFor();
  assert.equal(await share.locator('.share__done').textContent(), 'Link copied');
  await page.waitForFunction(() => document.getElementById('page_announcer').textContent === 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${viewer.server.base}?article=${SEED}&quote=kerry-collisions`);
  assert.deepEqual(errors, []);
  await close();
});

test('"Link copied" stays four seconds after the latest click, not the first', async () => {
  const { page, errors, close } = await open(SEED_PAGE, CLIPBOARD);
  const { button, share } = await quoteShare(page, 'kerry-collisions');
  const done = share.locator('.share__done');
  await button.click();
  await done.waitFor();
  await page.waitForTimeout(2500);
  await button.click();
  // Past the first click's four seconds: still there.
  await page.waitForTimeout(2000);
  assert.equal(await done.count(), 1);
  await done.waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual(errors, []);
  await close();
});

test('a #fragment the filter hides is shown with a notice, and the filter still applies elsewhere', async () => {
  const filtered = `${SEED_PAGE}&topics=missile-defence`;
  let tab = await open(filtered);
  assert.equal(await tab.page.locator('#mutual-interests').isHidden(), true, 'the filter hides the section');
  await tab.close();
  tab = await open(`${filtered}#mutual-interests`, { viewport: { width: 1000, height: 700 } });
  const { page } = tab;
  await page.waitForSelector('#mutual-interests:not([hidden])');
  await inViewport(page, '#mutual-interests');
  assert.equal(
    await page.textContent('.page-notices'),
    'The linked part of the article is shown even though it is not about the selected topics.',
  );
  assert.equal(await page.locator('#future-work').isHidden(), true, 'other sections stay filtered');
  // Changing the filter leaves the fragment behind.
  await page.getByRole('button', { name: 'Show the whole article' }).click();
  await page.waitForFunction(() => document.querySelector('.page-notices').textContent === '');
  await tab.close();
});

test('many unknown topics in a link are named a few at a time', async () => {
  const topics = Array.from({ length: 12 }, (_, i) => `nope-${i}`).join(',');
  const { page, close } = await open(`${SEED_PAGE}&topics=${topics}`);
  await page.waitForSelector('.page-notices .notice');
  assert.equal(
    await page.textContent('.page-notices .notice'),
    'The link names topics this article does not have, so they were ignored: nope-0, nope-1, nope-2, nope-3, nope-4, and 7 more.',
  );
  await close();
});

test('a shared quote link opened cold lands on the quote', async () => {
  const link = `?article=${SEED}&quote=hagel-common-denominators`;
  const { page, errors, close } = await open(link, { viewport: { width: 1000, height: 700 } });
  await inViewport(page, '#hagel-common-denominators');
  await page.waitForFunction(() => document.activeElement?.id === 'hagel-common-denominators');
  const style = await page.$eval('#hagel-common-denominators', (q) => {
    const s = getComputedStyle(q);
    return { cls: q.className, outline: s.outlineStyle, underline: s.textDecorationLine };
  });
  assert.match(style.cls, /quote--target/);
  // Not colour alone: an outline and an underline mark it as well.
  assert.equal(style.outline, 'solid');
  assert.equal(style.underline, 'underline');
  assert.equal(await page.locator('.quote--target').count(), 1);
  assert.equal(await page.textContent('.page-notices'), '');
  assert.deepEqual(errors, []);
  await close();
});

test('a quote link wins over a filter that would hide it, and says why', async () => {
  const { page, close } = await open(`?article=${SEED}&topics=snowden&quote=hagel-mutual-interests`, {
    viewport: { width: 1000, height: 700 },
  });
  await inViewport(page, '#hagel-mutual-interests');
  assert.deepEqual(await pressed(page), ['snowden']);
  const shown = await visibleParagraphs(page);
  assert.ok(shown.includes('p-mutual'));
  assert.ok(!shown.includes('p-common-denominators'), 'the rest of the filter still applies');
  assert.match(await page.textContent('.page-notices'), /shown even though it is not about the selected topics/);
  // Changing the filter moves on from the quote.
  await page.click('.topic-toggle[data-topic="syria"]');
  assert.ok(!(await visibleParagraphs(page)).includes('p-mutual'));
  assert.equal(await page.locator('.quote--target').count(), 0);
  assert.equal(await page.textContent('.page-notices'), '');
  assert.equal(await query(page), `?article=${SEED}&topics=syria,snowden`);
  await close();
});

test('an unknown quote id shows a notice and the article as usual', async () => {
  const { page, close } = await open(`?article=${SEED}&quote=kerry-never-said`);
  assert.match(await page.textContent('.page-notices'), /This quote is not in the article \(the link asked for "kerry-never-said"\)/);
  assert.equal((await visibleParagraphs(page)).length, 20);
  assert.equal(await page.textContent('#story_headline'), "John Kerry: US and Russia must talk despite 'collisions'");
  await close();
});

test('if the clipboard is refused the link is shown selected', async () => {
  const { page, close } = await open(SEED_PAGE);
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const { button, share } = await quoteShare(page, 'lavrov-proposals');
  await button.click();
  const field = share.locator('input');
  await field.waitFor();
  const expected = `${viewer.server.base}?article=${SEED}&quote=lavrov-proposals`;
  assert.equal(await field.inputValue(), expected);
  await page.waitForFunction(() => {
    const el = document.activeElement;
    return el.tagName === 'INPUT' && el.selectionStart === 0 && el.selectionEnd === el.value.length;
  });
  await page.waitForFunction(() => /Could not copy the link/.test(document.getElementById('page_announcer').textContent));
  await close();
});

test('where the browser can share, the share sheet gets the link', async () => {
  const { page, close } = await open(SEED_PAGE);
  await page.evaluate(() => {
    navigator.share = async (data) => {
      window.sharedData = data;
    };
  });
  const { button, share } = await quoteShare(page, 'lavrov-top-priority');
  await button.click();
  await page.waitForFunction(() => window.sharedData);
  const data = await page.evaluate(() => window.sharedData);
  assert.equal(data.url, `${viewer.server.base}?article=${SEED}&quote=lavrov-top-priority`);
  assert.match(data.title, /^Quote by Sergei Lavrov: /);
  assert.equal(await share.locator('.share__done').textContent(), 'Link shared');
  await close();
});

test('the quotes panel lists quotes by speaker and goes to them', async () => {
  const { page, errors, close } = await open(`?article=${SEED}&topics=snowden`, { viewport: { width: 1280, height: 800 } });
  const groups = await page.$$eval('.quotes-panel__speaker', (gs) =>
    gs.map((g) => [g.querySelector('h3').textContent, g.querySelectorAll('li').length]),
  );
  assert.deepEqual(groups, [['John Kerry', 5], ['Sergei Lavrov', 5], ['Chuck Hagel', 2]]);
  const link = page.locator('.quotes-panel a.quote-link', { hasText: 'to address these clearly' });
  assert.equal(await link.evaluate((a) => a.href), `${viewer.server.base}?article=${SEED}&quote=hagel-common-denominators`);
  await link.click();
  await inViewport(page, '#hagel-common-denominators');
  await page.waitForFunction(() => document.activeElement?.id === 'hagel-common-denominators');
  assert.match(await page.getAttribute('#hagel-common-denominators', 'class'), /quote--target/);
  assert.match(await page.textContent('.page-notices'), /shown even though/);
  assert.equal(await query(page), `?article=${SEED}&topics=snowden&quote=hagel-common-denominators`);
  assert.deepEqual(errors, []);
  await close();
});
