// Hostile input: text that looks like markup, links that are not web
// addresses, crafted URLs, failing fetches, and the Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, repo } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { SEED, SEED_PAGE } from './harness.mjs';

export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "'><iframe src=javascript:window.__pwned=1>",
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '&lt;b&gt;entity&lt;/b&gt; &amp;amp; &#60;i&#62;',
  '</title><script>window.__pwned=1</script>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '{{constructor.constructor("window.__pwned=1")()}} ${7*7}',
  '\u202Eevil\u202C and zero\u200Bwidth\u200D\uFEFF text',
  'A'.repeat(100_000) + '<script>window.__pwned=1</script>',
  // Addresses that lie about where they go, or reach another site from a
  // path, once the browser has read them (round two).
  'http://user:pass@example.org/',
  'https://www.example.com@other.example/',
  '\u3000https://other.example/',
  '\\\\other.example/x',
  '/\\other.example/x',
  '/\t/other.example/x',
  'http://example.org/a.png',
  // Text that tries the layout and the direction of the page around it.
  'e' + Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x300 + (i % 0x70))).join('') + ' zalgo',
  '\u202Eleft open override',
  'W'.repeat(2_000),
];

/** The seed with `payload` in every string field that is text (ids stay ids). */
export function hostile(payload, n) {
  const a = JSON.parse(fs.readFileSync(path.join(repo, 'public/articles', `${SEED}.json`), 'utf8'));
  a.id = `hostile-${n}`;
  a.section = payload;
  a.headline = payload;
  a.summary = payload;
  a.source = { name: payload, url: payload };
  for (const p of a.parties) p.name = payload;
  for (const p of a.people) Object.assign(p, { name: payload, role: payload });
  for (const c of a.counterparts) c.label = payload;
  for (const t of a.topics) t.label = payload;
  const runs = (rs) => rs.forEach((r) => (r.text = payload));
  for (const s of a.sections) {
    if (s.heading) s.heading = payload;
    for (const b of s.blocks) {
      if (b.runs) runs(b.runs);
      if (b.caption) runs(b.caption);
      if (b.placeholder) b.placeholder = payload;
      if (b.alt) b.alt = payload;
      if (b.type === 'image') b.src = payload;
    }
  }
  a.related = { heading: payload, links: [{ title: payload, url: payload }, { title: 'fine', url: 'https://example.org/ok' }] };
  for (const e of a.timeline) e.title = payload;
  return a;
}

