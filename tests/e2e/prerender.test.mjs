// Pre-rendered pages: what the server sends before any script runs, what a
// link-preview crawler reads, hydration that keeps the painted nodes, and
// what happens when the app's own files fail. scripts/test.sh builds dist/
// with NEWSVIEW_BASE_URL=https://news.example.org/ and pre-renders a
// generated 1,000-paragraph article into target/e2e-long.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { SEED, appReady, inViewport, focused, quoteShare } from './harness.mjs';
import { seedSentences, checkSentences, storyText } from './seed-text.mjs';

const BASE_URL = 'https://news.example.org/';
const DIST = path.join(repo, 'dist');
const LONG = path.join(repo, 'target/e2e-long');
const seed = JSON.parse(fs.readFileSync(path.join(DIST, `articles/${SEED}.json`), 'utf8'));
const quotes = seed.sections.flatMap((s) => s.blocks.flatMap((b) => (b.runs ?? []).filter((r) => r.type === 'quote')));
const person = (id) => seed.people.find((p) => p.id === id);

let server;
let browser;
before(async () => {
  server = await startServer({ notFoundPage: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const raw = async (p, srv = server) => {
  const res = await fetch(srv.base + p);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

/** The page's text as a reader gets it without scripts: tags out, entities decoded. */
const textOf = (html) =>
  html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<!>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<\/(p|h1|h2|h3|li|figcaption)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What the reader reads of the story itself: its header and its text. */

/** `<meta property|name="key" content="…">` values, decoded. */
function metas(html) {
  const out = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) {
    out[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  const canonical = html.match(/<link rel="canonical" href="([^"]+)"/);
  out.canonical = canonical?.[1];
  out.title = html.match(/<title>([^<]*)<\/title>/)?.[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return out;
}

/** Hold the wasm back until the returned function is called. */
async function holdBackWasm(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** A page whose console errors and warnings, and CSP violations, are recorded. */
async function watched(options = {}) {
  const tab = await openPage(browser, options);
  const warnings = [];
  tab.page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') warnings.push(`${msg.type()}: ${msg.text()}`);
  });
  await tab.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { ...tab, warnings };
}

test('the raw HTML of an article page holds the whole article before any script runs', async () => {
  const { status, text: marked } = await raw(`a/${SEED}/`);
  assert.equal(status, 200);
  // Leptos's hydration markers are empty comments, not text.
  const text = marked.replace(/<!>|<!---->/g, '');
  assert.match(text, /<h1 id="story_headline"[^>]*>John Kerry: US and Russia must talk despite ('|&#39;)collisions('|&#39;)<\/h1>/);
  // Sentence by sentence, in order, once each, inside the article itself.
  // (Less the contents list folded into it, which repeats the subheadings.)
  const story = text.match(/<article [^>]*>[\s\S]*<\/article>/)[0].replace(/<details [^>]*class="tools"[\s\S]*?<\/details>/, '');
  assert.deepEqual(checkSentences(seedSentences(), textOf(story)), []);
  const figures = seed.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'media' || b.type === 'image');
  assert.ok(figures.length > 0);
  assert.equal((text.match(/<figcaption>/g) ?? []).length, figures.length, 'every caption');
  assert.equal((text.match(/class="timeline-event /g) ?? []).length, seed.timeline.length, 'the timeline');
  for (const q of quotes) assert.ok(text.includes(`id="${q.id}"`), `quote ${q.id}`);
  assert.equal((text.match(/class="person"/g) ?? []).length, seed.people.length, 'the people');
  assert.doesNotMatch(text, /Loading/);
  assert.match(text, /<meta http-equiv="Content-Security-Policy"/);
});

test('with JavaScript off the article page reads completely, styled, with no dead controls', async () => {
  const { page, close } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await page.goto(server.base + `a/${SEED}/`);
  assert.deepEqual(checkSentences(seedSentences(), await storyText(page)), []);
  const text = await page.evaluate(() => document.body.innerText);
  for (const heading of ['Timeline', 'Quotes', 'People in this story']) assert.ok(text.includes(heading), heading);
  // Styled: the style sheet applies (visually hidden text is clipped to 1 px).
  assert.equal(await page.$eval('.visually-hidden', (el) => getComputedStyle(el).width), '1px');
  // Controls that need the app are not shown; links that work without it are.
  assert.equal(await page.locator('.topic-filter').isVisible(), false);
  assert.equal(await page.locator('.share button').first().isVisible(), false);
  assert.ok(await page.locator('.toc a').first().isVisible());
  assert.equal(await page.locator('text=Loading').count(), 0);
  await close();
});

test('a quote page opened without JavaScript shows the quote, who said it, and the way into the article at it', async () => {
  const { page, close } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const q = quotes[3];
  const speaker = person(q.speaker);
  await page.goto(server.base + `a/${SEED}/q/${q.id}/`);
  assert.equal(await page.textContent('h1'), `${speaker.name} said`);
  assert.ok((await page.textContent('.shared blockquote')).includes(q.text));
  assert.ok((await page.textContent('.shared figcaption')).includes(speaker.role));
  assert.equal(await page.textContent('.shared cite'), seed.headline);
  // The one way on: the article, at the quote, highlighted before any app.
  await page.click('.shared__continue-link');
  await page.waitForURL(`**/a/${SEED}/#${q.id}`);
  // Scrolled there by the browser itself: no script of the page's runs to
  // wait on, so ask until the sections it passed have been laid out.
  let place;
  for (let tries = 0; tries < 50; tries += 1) {
    place = await page.evaluate((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    }, q.id);
    if (place.top >= 0 && place.bottom <= place.height) break;
    await new Promise((go) => setTimeout(go, 100));
  }
  assert.ok(place.top >= 0 && place.bottom <= place.height, JSON.stringify(place));
  assert.equal(await page.evaluate((id) => document.getElementById(id).matches(':target'), q.id), true);
  assert.notEqual(await page.evaluate((id) => getComputedStyle(document.getElementById(id)).outlineStyle, q.id), 'none');
  assert.deepEqual(checkSentences(seedSentences(), await storyText(page)), []);
  await close();
});

test('hydration keeps the painted nodes and makes them work, with no second layout', async () => {
  // A phone: the topic filter sits above the story, where a late control would push it down.
  const { page, warnings, close } = await watched({ viewport: { width: 375, height: 667 } });
  const release = await holdBackWasm(page);
  await page.goto(server.base + `a/${SEED}/`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#story_headline');
  // Painted before the app: mark the nodes.
  await page.evaluate(() => {
    document.getElementById('story_headline').__painted = true;
    document.querySelector('.story-paragraph').__painted = true;
    document.querySelector('.timeline-event').__painted = true;
  });
  const places = () =>
    page.evaluate(() => ['#story_headline', '.story-paragraph', '.timeline'].map((s) => document.querySelector(s).getBoundingClientRect().top));
  const before = await places();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-ready')), false);
  release();
  await appReady(page);
  assert.deepEqual(await places(), before, 'nothing moved when the app arrived');
  // A topic toggle works: the app owns these nodes now (on a phone the
  // toggles are in the folded bar).
  await page.click('.tools__summary');
  await page.click('.topic-toggle[data-topic="snowden"]');
  await page.waitForFunction(() => document.querySelectorAll('.story-paragraph[hidden]').length > 0);
  assert.equal(await page.evaluate(() => location.search), '?topics=snowden');
  assert.deepEqual(
    await page.evaluate(() => [
      document.getElementById('story_headline').__painted,
      document.querySelector('.story-paragraph').__painted,
      document.querySelector('.timeline-event').__painted,
    ]),
    [true, true, true],
    'the same nodes, not new ones',
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await close();
});

test('a filter in the address of a pre-rendered page applies once it has hydrated', async () => {
  const { page, warnings, close } = await watched();
  await page.goto(server.base + `a/${SEED}/?topics=syria`);
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('.topic-toggle[data-topic="syria"]').getAttribute('aria-pressed') === 'true');
  assert.match(await page.textContent('.topic-filter__summary'), /7 of 20 paragraphs, about Syria/);
  assert.equal(await page.evaluate(() => location.pathname + location.search), `/a/${SEED}/?topics=syria`);
  assert.deepEqual(warnings, []);
  await close();
});

test('a quote\'s and an event\'s own pages are small, run no script, and break no policy', async () => {
  const article = (await raw(`a/${SEED}/`)).text;
  const pages = [...quotes.map((q) => `a/${SEED}/q/${q.id}/`), ...seed.timeline.map((e) => `a/${SEED}/e/${e.id}/`)];
  for (const p of pages) {
    const { status, text } = await raw(p);
    assert.equal(status, 200, p);
    // Not a copy of the article: its own words and a style sheet cut to them.
    assert.ok(text.length * 4 < article.length, `${p}: ${text.length} bytes against the article's ${article.length}`);
    assert.doesNotMatch(text, /<script(?! type="application\/ld\+json")/, p);
    assert.doesNotMatch(text, /modulepreload|\.wasm/, p);
    const { page, warnings, close } = await watched();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.base + p);
    await page.waitForSelector('.shared h1');
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, /script-src 'none'/, p);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/, p);
    // Styled as the site is: the masthead and the shared block have their look.
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('.shared__continue-link')).borderStyle), 'none', p);
    assert.ok(requests.every((r) => !r.endsWith('.wasm') && !r.endsWith('.js')), `${p}: ${requests}`);
    assert.deepEqual(warnings, [], p);
    assert.deepEqual(await page.evaluate(() => window.__violations ?? []), [], p);
    await close();
  }
});

test('every pre-rendered page of the seed with the app hydrates without a warning or a policy violation', async () => {
  const pages = ['', `a/${SEED}/`];
  for (const p of pages) {
    const { page, warnings, close } = await watched();
    await page.goto(server.base + p);
    await appReady(page);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/, p);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/, p);
    assert.deepEqual(warnings, [], p);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], p);
    await close();
  }
});

