// The page a news reader expects: the story first on a phone, the contents
// and topics folded into one bar there and beside the story on wide
// screens, and media the page cannot play shown as what it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewerHarness, appReady, inViewport, topInViewport, openParagraphControl } from './harness.mjs';
import { SEED } from './harness.mjs';
import { renderAll } from './seed-text.mjs';
import { openPage } from './browser.mjs';

const h = viewerHarness({ notFoundPage: true });
const PAGE = `a/${SEED}/`;

for (const [width, height] of [
  [320, 568],
  [375, 667],
]) {
  test(`at ${width}×${height} the headline is on the first screen and at most three tab stops come before it`, async () => {
    const { page, errors, close } = await h.open(PAGE, { viewport: { width, height } });
    const box = await page.locator('#story_headline').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= height, `headline at ${box.y}–${box.y + box.height}`);
    if (width >= 375) {
      // The story itself starts on the first screen: two lines of it at least.
      const first = await page.locator('.story-paragraph').first().boundingBox();
      const line = await page.locator('.story-paragraph').first().evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
      assert.ok(first.y + 2 * line <= height, `the first paragraph starts at ${first.y}`);
    }
    // Tab from the top of the page until focus passes the headline.
    const before = await page.evaluate(() => {
      const headline = document.getElementById('story_headline');
      const focusable = [...document.querySelectorAll('a[href], button, summary, input, select, [tabindex]:not([tabindex="-1"])')].filter(
        (e) => e.checkVisibility({ visibilityProperty: true }) && headline.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING,
      );
      return focusable.map((e) => e.className || e.tagName);
    });
    assert.ok(before.length <= 3, before.join(', '));
    // …and the keyboard agrees: the fourth Tab is inside the story's header or after it.
    for (let n = 0; n < before.length + 1; n++) await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => !!(document.getElementById('story_headline').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)),
      true,
    );
    // The contents and topics are one folded bar that opens in place.
    const tools = page.locator('details.tools');
    assert.equal(await tools.evaluate((d) => d.open), false);
    assert.equal(await page.locator('.topic-toggle').first().isVisible(), false);
    // It shows whether it is open: a sign that turns when it opens.
    const sign = () => page.evaluate(() => {
      const after = getComputedStyle(document.querySelector('.tools__summary'), '::after');
      return { shown: parseFloat(after.width) > 4 && after.borderRightStyle === 'solid', turn: after.transform };
    });
    const folded = await sign();
    assert.ok(folded.shown, JSON.stringify(folded));
    await page.locator('.tools__summary').click();
    const opened = await sign();
    assert.ok(opened.shown && opened.turn !== folded.turn, JSON.stringify([folded, opened]));
    await page.locator('.topic-toggle').first().click();
    assert.match(await page.textContent('.tools__summary'), /Contents and topics · 1 topic selected/);
    assert.deepEqual(errors, []);
    await close();
  });
}