let server;
let browser;
let dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  fs.mkdirSync(path.join(dir, 'articles'));
  PAYLOADS.forEach((p, n) => fs.writeFileSync(path.join(dir, 'articles', `hostile-${n}.json`), JSON.stringify(hostile(p, n))));
  // The seed under another file name, and the seed saved as UTF-16.
  const seedText = fs.readFileSync(path.join(repo, 'public/articles', `${SEED}.json`), 'utf8');
  fs.writeFileSync(path.join(dir, 'articles', 'renamed.json'), seedText);
  // The seed marked as Arabic.
  fs.writeFileSync(path.join(dir, 'articles', 'rtl.json'), JSON.stringify({ ...JSON.parse(seedText), id: 'rtl', language: 'ar' }));
  // The seed with its ids taken from the page's own words.
  const taken = JSON.parse(seedText);
  taken.id = 'page-ids';
  const names = ['app', 'boot', 'announcer', 'page', 'main', 'content', 'top'];
  taken.sections.forEach((s, i) => (s.id = names[i % names.length] + (i >= names.length ? `-${i}` : '')));
  const unknown = taken.people[0].id;
  taken.people[0].id = 'unknown';
  const rename = (v) => (v === unknown ? 'unknown' : v);
  for (const s of taken.sections) for (const b of s.blocks) for (const r of b.runs ?? b.caption ?? []) if (r.speaker) r.speaker = rename(r.speaker);
  for (const c of taken.counterparts) c.people = c.people.map(rename);
  fs.writeFileSync(path.join(dir, 'articles', 'page-ids.json'), JSON.stringify(taken));
  // The seed with a right-to-left override left open at the start of every
  // name the page puts among its own words.
  const turned = JSON.parse(seedText);
  turned.id = 'bidi';
  const open = (t) => `\u202E${t}`;
  for (const t of turned.topics) t.label = open(t.label);
  for (const p of turned.parties) p.name = open(p.name);
  for (const p of turned.people) p.name = open(p.name);
  for (const e of turned.timeline) e.title = open(e.title);
  fs.writeFileSync(path.join(dir, 'articles', 'bidi.json'), JSON.stringify(turned));
  // The seed's image three times: on the site, on the host the build names
  // (NEWSVIEW_IMAGE_HOSTS in scripts/test.sh), and on some other host.
  const pictured = JSON.parse(seedText);
  pictured.id = 'pictures';
  const section = pictured.sections.find((s) => s.blocks.some((b) => b.type === 'image'));
  const at = section.blocks.findIndex((b) => b.type === 'image');
  const image = section.blocks[at];
  section.blocks.splice(
    at,
    1,
    { ...image, id: 'on-site', src: 'favicon.svg' },
    { ...image, id: 'on-cdn', src: 'https://images.example.net/a.jpg' },
    { ...image, id: 'elsewhere', src: 'https://other.example/b.jpg', alt: 'The talks in Washington' },
  );
  fs.writeFileSync(path.join(dir, 'articles', 'pictures.json'), JSON.stringify(pictured));
  fs.writeFileSync(path.join(dir, 'articles', 'utf-sixteen.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]));
  server = await startServer({ roots: [path.join(repo, 'dist'), path.join(repo, 'tests/fixtures'), dir] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A page that records dialogs and CSP violations from the very start. */
async function guarded(query, options = {}) {
  const tab = await openPage(browser, options);
  const dialogs = [];
  tab.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await tab.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await tab.page.goto(server.base + query);
  await tab.page.waitForSelector('#story_headline, .error-panel, .not-found, .library__status', { timeout: 30_000 });
  return { ...tab, dialogs };
}

test('the page runs under a strict Content-Security-Policy with no violations', async () => {
  const { page, errors, dialogs, close } = await guarded(SEED_PAGE);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  for (const part of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(policy.includes(part), `policy has ${part}: ${policy}`);
  }
  assert.ok(!/unsafe-inline/.test(policy));
  // Every inline script (the app's start-up script; on the home page, the
  // line that spots an old ?article= link) and the inline style sheet are
  // allowed by their own hashes, each in its own directive, and nothing else.
  const hashes = (selector) =>
    page.evaluate(async (selector) => {
      const elements = [...document.querySelectorAll(selector)];
      return Promise.all(
        elements.map(async (s) => {
          const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s.textContent));
          return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
        }),
      );
    }, selector);
  const allowed = (directive) => (policy.split(';').find((d) => d.trim().startsWith(directive)).match(/'sha256-[^']+'/g) ?? []).sort();
  const scripts = await hashes('script:not([src]):not([type="application/ld+json"])');
  const styles = await hashes('style');
  assert.ok(scripts.length >= 1 && styles.length === 1);
  assert.deepEqual(allowed('script-src'), [...scripts].sort());
  assert.deepEqual(allowed('style-src'), [...styles].sort());
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length), 0);
  await page.click('.topic-toggle');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // The policy is in force: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.appendChild(s);
    return window.__injected === true;
  });
  assert.equal(ran, false);
  await page.waitForFunction(() => window.__violations.length === 1);
  assert.match((await page.evaluate(() => window.__violations))[0], /^script-src/);
  // Nor does an injected style sheet apply.
  const styled = await page.evaluate(() => {
    const s = document.createElement('style');
    s.textContent = 'body { margin-left: 77px }';
    document.head.appendChild(s);
    return getComputedStyle(document.body).marginLeft;
  });
  assert.notEqual(styled, '77px');
  await page.waitForFunction(() => window.__violations.length === 2);
  assert.match((await page.evaluate(() => window.__violations))[1], /^style-src/);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await close();
});

