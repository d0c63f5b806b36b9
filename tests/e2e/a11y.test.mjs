// Accessibility: axe-core (WCAG 2.2 A and AA rules) on every state a reader
// reaches, in light and dark themes; a keyboard-only journey; narrow screens
// and print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { SEED_PAGE, inViewport, quoteShare } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let browser;

before(async () => {
  const roots = [path.join(repo, 'dist'), path.join(repo, 'tests/fixtures')];
  server = await startServer({ roots });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** axe violations on the page as it is now: "rule: target" lines. */
async function violations(page) {
  // The page's CSP forbids injected scripts; the audit context bypasses it.
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}

/** A pre-rendered page once its islands have hydrated. */
const islandsReady = (page) => page.waitForSelector('html.app-ready', { state: 'attached' });

const STATES = [
  ['the article', SEED_PAGE, null],
  ['a filtered view', `${SEED_PAGE}&topics=syria,snowden`, null],
  ['a quote opened from a link', `${SEED_PAGE}&topics=snowden&quote=hagel-mutual-interests`, null],
  ['the timeline with an event active', `${SEED_PAGE}&event=event-geneva-talks`, null],
  ['a quote link copied', SEED_PAGE, async (page) => {
    await (await quoteShare(page, 'kerry-collisions')).button.click();
    await page.waitForSelector('.share__done');
  }],
  ['the library', '', null],
  ['a search with no results', '?q=nothing-matches-this', null],
  ['a full-text search: a name from the body, marked in a snippet', '?q=lavrov', async (page) => {
    await page.waitForSelector('.card__snippet mark');
  }],
  ['a page past the end of the list', '?page=9', async (page) => {
    await page.waitForSelector('.library__beyond');
  }],
  ['an error panel', '?article=fixture-unknown-speaker', null],
  ['a malformed article', '?article=fixture-malformed', null],
  ['no such article', '?article=no-such-article', null],
  ['an article with unsupported content, writers with their roles and an update time', '?article=fixture-harbour-strike', null],
  ['an imported article: a social post, an analysis box, a byline, no date', '?article=fixture-tech-startup', null],
  ['an imported article: organisations, a quote over two paragraphs', '?article=fixture-hospital-report&quote=cole-we-found-patients-waiting', null],
  ['a phone: the contents and topics bar open, a topic selected', SEED_PAGE, async (page) => {
    await page.click('.tools__summary');
    await page.click('.topic-toggle[data-topic="snowden"]');
  }, { width: 375, height: 667 }],
  ['hidden paragraphs shown in place', `${SEED_PAGE}&topics=snowden`, async (page) => {
    await page.locator('.story-section:not([hidden]) .hidden-marker button').first().click();
  }],
  // The pre-rendered pages, whose controls are islands in the server's HTML.
  ['the article\'s own page', 'a/us-russia-talks-despite-collisions/', islandsReady],
  ['the article\'s own page, filtered, a hidden run shown', 'a/us-russia-talks-despite-collisions/?topics=snowden', async (page) => {
    await islandsReady(page);
    await page.locator('.story-section:not([hidden]) .hidden-marker button').first().click();
  }],
  // A quote's and an event's own pages: small, and no app runs there.
  ['a quote\'s own page', 'a/us-russia-talks-despite-collisions/q/hagel-mutual-interests/', null],
  ['an event\'s own page', 'a/us-russia-talks-despite-collisions/e/event-geneva-talks/', null],
  ['an error panel with what went wrong unfolded', '?article=fixture-not-json', async (page) => {
    await page.click('.error-panel__details summary');
  }],
];

for (const scheme of ['light', 'dark']) {
  for (const [name, query, act, viewport] of STATES) {
    test(`axe finds no WCAG 2.2 A/AA violations: ${name} (${scheme})`, async () => {
      const tab = await openPage(browser, {
        bypassCSP: true,
        colorScheme: scheme,
        viewport: viewport ?? { width: 1280, height: 900 },
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      await tab.page.goto(server.base + query);
      await tab.page.waitForSelector('#story_headline, .error-panel, .not-found, .library__status, .shared');
      await tab.page.waitForTimeout(400); // highlights and scrolling settle
      if (act) await act(tab.page);
      assert.deepEqual(await violations(tab.page), []);
      await tab.close();
    });
  }
}

/** Press Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, selector, max = 300) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusVisible = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return el.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  });

test('a keyboard-only reader can use everything, with focus always visible', async () => {
  const tab = await openPage(browser, { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = tab;
  await page.goto(server.base + SEED_PAGE);
  await page.waitForSelector('#story_headline');
  // Skip link first.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'main_content');
  // Table of contents.
  await tabTo(page, 'nav.toc a[href="#future-work"]');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#future-work');
  // Topic filter.
  await page.focus('#story_headline').catch(() => {});
  await tabTo(page, '.topic-toggle[data-topic="syria"]');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('.topic-toggle[data-topic="syria"]', 'aria-pressed'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.topic-toggle[data-topic="syria"]', 'aria-pressed'), 'false');
  // Share a quote.
  await tabTo(page, '.para:has(#kerry-collisions) .para-tools__toggle');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await tabTo(page, '.share__button[data-quote="kerry-collisions"]');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('page_announcer').textContent === 'Link copied');
  // The timeline.
  await tabTo(page, '#event-washington-talks .timeline-event__show');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'p-collisions');
  // A paragraph's marker back to its event.
  // (Its control is open still: it holds the quote shared above.)
  await tabTo(page, '.para:has(#p-collisions) a.event-marker');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'event-washington-talks');
  // (A reader sees the event arrive before moving on; a smooth scroll still
  // under way would race the next jump.)
  await inViewport(page, '#event-washington-talks');
  // Back to top.
  await tabTo(page, '.back-to-top a');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'main_content' && scrollY < 200);
  await tab.close();
});

test('the layout works from 320 px wide and prints without controls', async () => {
  for (const query of [SEED_PAGE, '']) {
    const tab = await openPage(browser, { viewport: { width: 320, height: 700 } });
    await tab.page.goto(server.base + query);
    await tab.page.waitForSelector('#story_headline, .library__status');
    assert.ok(await tab.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at 320 px: ${query}`);
    await tab.close();
  }
  const tab = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await tab.page.goto(server.base + SEED_PAGE);
  await tab.page.waitForSelector('#story_headline');
  await tab.page.emulateMedia({ media: 'print' });
  const shown = await tab.page.$$eval('button, .topic-filter, .toc, .share, .skip-link, .back-to-top, .para-tools', (els) =>
    els.filter((e) => e.checkVisibility()).map((e) => e.className || e.tagName),
  );
  assert.deepEqual(shown, []);
  assert.ok(await tab.page.locator('#story_headline').isVisible());
  assert.ok(await tab.page.locator('#p-geneva').isVisible());
  await tab.close();
});