test('article pages load the reader (the app without the list); its links to the list load the list\'s own page', async () => {
  const files = fs.readdirSync(DIST);
  const size = (re) => fs.statSync(path.join(DIST, files.find((f) => re.test(f)))).size;
  assert.ok(size(/^reader-[0-9a-f]+_bg\.wasm$/) < size(/^newsview-[0-9a-f]+_bg\.wasm$/), 'the reader is the smaller app');
  const { page, warnings, close } = await watched();
  const wasm = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(path.basename(new URL(r.url()).pathname));
  });
  await page.goto(server.base + `a/${SEED}/`);
  await appReady(page);
  assert.deepEqual(wasm.map((w) => w.split('-')[0]), ['reader']);
  // The section label leads to the list of its section: a page load.
  await Promise.all([page.waitForURL(/\?section=/), page.click('.section-label a')]);
  await appReady(page);
  await page.waitForSelector('.card__headline a');
  assert.equal(wasm.at(-1).split('-')[0], 'newsview', 'the list page loads the whole app');
  assert.equal(await page.locator('.card__headline a').first().textContent(), seed.headline);
  // From the list an article opens in place (that app has both pages), and Back returns to the list.
  await page.click('.card__headline a');
  await page.waitForSelector('#story_headline');
  assert.equal(wasm.length, 2, 'no third app download');
  await page.goBack();
  await page.waitForSelector('.card__headline a');
  // Back again leaves the list for the article page it came from.
  await page.goBack();
  await page.waitForURL((u) => u.pathname === `/a/${SEED}/` && u.search === '');
  await appReady(page);
  assert.equal(await page.textContent('#story_headline'), seed.headline);
  assert.deepEqual(warnings, []);
  await close();
});