for (const [n, payload] of PAYLOADS.entries()) {
  test(`hostile text ${n} stays text: ${JSON.stringify(payload.slice(0, 40))}`, async () => {
    const { page, dialogs, close } = await guarded(`?article=hostile-${n}`);
    // Give any injected handler its chance: render, hover nothing, click a topic and a quote link.
    await page.click('.topic-toggle');
    await page.click('.topic-toggle');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => location.search), `?article=hostile-${n}`, 'no navigation');
    assert.equal(await page.textContent('#story_headline'), payload, 'the headline is the text, as written');
    assert.equal(await page.textContent('.section-label'), payload);
    assert.equal(await page.textContent('#p-collisions q'), payload);
    assert.equal(await page.locator('article iframe, article script, article object, article svg:not([aria-hidden])').count(), 0);
    // An image whose src is this text is only an address (relative paths are allowed), set as an attribute.
    const imgs = await page.$$eval('article img', (is) => is.map((i) => [...i.attributes].map((a) => a.name).sort().join(',')));
    assert.ok(imgs.every((names) => names === 'alt,loading,src'), imgs.join(' | '));
    // Only http and https addresses became links, and none from data leads
    // to another site but the one honest link beside the payload. (The
    // footer is the site's, from its settings: a mail address may be there.)
    const hrefs = await page.$$eval('a[href]:not(.site-footer a)', (as) => as.map((a) => a.href));
    assert.ok(hrefs.every((h) => ['http:', 'https:'].includes(new URL(h).protocol)), hrefs.join(' '));
    const origin = new URL(page.url()).origin;
    // (A payload that is itself a plain http(s) address, as the browser
    // reads it, may be a link.)
    const plain = URL.canParse(payload) && ['http:', 'https:'].includes(new URL(payload).protocol) && !new URL(payload).username && !new URL(payload).password;
    const away = hrefs.filter((h) => new URL(h).origin !== origin && !(plain && h === new URL(payload).href));
    assert.deepEqual(away, ['https://example.org/ok']);
    // Images come from the site itself or over https, never another site by a path.
    const srcs = await page.$$eval('article img', (is) => is.map((i) => i.src));
    assert.ok(srcs.every((s) => new URL(s).origin === origin || s.startsWith('https://')), srcs.join(' '));
    assert.deepEqual(
      await page.$$eval('.related a', (as) => as.map((a) => a.href)),
      plain ? [new URL(payload).href, 'https://example.org/ok'] : ['https://example.org/ok'],
    );
    // The tab title is the headline, less bidi controls that would reverse it.
    const bidi = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
    assert.equal(
      await page.evaluate((re) => document.title.startsWith(document.getElementById('story_headline').textContent.replace(new RegExp(re, 'g'), '').replace(/\s+/g, ' ').trim().slice(0, 20)), bidi.source),
      true,
    );
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // However long or heavily marked, text never widens the page.
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `page width at ${width}`);
    }
    await close();
  });
}

test("a right-to-left override left open in data turns none of the page's own words", async () => {
  const { page, close } = await guarded('?article=bidi&topics=nope');
  await page.waitForSelector('#story_headline');
  // Each topic's count follows its label, each party's "and" follows the party.
  const order = await page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const buttons = [...document.querySelectorAll('.topic-toggle')].map((b) => box(b.querySelector('.topic-toggle__label')).right <= box(b.querySelector('.topic-toggle__count')).left + 1);
    const parties = [...document.querySelectorAll('.timeline-event__parties')].filter((p) => p.querySelectorAll('span:not(.visually-hidden)').length === 2).map((p) => {
      const [a, b] = p.querySelectorAll('span:not(.visually-hidden)');
      return box(a).right <= box(b).left + 1;
    });
    return { buttons, parties };
  });
  assert.ok(order.buttons.length > 0 && order.buttons.every(Boolean), JSON.stringify(order.buttons));
  assert.ok(order.parties.length > 0 && order.parties.every(Boolean), JSON.stringify(order.parties));
  // Plain-text sinks (labels, the tab title) carry no direction controls.
  const controls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const labels = await page.$$eval('[aria-label], [title]', (els) => els.map((e) => (e.getAttribute('aria-label') ?? '') + (e.getAttribute('title') ?? '')));
  assert.ok(labels.length > 0 && labels.every((l) => !controls.test(l)), labels.filter((l) => controls.test(l)).join(' | '));
  assert.ok(!controls.test(await page.title()));
  // The data itself keeps its characters: text is shown as written.
  assert.ok((await page.textContent('.topic-toggle__label')).startsWith('\u202E'));
  await close();
});