test('on a wide screen the contents and topics sit open beside the story, after the headline in tab order', async () => {
  const { page, close } = await h.open(PAGE, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.locator('.tools__summary').isVisible(), false);
  assert.equal(await page.locator('.toc a').first().isVisible(), true);
  assert.equal(await page.locator('.topic-toggle').first().isVisible(), true);
  const [story, tools] = await Promise.all([page.locator('.story__body').boundingBox(), page.locator('.tools').boundingBox()]);
  assert.ok(tools.x >= story.x + story.width, 'the bar is to the right of the story');
  assert.ok(tools.y < story.y + 100, 'at the top of the sidebar');
  const order = await page.evaluate(() => {
    const h = document.getElementById('story_headline');
    const first = document.querySelector('.toc a');
    return !!(h.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'contents come after the headline in the document');
  await close();
});

test('a filter in the address opens the bar on a phone and says how many topics are selected', async () => {
  const { page, close } = await h.open(`${PAGE}?topics=syria,snowden`, { viewport: { width: 375, height: 667 } });
  await page.waitForFunction(() => document.querySelector('.tools__summary').textContent.includes('2 topics selected'));
  await close();
});

test('media the page cannot play and a picture without its file are their captions, quietly labelled: no box, no notice', async () => {
  const { page, close } = await h.open(PAGE, { viewport: { width: 375, height: 667 } });
  await renderAll(page);
  const story = await page.innerText('article.story');
  assert.doesNotMatch(story, /not included|original page said|playback is unsupported/i);
  const video = page.locator('figure.media figcaption');
  assert.equal(await video.locator('.caption__kind').innerText(), 'VIDEO');
  assert.match(await video.innerText(), /John Kerry said the relationship/);
  // Small: the caption's own lines, not a card above it.
  assert.ok((await page.locator('figure.media').boundingBox()).height < 160);
  const picture = page.locator('figure.image--caption-only figcaption');
  assert.equal(await picture.locator('.caption__kind').innerText(), 'PICTURE');
  assert.match(await picture.innerText(), /The divisions are most clearly shown over Syria/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.tools').first().isVisible(), false, 'the controls do not print');
  assert.equal(await video.isVisible(), true, 'the caption prints');
  assert.equal(await picture.isVisible(), true, 'the caption prints');
  await close();
});

test('running text is words only: each paragraph\'s quotes and events are one control outside its lines, a 24×24 px target, one tab stop', async () => {
  for (const width of [1280, 375]) {
    const { page, close } = await h.open(PAGE, { viewport: { width, height: 800 } });
    const inside = await page.$$eval('.story-paragraph', (ps) =>
      ps.flatMap((p) => [...p.querySelectorAll('a, button, input, select, summary, details, [tabindex], .icon')].map((el) => `${p.id}: ${el.outerHTML.slice(0, 80)}`)),
    );
    assert.deepEqual(inside, [], 'nothing but words (and quote marks) inside a paragraph');
    const checks = await page.$$eval('.para', (paras) =>
      paras.map((para) => {
        const p = para.querySelector('.story-paragraph').getBoundingClientRect();
        const toggle = para.querySelector('.para-tools__toggle');
        const t = toggle.getBoundingClientRect();
        // What Tab reaches in the paragraph while its control is closed.
        const stops = [...para.querySelectorAll('a, button, summary, input')].filter((el) => el.checkVisibility());
        return { id: para.querySelector('p').id, w: t.width, h: t.height, beside: t.left >= p.right - 1, below: t.top >= p.bottom - 1, stops: stops.length };
      }),
    );
    assert.ok(checks.length >= 10, `${checks.length} paragraphs with a control`);
    for (const c of checks) {
      assert.ok(c.w >= 24 && c.h >= 24, `${width}px ${c.id}: ${c.w}×${c.h}`);
      assert.equal(c.stops, 1, `${width}px ${c.id}: one tab stop`);
      // In the margin on a wide screen, under the paragraph on a phone.
      assert.ok(width > 700 ? c.beside : c.below, `${width}px ${c.id}: ${JSON.stringify(c)}`);
    }
    // Opened, it lists what the paragraph offers; Escape closes it and
    // gives focus back to it.
    const para = page.locator('.para:has(#p-collisions)');
    await para.locator('.para-tools__toggle').focus();
    await page.keyboard.press('Enter');
    const items = await para.locator('.para-tools__menu li').allTextContents();
    assert.ok(items.some((t) => /^Share quote by John Kerry: “/.test(t)), items.join(' | '));
    assert.ok(items.some((t) => /^Timeline: /.test(t)), items.join(' | '));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await para.locator('.para-tools').evaluate((d) => d.open), false);
    assert.ok(await page.evaluate(() => document.activeElement.matches('.para-tools__toggle')));
    await close();
  }
});

test('the story reads at 60-75 characters a line on a wide screen and never more than 75, at 19-20 px in its serif', async () => {
  for (const [width, least] of [[1280, 60], [768, 60], [375, 30], [320, 25]]) {
    const { page, close } = await h.open(PAGE, { viewport: { width, height: 800 } });
    await page.evaluate(() => document.fonts.ready);
    const m = await page.$$eval('.story-paragraph', (ps) => {
      let [chars, lines, widest] = [0, 0, 0];
      for (const p of ps) {
        // Every full line of the paragraph: characters per line box.
        const range = document.createRange();
        const text = p.textContent;
        const rows = new Map();
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = range.getClientRects()[0];
            if (!r) continue;
            const row = Math.round(r.top);
            rows.set(row, (rows.get(row) ?? 0) + 1);
          }
        }
        const counts = [...rows.values()];
        // The last line of a paragraph is short by nature.
        for (const n of counts.slice(0, -1)) {
          chars += n;
          lines += 1;
          widest = Math.max(widest, n);
        }
        void text;
      }
      const style = getComputedStyle(ps[0]);
      return { average: chars / lines, widest, size: parseFloat(style.fontSize), family: style.fontFamily };
    });
    assert.ok(m.average >= least && m.average <= 75, `${width}px: ${m.average.toFixed(1)} characters a line on average`);
    assert.ok(m.widest <= 82, `${width}px: the longest line holds ${m.widest}`);
    assert.ok(m.size >= 18 && m.size <= 20, `${width}px: ${m.size}px`);
    assert.match(m.family, /^"?Newsreader/);
    assert.ok(await page.evaluate(() => document.fonts.check('20px Newsreader')), 'the serif is loaded');
    await close();
  }
});

test('news basics: the section label leads to its section, the article can be shared', async () => {
  const { page, close } = await h.open(PAGE, { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const label = page.locator('.section-label a');
  assert.equal(await label.textContent(), 'US & Canada');
  await page.getByRole('button', { name: 'Share this article' }).click();
  await page.waitForFunction(() => document.getElementById('page_announcer').textContent === 'Link copied');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(`/a/${SEED}/$`));
  await label.click();
  await page.waitForFunction(() => location.search === '?section=US+%26+Canada' || location.search === '?section=US%20%26%20Canada');
  // The home page is pre-rendered unfiltered: the list is there at once,
  // and the section from the address applies once its app runs.
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#library_section').value === 'US & Canada');
  const sections = await page.locator('.card__section').allTextContents();
  assert.ok(sections.length > 0 && sections.every((s) => s === 'US & Canada'), sections.join());
  await close();
});

test('every page ends with the publisher\'s footer: the site\'s name and the links its owner configured, right from any depth', async () => {
  const shared = 'q/kerry-collisions/';
  for (const path of ['', PAGE, `${PAGE}${shared}`, 'no/such/page/']) {
    // As served: a quote's page and the 404 run no app, and the footer is
    // the build's, outside any app.
    const { page, close } = await openPage(h.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(h.server.base + path);
    const footer = page.locator('footer.site-footer');
    assert.equal(await footer.count(), 1, path);
    assert.equal(await footer.locator('.site-footer__name').textContent(), 'Newsview');
    const links = await footer.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.href]));
    assert.deepEqual(links, [
      ['All articles', h.server.base],
      ['About us', `${h.server.base}about/`],
      ['Corrections', 'mailto:corrections@news.example.org'],
    ], path);
    // Styled alike everywhere (a page's cut style sheet keeps the footer's
    // rules): the links in one row, no list bullets.
    const look = await footer.locator('.site-footer__links').evaluate((list) => {
      const items = [...list.querySelectorAll('li')].map((li) => li.getBoundingClientRect().top);
      return { bullets: getComputedStyle(list.querySelector('li')).listStyleType, rows: new Set(items).size };
    });
    assert.deepEqual(look, { bullets: 'none', rows: 1 }, path);
    await close();
  }
});