test('an article page works from what it carries: only its controls hydrate, without the article file', async () => {
  const { page, warnings, close } = await watched({ viewport: { width: 1280, height: 800 } });
  // The file the page was rendered from does not arrive: its controls do not need it.
  await page.route(`**/articles/${SEED}.json`, (route) => route.abort());
  await page.goto(server.base + `a/${SEED}/`);
  await appReady(page);
  // The story is the server's HTML, around the islands that hydrate.
  const around = await page.evaluate(() => {
    const headline = document.getElementById('story_headline');
    return headline.parentElement.closest('leptos-island, leptos-children').localName;
  });
  assert.equal(around, 'leptos-children', 'the headline is static content, not an island');
  await (await quoteShare(page, quotes[0].id)).button.click();
  await page.waitForFunction(() => /Link (copied|shared)|Could not copy/.test(document.getElementById('page_announcer').textContent));
  await page.click('.topic-toggle[data-topic="syria"]');
  await page.waitForFunction(() => document.querySelectorAll('.story-paragraph[hidden]').length > 0);
  assert.match(await page.textContent('.topic-filter__summary'), /7 of 20 paragraphs, about Syria/);
  assert.deepEqual(warnings.filter((w) => !/Failed to load resource|ERR_FAILED/.test(w)), []);
  await close();
});