test('images load from the site and the hosts the build names; another host gets a link, never a policy violation', async () => {
  const { page, close } = await guarded('?article=pictures');
  await page.waitForSelector('#story_headline');
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /img-src 'self' https:\/\/images\.example\.net;/);
  const srcs = await page.$$eval('article img', (is) => is.map((i) => i.getAttribute('src')));
  assert.ok(srcs.some((s) => s.endsWith('favicon.svg')), srcs.join(' '));
  assert.ok(srcs.includes('https://images.example.net/a.jpg'));
  assert.ok(!srcs.some((s) => s.includes('other.example')));
  const link = page.locator('#elsewhere .image__elsewhere a');
  assert.equal(await link.getAttribute('href'), 'https://other.example/b.jpg');
  assert.equal((await link.textContent()).trim(), 'The talks in Washington (other.example)');
  // The caption stays with it.
  assert.ok((await page.textContent('#elsewhere figcaption')).length > 10);
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await close();
});

test("an article using the page's own words for its ids leaves every id on the page unique", async () => {
  const { page, close } = await guarded('?article=page-ids', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.waitForSelector('#story_headline');
  const dupes = await page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  assert.deepEqual(dupes, []);
  // The page's regions keep their names, and the announcer still speaks.
  assert.equal(await page.locator('#app, #boot, #announcer').count(), 3, 'the article has them as section ids');
  assert.equal(await page.getByRole('region', { name: 'Timeline' }).count(), 1);
  await page.locator('.story .share button').first().click();
  await page.waitForFunction(() => document.getElementById('page_announcer').textContent === 'Link copied');
  await close();
});

test('an article in a right-to-left language is laid out right to left, the page around it is not', async () => {
  const { page, close } = await guarded('?article=rtl');
  await page.waitForSelector('#story_headline');
  const story = page.locator('article.story');
  assert.equal(await story.getAttribute('lang'), 'ar');
  assert.equal(await story.getAttribute('dir'), 'rtl');
  const [storyDir, pageDir, labelLeft, labelRight, storyLeft, storyRight] = await page.evaluate(() => {
    // Where the section label's text sits (not its block, which is full width).
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.section-label'));
    const t = range.getBoundingClientRect();
    const s = document.querySelector('.story__body').getBoundingClientRect();
    return [getComputedStyle(document.querySelector('article.story')).direction, getComputedStyle(document.querySelector('.masthead')).direction, t.left, t.right, s.left, s.right];
  });
  assert.deepEqual([storyDir, pageDir], ['rtl', 'ltr']);
  // The short label sits at the story's right edge, far from its left.
  assert.ok(Math.abs(labelRight - storyRight) < 2, `${labelRight} vs ${storyRight}`);
  assert.ok(labelLeft - storyLeft > 100, `${labelLeft} vs ${storyLeft}`);
  // The article's words keep their direction in the panels around it.
  const directions = await page.evaluate(() => ({
    timeline: getComputedStyle(document.querySelector('#timeline_heading')).direction,
    titles: [...document.querySelectorAll('.timeline-event__title, .quotes-panel q, .person__name, .toc a, .topic-toggle__label')].map((e) => getComputedStyle(e).direction),
  }));
  assert.equal(directions.timeline, 'ltr');
  assert.ok(directions.titles.length > 10 && directions.titles.every((d) => d === 'rtl'), JSON.stringify(directions.titles));
  // Focus follows reading order: what sits on one line is reached right to
  // left, as it is read, and Tab goes through the story in that order.
  const stops = await page.evaluate(() =>
    [...document.querySelectorAll('.story-header :is(a[href], button), .story__body :is(a[href], button, summary)')]
      // (What a closed disclosure holds is not shown, nor a tab stop.)
      .filter((e) => e.getClientRects().length && e.checkVisibility({ visibilityProperty: true }))
      .map((e, i) => {
        e.dataset.stop = String(i);
        const r = e.getClientRects()[0];
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      }),
  );
  assert.ok(stops.length > 5);
  let sameLine = 0;
  for (let i = 1; i < stops.length; i++) {
    // On one line: their boxes overlap vertically.
    if (stops[i].top < stops[i - 1].bottom && stops[i - 1].top < stops[i].bottom) {
      sameLine++;
      assert.ok(stops[i].right <= stops[i - 1].left + 1, `stop ${i} is left of stop ${i - 1}: ${JSON.stringify([stops[i - 1], stops[i]])}`);
    } else {
      assert.ok(stops[i].top > stops[i - 1].top, `stop ${i} is below stop ${i - 1}`);
    }
  }
  // (Controls no longer sit inside sentences, so few stops share a line;
  // where some do, the loop above checks their order.)
  void sameLine;
  // (Tab also passes the contents and topics between header and text.)
  await page.focus('[data-stop="0"]');
  const reached = [];
  for (let n = 0; n < 40 && reached.length < 6; n++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => document.activeElement.dataset.stop);
    if (stop !== undefined) reached.push(Number(stop));
  }
  assert.deepEqual(reached, [1, 2, 3, 4, 5, 6]);
  await close();
});