test('a missing page offers search and the latest articles; its search opens the list with the results', async () => {
  const { page, close } = await openPage(h.browser, { viewport: { width: 375, height: 667 } });
  const response = await page.goto(h.server.base + 'a/gone-article/');
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Page not found');
  const latest = await page.locator('.not-found__latest a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(latest.length >= 1 && latest.length <= 5, latest.join(' '));
  assert.ok(latest.every((href) => /^\/a\/[a-z0-9-]+\/$/.test(href)), latest.join(' '));
  await page.getByLabel('Search the articles').fill('lavrov');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === 'lavrov');
  await page.locator('.card__headline a', { hasText: 'John Kerry' }).waitFor();
  await close();
});

test('news basics: each writer with their role, the last update with its time zone, neither when absent', async () => {
  const { page, close } = await h.open('?article=fixture-harbour-strike', { viewport: { width: 1280, height: 800 } });
  await page.locator('#story_headline').waitFor();
  const meta = page.locator('.story-meta');
  assert.equal(await meta.locator('.byline').innerText(), 'By Mira Haddad (Transport correspondent) and Owen Pike');
  assert.deepEqual(await meta.locator('.byline__name').allTextContents(), ['Mira Haddad', 'Owen Pike']);
  assert.deepEqual(await meta.locator('.byline__role').allTextContents(), ['Transport correspondent']);
  const updated = meta.locator('.updated time');
  assert.equal(await updated.getAttribute('datetime'), '2021-03-05T18:40:00+01:00');
  assert.equal(await meta.locator('.updated').innerText(), 'Updated 5 March 2021, 18:40 UTC+1');
  // The original's address is a link.
  assert.equal(await meta.locator('.source a').getAttribute('href'), 'https://example.org/gazette');
  // The seed has neither: nothing empty is left in their place.
  await page.goto(`${h.server.base}${PAGE}`);
  await appReady(page);
  assert.equal(await page.locator('.story-meta .byline, .story-meta .updated').count(), 0);
  assert.doesNotMatch(await page.locator('.story-meta').innerText(), /By|Updated|·\s*·/);
  // An older file's one-line byline still shows.
  await page.goto(`${h.server.base}?article=fixture-tech-startup`);
  await page.locator('#story_headline').waitFor();
  assert.equal(await page.locator('.story-meta .byline').innerText(), 'By Laura Finch, Technology correspondent');
  await close();
});