test('a jump to a quote keeps the article\'s address (the quote in its query): a reload reopens the article there', async () => {
  const { page, warnings, close } = await watched({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.base + `a/${SEED}/`);
  await appReady(page);
  const link = page.locator('.quotes-panel .quote-link').first();
  const id = (await link.getAttribute('href')).match(/quote=([^&#]+)/)[1];
  await link.click();
  await page.waitForURL(/[?&]quote=/);
  assert.equal(await page.evaluate(() => location.pathname + location.search), `/a/${SEED}/?quote=${id}`);
  for (const sel of ['.masthead .brand', '.site-footer a', '.section-label a']) {
    const href = await page.$eval(sel, (a) => a.href);
    assert.ok(href.startsWith(server.base) && !href.includes('/a/'), `${sel}: ${href}`);
  }
  await page.reload();
  await appReady(page);
  await inViewport(page, `#${id}`);
  assert.match(await page.getAttribute(`#${id}`, 'class'), /quote--target/);
  await Promise.all([page.waitForURL(server.base), page.click('.site-footer a')]);
  await appReady(page);
  await page.waitForSelector('.card__headline a');
  assert.deepEqual(warnings, []);
  await close();
});

test('a generated 1,000-paragraph article hydrates without a warning', async () => {
  assert.ok(fs.existsSync(path.join(LONG, 'a/long/index.html')), 'run scripts/test.sh: it pre-renders the long article');
  const long = await startServer({ roots: [LONG] });
  const { page, warnings, close } = await watched();
  await page.goto(long.base + 'a/long/');
  await appReady(page);
  assert.equal(await page.locator('.story-paragraph').count(), 1000);
  await page.click('.topic-toggle');
  await page.waitForFunction(() => document.querySelectorAll('.story-paragraph[hidden]').length > 0);
  assert.deepEqual(warnings, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await close();
  await long.close();
});

test('a quote page carries what a link preview needs, and its card exists', async () => {
  for (const q of quotes) {
    const p = `a/${SEED}/q/${q.id}/`;
    const { status, text } = await raw(p);
    assert.equal(status, 200, p);
    const m = metas(text);
    const speaker = person(q.speaker);
    assert.ok(m.title.includes(speaker.name), `title names the speaker: ${m.title}`);
    assert.ok(m.title.includes(q.text.split(' ').slice(0, 3).join(' ')), `title has the quote: ${m.title}`);
    assert.ok(m.description.includes(q.text), `description has the whole quote: ${m.description}`);
    assert.ok(m['og:description'].includes(q.text) && m['og:description'].includes(speaker.name) && m['og:description'].includes(speaker.role));
    assert.equal(m['og:type'], 'article');
    assert.ok(m['og:title'].includes(speaker.name));
    assert.equal(m['og:url'], `${BASE_URL}${p}`);
    assert.equal(m['og:site_name'], 'Newsview');
    assert.equal(m['twitter:card'], 'summary_large_image');
    assert.equal(m.canonical, `${BASE_URL}a/${SEED}/`);
    assert.equal(m['og:image'], `${BASE_URL}${p}card.png`);
    assert.equal(m['twitter:image'], m['og:image']);
    assert.equal(m['og:image:width'], '1200');
    assert.equal(m['og:image:height'], '630');
    assert.ok(m['og:image:alt'].includes(speaker.name));
    // The card is there, a PNG of the stated size.
    const res = await fetch(server.base + m['og:image'].slice(BASE_URL.length));
    assert.equal(res.status, 200);
    const png = Buffer.from(await res.arrayBuffer());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 1200);
    assert.equal(png.readUInt32BE(20), 630);
  }
});

test('an article page has its head: title, description, Open Graph, JSON-LD', async () => {
  const { text } = await raw(`a/${SEED}/`);
  const m = metas(text);
  assert.equal(m.title, `${seed.headline} - Newsview`);
  assert.equal(m.description, seed.summary ?? m.description);
  assert.ok(m.description.length > 50);
  assert.equal(m['og:type'], 'article');
  assert.equal(m['article:published_time'], seed.published);
  assert.equal(m['article:section'], seed.section);
  assert.equal(m.canonical, `${BASE_URL}a/${SEED}/`);
  const ld = JSON.parse(text.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
  assert.equal(ld['@type'], 'NewsArticle');
  // One publisher name: the site's, as Open Graph says; the newsroom the
  // article came from is its source.
  assert.equal(ld.publisher.name, m['og:site_name']);
  assert.equal(ld.sourceOrganization.name, seed.source.name);
  assert.equal(ld.headline, seed.headline);
  assert.equal(ld.datePublished, seed.published);
  assert.equal(ld.url, `${BASE_URL}a/${SEED}/`);
});

test('share copies the quote page address; it opens on the quote and goes on into the article there', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.base + `a/${SEED}/`);
  await appReady(page);
  await page.evaluate(() => {
    navigator.share = async (data) => {
      window.sharedData = data;
    };
  });
  const q = quotes[5];
  await (await quoteShare(page, q.id)).button.click();
  await page.waitForFunction(() => window.sharedData);
  const url = await page.evaluate(() => window.sharedData.url);
  assert.equal(url, `${server.base}a/${SEED}/q/${q.id}/`);
  await close();

  const fresh = await watched({ viewport: { width: 1280, height: 800 } });
  await fresh.page.goto(url);
  assert.ok((await fresh.page.title()).includes(person(q.speaker).name));
  await inViewport(fresh.page, '.shared blockquote');
  assert.ok((await fresh.page.textContent('.shared blockquote')).includes(q.text));
  await fresh.page.click('.shared__continue-link');
  await appReady(fresh.page);
  await inViewport(fresh.page, `#${q.id}`);
  assert.equal(await fresh.page.evaluate(() => location.pathname + location.hash), `/a/${SEED}/#${q.id}`);
  // Back returns to the quote's page.
  await fresh.page.goBack();
  await fresh.page.waitForURL(url);
  assert.deepEqual(fresh.warnings, []);
  await fresh.close();
});

test('an event page names the event and goes on to the paragraphs that mention it', async () => {
  const event = seed.timeline.find((e) => e.paragraphs.length > 0);
  const p = `a/${SEED}/e/${event.id}/`;
  const m = metas((await raw(p)).text);
  assert.ok(m.title.includes(event.title), m.title);
  assert.equal(m.canonical, `${BASE_URL}a/${SEED}/`);
  assert.equal(m['og:url'], `${BASE_URL}${p}`);
  // It previews as the event: a card of its own.
  assert.equal(m['twitter:card'], 'summary_large_image');
  assert.equal(m['og:image'], `${BASE_URL}${p}card.png`);
  assert.ok(m['og:image:alt'].includes(event.title), m['og:image:alt']);
  const card = await fetch(server.base + m['og:image'].slice(BASE_URL.length));
  assert.equal(card.status, 200);
  assert.equal(Buffer.from(await card.arrayBuffer()).subarray(1, 4).toString(), 'PNG');
  const { page, warnings, close } = await watched({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.base + p);
  assert.equal(await page.textContent('h1'), event.title);
  await page.click('.shared__continue-link');
  await appReady(page);
  await inViewport(page, `#${event.paragraphs[0]}`);
  assert.equal(await page.evaluate(() => location.hash), `#${event.paragraphs[0]}`);
  assert.deepEqual(warnings, []);
  await close();
});

test('old links and articles added after the build still open in the browser', async () => {
  const q = quotes[2];
  const { page, warnings, close } = await watched({ viewport: { width: 1280, height: 800 } });
  const release = await holdBackWasm(page);
  await page.goto(server.base + `?article=${SEED}&quote=${q.id}&topics=syria`, { waitUntil: 'domcontentloaded' });
  // The library the home page was rendered with is not what was asked for.
  assert.ok(await page.locator('.client-route-boot').isVisible());
  assert.equal(await page.locator('.library').isVisible(), false);
  release();
  await appReady(page);
  await focused(page, q.id);
  assert.equal(await page.locator('.client-route-boot').isVisible(), false);
  assert.equal(await page.locator('.library').count(), 0);
  assert.deepEqual(warnings, []);
  await close();

  // tests/fixtures/articles is served beside dist/ but was never pre-rendered.
  const later = await watched();
  await later.page.goto(server.base + '?article=fixture-harbour-strike');
  await appReady(later.page);
  await later.page.waitForSelector('#story_headline');
  assert.equal(await later.page.textContent('#story_headline'), 'Harbour workers walk out over new shift rota');
  assert.equal((await raw('a/fixture-harbour-strike/')).status, 404, 'no page was written for it');
  await later.close();
});

test('a page whose article changed after the build is rendered afresh from the new JSON', async () => {
  const changed = await startServer({ roots: [path.join(repo, 'target/e2e-changed'), DIST] });
  const { page, warnings, close } = await watched();
  await page.goto(changed.base + `a/${SEED}/`);
  await appReady(page);
  await page.waitForFunction(() => document.getElementById('story_headline').textContent.startsWith('Corrected:'));
  assert.deepEqual(warnings, []);
  await close();
  await changed.close();
});

test('a page kept by a cache after its article was withdrawn says the article is gone', async () => {
  const { page, warnings, close } = await watched();
  // The host answers 404 for the file: the article was taken off the site.
  await page.route(`**/articles/${SEED}.json`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.base + `a/${SEED}/`);
  await page.waitForSelector('#not_found_heading');
  assert.equal(await page.textContent('#not_found_heading'), 'No such article');
  assert.equal(await page.$('#story_headline'), null, 'the withdrawn story is not shown');
  assert.deepEqual(warnings.filter((w) => !/Failed to load resource|404/.test(w)), []);
  await close();
});

test('404.html, robots.txt and sitemap.xml are there for the host', async () => {
  const missing = await raw('a/no-such-article/');
  assert.equal(missing.status, 404);
  assert.match(missing.text, /Page not found/);
  assert.doesNotMatch(missing.text, /<script(?! type="application)/, 'no app to fail at an unknown depth');
  // Styled at any depth: the style sheet inline (allowed by its hash), the
  // files it names by absolute path.
  assert.match(missing.text, /style-src 'self' 'sha256-[^']+'/);
  const urls = [...missing.text.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
  assert.ok(urls.length > 0);
  for (const url of urls) {
    assert.match(url, /^\//, 'by absolute path');
    assert.equal((await raw(url.slice(1))).status, 200, url);
  }
  assert.match(missing.text, /<a href="\/" class="brand">/);

  const robots = await raw('robots.txt');
  assert.equal(robots.status, 200);
  assert.match(robots.text, /User-agent: \*/);
  assert.match(robots.text, new RegExp(`Sitemap: ${BASE_URL}sitemap.xml`));
  const sitemap = await raw('sitemap.xml');
  assert.equal(sitemap.status, 200);
  const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(locs, [BASE_URL, `${BASE_URL}a/${SEED}/`]);
});

// At the moment the islands in view have hydrated ("view-ready"): which
// islands are hydrated, whether each is in view, and whether the share
// buttons of those still waiting are hidden.
const HYDRATION_SNAPSHOT = () => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    if (name === 'view-ready') {
      const inView = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.height > 0;
      };
      window.__atViewReady = [...document.querySelectorAll('leptos-island')].map((el) => ({
        island: el.dataset.component,
        hydrated: el.classList.contains('hydrated'),
        inView: inView(el),
        hiddenShares: [...el.querySelectorAll(':scope .share')].map((b) => getComputedStyle(b).visibility === 'hidden'),
      }));
    }
    return mark(name, ...rest);
  };
};

test('islands in view hydrate first, the rest after; each control shows once its island has', async () => {
  const { page, errors, close } = await openPage(browser, { viewport: { width: 375, height: 667 } });
  await page.addInitScript(HYDRATION_SNAPSHOT);
  await page.goto(server.base + `a/${SEED}/`);
  await appReady(page);
  const snapshot = await page.evaluate(() => window.__atViewReady);
  assert.ok(snapshot?.length > 10, 'the snapshot was taken');
  const waiting = snapshot.filter((i) => !i.hydrated);
  assert.deepEqual(snapshot.filter((i) => i.inView && !i.hydrated), [], 'every island in view is hydrated first');
  assert.ok(waiting.length > 0, 'islands below the fold wait');
  assert.ok(waiting.every((i) => !i.inView));
  const waitingShares = waiting.flatMap((i) => i.hiddenShares);
  assert.ok(waitingShares.length > 0 && waitingShares.every(Boolean), 'a share button whose island waits is hidden');
  // Then every island hydrates, and its buttons show.
  assert.equal(await page.locator('leptos-island:not(.hydrated)').count(), 0);
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('.share')].every((b) => getComputedStyle(b).visibility === 'visible')));
  assert.deepEqual(errors, []);
  await close();
});

test('the first press hydrates every island left, so a filter reaches the whole story', async () => {
  const { page, errors, close } = await openPage(browser, { viewport: { width: 375, height: 667 } });
  // The browser is never idle: only the reader's press hydrates the rest.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  await page.goto(server.base + `a/${SEED}/`);
  await page.waitForFunction(() => performance.getEntriesByName('view-ready').length > 0);
  assert.ok((await page.locator('leptos-island:not(.hydrated)').count()) > 0, 'islands below the fold wait');
  await page.click('.tools__summary');
  assert.equal(await page.locator('leptos-island:not(.hydrated)').count(), 0, 'the press hydrated the rest');
  await appReady(page);
  await page.click('.topic-toggle[data-topic="snowden"]');
  await page.waitForFunction(() => document.querySelectorAll('.story-paragraph[hidden]').length > 0);
  // Paragraphs far below the fold follow the filter as on a page opened
  // with it.
  const hiddenIds = (p) => p.evaluate(() => [...document.querySelectorAll('.story-paragraph[hidden]')].map((e) => e.id));
  const clicked = await hiddenIds(page);
  const reference = await openPage(browser, { viewport: { width: 375, height: 667 } });
  await reference.page.goto(server.base + `a/${SEED}/?topics=snowden`);
  await appReady(reference.page);
  await reference.page.waitForFunction(() => document.querySelectorAll('.story-paragraph[hidden]').length > 0);
  assert.deepEqual(clicked, await hiddenIds(reference.page));
  assert.deepEqual(errors, []);
  await reference.close();
  await close();
});

test('if the app fails to load, a pre-rendered page stays a good static page', async () => {
  const { page, close } = await openPage(browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.base + `a/${SEED}/`);
  await page.waitForTimeout(1000);
  assert.deepEqual(checkSentences(seedSentences(), await storyText(page)), []);
  assert.equal(await page.locator('text=Loading').count(), 0);
  assert.equal(await page.locator('.topic-filter').isVisible(), false, 'no dead buttons');
  await close();
});

test('if the app fails to load on the client-side path, the reader gets a reload link', async () => {
  const { page, close } = await openPage(browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.base + '?article=fixture-harbour-strike');
  const reload = page.locator('.client-route-boot .boot-slow a');
  assert.ok(await page.locator('.client-route-boot').isVisible());
  assert.equal(await reload.isVisible(), false, 'not at once');
  await reload.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await reload.textContent(), 'Reload the page');
  await close();
});

test('text files have pre-compressed copies that decompress to the same bytes', async () => {
  const zlib = await import('node:zlib');
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  for (const file of [wasm, `a/${SEED}/index.html`, `articles/${SEED}.json`]) {
    const body = fs.readFileSync(path.join(DIST, file));
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${file}.gz`))), body, `${file}.gz`);
    const br = fs.readFileSync(path.join(DIST, `${file}.br`));
    assert.deepEqual(zlib.brotliDecompressSync(br), body, `${file}.br`);
    assert.ok(br.length < body.length, `${file}.br is smaller`);
  }
});