test('a file whose id is not its name, or that is not UTF-8, says so', async () => {
  for (const [slug, message] of [
    ['renamed', /articles\/renamed\.json:\s*id: "us-russia-talks-despite-collisions" differs from the file name "renamed\.json"/],
    ['utf-sixteen', /articles\/utf-sixteen\.json:\s*this file is not UTF-8 \(it looks like UTF-16\); save it as UTF-8/],
  ]) {
    const { page, close } = await guarded(`?article=${slug}`);
    const panel = page.locator('.error-panel[role="alert"]');
    await panel.waitFor();
    assert.match(await panel.textContent(), message);
    // The rest of the page still works.
    assert.equal(await page.textContent('.masthead .brand'), 'Newsview');
    await close();
  }
});

test('crafted addresses give notices and never break the page', async () => {
  const weird = [
    `${SEED_PAGE}&topics=%00,%E0%A4%A,..%2F..%2Fetc,${'x'.repeat(3000)}&quote=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
    `${SEED_PAGE}&topics=${'syria,'.repeat(2000)}&event=%F0%9F%92%A5`,
    `?article=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    `?article=us-russia-talks-despite-collisions%00`,
    `?q=${encodeURIComponent('<script>alert(1)</script>')}&section=%FF&page=-5`,
    `?${'a='.repeat(5000)}`,
  ];
  for (const q of weird) {
    const { page, dialogs, close } = await guarded(q);
    assert.deepEqual(dialogs, [], q);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const text = await page.textContent('main');
    assert.ok(text.length > 0, `something is shown for ${q.slice(0, 60)}`);
    await close();
  }
  const { page, close } = await guarded(weird[0]);
  const notices = await page.textContent('.page-notices');
  assert.match(notices, /ignored/);
  assert.match(notices, /This quote is not in the article \(the link asked for "<script>alert\(1\)<\/script>"\)/);
  assert.ok(notices.length < 1000, 'echoed address text is shortened');
  await close();
});

test('a dropped connection or a body that is not JSON shows a panel, and retry works', async () => {
  server.fail('/articles/fixture-harbour-strike.json', 'drop');
  let tab = await guarded('?article=fixture-harbour-strike');
  assert.match(await tab.page.textContent('.error-panel'), /articles\/fixture-harbour-strike\.json.*could not be (fetched|read)/s);
  await tab.page.getByRole('button', { name: 'Try again' }).click();
  await tab.page.waitForSelector('#story_headline');
  await tab.close();
  tab = await guarded('?article=fixture-not-json');
  assert.match(await tab.page.textContent('.error-panel'), /articles\/fixture-not-json\.json.*expected value \(line 1, column 1\)/s);
  assert.equal(await tab.page.textContent('.masthead .brand'), 'Newsview');
  await tab.close();
});