test('a printed article says where it lives online and where it came from', async () => {
  const { page, close } = await h.open(PAGE, { viewport: { width: 1280, height: 800 } });
  const url = page.locator('.print-url');
  assert.equal(await url.isVisible(), false, 'not on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await url.isVisible(), true);
  // The pre-rendered page names its canonical address; the app keeps it.
  assert.equal(await url.textContent(), `https://news.example.org/a/${SEED}/`);
  assert.equal(await url.evaluate((e) => getComputedStyle(e, '::before').content), '"Read online at "');
  // An article opened by the client-side path prints the address it was
  // opened at, and its original's address beside the original's name.
  await page.goto(`${h.server.base}?article=fixture-harbour-strike`);
  await page.locator('#story_headline').waitFor();
  assert.equal(await page.locator('.print-url').textContent(), `${h.server.base}a/fixture-harbour-strike/`);
  const source = page.locator('.story-meta .source a');
  assert.equal(await source.evaluate((e) => getComputedStyle(e, '::after').content), '" (https://example.org/gazette)"');
  await close();
});

test('an article that cannot arrive says so in plain words, with the detail behind "What went wrong"', async () => {
  h.server.fail('/articles/fixture-harbour-strike.json', 503);
  const { page, close } = await h.open('?article=fixture-harbour-strike');
  const panel = page.locator('.error-panel');
  assert.match(await panel.locator('.error-panel__plain').textContent(), /did not arrive/);
  assert.equal(await panel.getByText('HTTP 503').isVisible(), false, 'the detail is folded away');
  await panel.getByText('What went wrong').click();
  assert.equal(await panel.getByText(/HTTP 503/).isVisible(), true);
  // On an article's own address (two folders deep) the way back still
  // leads to the list.
  h.server.fail('/articles/fixture-harbour-strike.json', 503);
  await page.evaluate(() => {
    history.pushState(null, '', 'a/fixture-harbour-strike/');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForFunction(() => location.pathname.endsWith('/a/fixture-harbour-strike/') && document.querySelector('.error-panel'));
  const back = await page.getByRole('link', { name: 'Back to all articles' }).evaluate((a) => a.href);
  assert.equal(back, h.server.base);
  await close();
});

test('where the filter hides paragraphs a marker says how many, and shows them in place', async () => {
  const { page, errors, close } = await h.open(`${PAGE}?topics=snowden`, { viewport: { width: 1280, height: 800 } });
  await page.waitForSelector('.story-paragraph[hidden]', { state: 'attached' });
  const summary = await page.textContent('.topic-filter__status');
  // Each marker counts the hidden paragraphs that follow it in its section,
  // up to the next shown one.
  const markers = await page.evaluate(() =>
    [...document.querySelectorAll('.story-section:not([hidden])')].flatMap((section) => {
      const order = [...section.querySelectorAll('.hidden-marker, .story-paragraph')];
      return order.flatMap((m, at) => {
        if (!m.matches('.hidden-marker')) return [];
        let n = 0;
        for (const el of order.slice(at + 1)) {
          if (el.matches('.hidden-marker') || !el.hidden) break;
          n++;
        }
        return [[m.textContent, n]];
      });
    }),
  );
  assert.ok(markers.length > 0);
  for (const [text, n] of markers) assert.equal(text, `${n} ${n === 1 ? 'paragraph' : 'paragraphs'} hidden: show`);
  // Every hidden paragraph in a shown section sits after some marker.
  const hiddenInShown = await page.$$eval('.story-section:not([hidden]) .story-paragraph[hidden]', (ps) => ps.length);
  assert.equal(markers.reduce((sum, [, n]) => sum + n, 0), hiddenInShown);
  const first = page.locator('.story-section:not([hidden]) .hidden-marker button').first();
  const n = Number((await first.textContent()).split(' ')[0]);
  const before = await page.$$eval('.story-paragraph:not([hidden])', (ps) => ps.length);
  await first.click();
  await page.waitForFunction((want) => document.querySelectorAll('.story-paragraph:not([hidden])').length === want, before + n);
  await page.waitForFunction((n) => document.getElementById('page_announcer').textContent === `${n} ${n === 1 ? 'paragraph' : 'paragraphs'} shown`, n);
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('story-paragraph')), 'focus on the first shown paragraph');
  // The filter's own summary stays as it was.
  assert.equal(await page.textContent('.topic-filter__status'), summary);
  // A new filter forgets what was shown in place.
  await page.click('.topic-toggle[data-topic="syria"]');
  await page.click('.topic-toggle[data-topic="syria"]');
  assert.equal(await page.$$eval('.story-paragraph:not([hidden])', (ps) => ps.length), before);
  assert.deepEqual(errors, []);
  await close();
});

test('a jump to an event or a quote is a step Back undoes: address, scroll position and focus come back', async () => {
  const { page, errors, close } = await h.open(PAGE, { viewport: { width: 1280, height: 800 } });
  for (const selector of ['.timeline-event__show', '.quotes-panel .quote-link']) {
    const link = page.locator(selector).last();
    await link.scrollIntoViewIfNeeded();
    await link.focus();
    const [url, scroll, href] = [page.url(), await page.evaluate(() => scrollY), await link.getAttribute('href')];
    const top = await link.evaluate((a) => a.getBoundingClientRect().top);
    await page.keyboard.press('Enter');
    await page.waitForFunction((u) => location.href !== u, url);
    await page.waitForTimeout(600); // the smooth scroll to the target
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scroll) > 100, 'the jump moved the page');
    await page.goBack();
    await page.waitForFunction((u) => location.href === u, url);
    // The link is back where the reader's eye left it (sections drawn on the
    // way may have changed the page's height above it).
    await page.waitForFunction(
      ([sel, href, top]) => {
        const a = [...document.querySelectorAll(sel)].find((l) => l.getAttribute('href') === href);
        return a && Math.abs(a.getBoundingClientRect().top - top) < 30;
      },
      [selector, href, top],
      { timeout: 5_000 },
    );
    await page.waitForFunction(
      ([sel, href]) => document.activeElement?.matches(sel) && document.activeElement.getAttribute('href') === href,
      [selector, href],
      { timeout: 5_000 },
    );
  }
  // Changing the filter still replaces the entry: Back leaves the article.
  await page.click('.topic-toggle[data-topic="syria"]');
  assert.match(page.url(), /topics=syria/);
  assert.deepEqual(errors, []);
  await close();
});

test('a paragraph\'s clock to its event is a step Back undoes: scroll position and focus come back, and the reader stays on the article', async () => {
  const { page, errors, close } = await h.open(PAGE, { viewport: { width: 1280, height: 800 } });
  const clock = (await openParagraphControl(page, 'p-collisions')).locator('a.event-marker').first();
  await clock.scrollIntoViewIfNeeded();
  await clock.focus();
  const [url, scroll, length] = [page.url(), await page.evaluate(() => scrollY), await page.evaluate(() => history.length)];
  const target = (await clock.getAttribute('href')).slice(1);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, target);
  await inViewport(page, `#${target}`);
  assert.equal(await page.evaluate(() => history.length), length + 1, 'the jump is one entry');
  assert.equal(await page.evaluate(() => location.hash), `#${target}`);
  assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scroll) > 100, 'the jump moved the page');
  await page.goBack();
  await page.waitForFunction((u) => location.href === u, url);
  await page.waitForFunction((s) => Math.abs(scrollY - s) < 30, scroll, { timeout: 5_000 });
  await page.waitForFunction(() => document.activeElement?.matches('.para:has(#p-collisions) a.event-marker'), null, { timeout: 5_000 });
  assert.deepEqual(errors, []);
  await close();
});

test('a jump to a section from the contents is a step Back undoes: address, scroll position and focus come back', async () => {
  const { page, errors, close } = await h.open(PAGE, { viewport: { width: 1280, height: 800 } });
  const link = page.locator('.toc a').last();
  await link.focus();
  const [url, scroll, href] = [page.url(), await page.evaluate(() => scrollY), await link.getAttribute('href')];
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.hash === h, href);
  // The jump has landed (a smooth scroll, if any, ended on the section):
  // the place Forward comes back to.
  await topInViewport(page, href);
  await page.waitForTimeout(300);
  assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scroll) > 100, 'the jump moved the page');
  await page.goBack();
  await page.waitForFunction((u) => location.href === u, url);
  await page.waitForFunction((s) => Math.abs(scrollY - s) < 30, scroll, { timeout: 5_000 });
  await page.waitForFunction((href) => document.activeElement?.matches('.toc a') && document.activeElement.getAttribute('href') === href, href, { timeout: 5_000 });
  // Forward goes to the section again.
  await page.goForward();
  await page.waitForFunction((h) => location.hash === h, href);
  await topInViewport(page, href);
  assert.deepEqual(errors, []);
  await close();
});

test('Back from an article to the list gives focus to the link the reader followed', async () => {
  const { page, close } = await h.open('', { viewport: { width: 1280, height: 800 } });
  const link = page.locator('.card__headline a').first();
  await link.focus();
  const href = await link.getAttribute('href');
  await page.keyboard.press('Enter');
  await page.locator('#story_headline').waitFor();
  await page.goBack();
  await page.locator('.library__list').waitFor();
  await page.waitForFunction((href) => document.activeElement?.getAttribute('href') === href, href, { timeout: 5_000 });
  await close();
});

test('the timeline leads with its dates: on a wide screen they stand in one rail at the left, level with their events; on a phone each opens its event', async () => {
  for (const width of [1280, 375]) {
    const { page, close } = await h.open(PAGE, { viewport: { width, height: 800 } });
    const events = await page.$$eval('.timeline-event', (items) => items.map((li) => {
      const card = li.getBoundingClientRect();
      const date = li.querySelector('.timeline-event__date').getBoundingClientRect();
      return { cardLeft: card.left, cardTop: card.top, dateLeft: date.left, dateRight: date.right, dateTop: date.top };
    }));
    assert.ok(events.length >= 3);
    if (width === 1280) {
      assert.equal(new Set(events.map((e) => Math.round(e.dateLeft))).size, 1, 'one rail');
      for (const e of events) {
        assert.ok(e.dateRight <= e.cardLeft, 'the date stands before its event');
        assert.ok(Math.abs(e.dateTop - e.cardTop) < 24, 'level with it');
      }
    } else {
      for (const e of events) assert.ok(e.dateLeft >= e.cardLeft, 'inside its event');
    }
    await close();
  }
});
