// The relationship timeline and who is who.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewerHarness, SEED_PAGE, SEED, inViewport, focused, openParagraphControl } from './harness.mjs';

const viewer = viewerHarness();
const open = (...args) => viewer.open(...args);
const WIDE = { viewport: { width: 1280, height: 800 } };



test('the timeline lists the seed events in date order, in lanes', async () => {
  const { page, errors, close } = await open(SEED_PAGE, WIDE);
  const events = await page.$$eval('section.timeline ol > li', (lis) =>
    lis.map((li) => [li.id, li.dataset.lane, li.querySelector('time')?.getAttribute('datetime') ?? null, li.querySelector('.timeline-event__date').textContent]),
  );
  assert.deepEqual(events, [
    ['event-snowden-asylum', 'right', '2013-08-01', '1 August 2013'],
    ['event-summit-cancelled', 'left', '2013-08-07', '7 August 2013'],
    ['event-washington-talks', 'joint', '2013-08-09', '9 August 2013'],
    ['event-geneva-talks', 'joint', null, 'date to be set'],
    ['event-presidents-summit', 'joint', null, 'date to be set'],
  ]);
  assert.deepEqual(
    await page.$$eval('.timeline__lanes span', (ss) => ss.map((s) => s.textContent)),
    ['United States', 'Both', 'Russia'],
  );
  // On a wide screen the lanes are columns: left, middle, right.
  const x = async (id) => (await page.locator(`#${id}`).boundingBox()).x;
  const [left, joint, right] = [await x('event-summit-cancelled'), await x('event-washington-talks'), await x('event-snowden-asylum')];
  assert.ok(left < joint && joint < right, `lanes at ${left}, ${joint}, ${right}`);
  assert.match(await page.textContent('#event-snowden-asylum .timeline-event__parties'), /Involves: Russia$/);
  assert.deepEqual(errors, []);
  await close();
});

test('activating an event shows and highlights its paragraphs', async () => {
  const { page, errors, close } = await open(SEED_PAGE, WIDE);
  const show = page.locator('#event-summit-cancelled .timeline-event__show');
  assert.equal(await show.textContent(), 'Show in the article (2 paragraphs)');
  await show.focus();
  await page.keyboard.press('Enter');
  await inViewport(page, '#p-summit-cancelled');
  await focused(page, 'p-summit-cancelled');
  const highlighted = await page.$$eval('.story-paragraph--event', (ps) => ps.map((p) => p.id));
  assert.deepEqual(highlighted, ['p-summit-cancelled', 'p-asylum']);
  // Not colour alone: a bar beside the paragraph as well.
  assert.notEqual(await page.$eval('#p-asylum', (p) => getComputedStyle(p).boxShadow), 'none');
  assert.match(await page.getAttribute('#event-summit-cancelled', 'class'), /timeline-event--active/);
  assert.equal(await page.evaluate(() => location.search), `?article=${SEED}&event=event-summit-cancelled`);
  assert.deepEqual(errors, []);
  await close();
});

test('a paragraph marker leads back to its event', async () => {
  const { page, close } = await open(SEED_PAGE, WIDE);
  const marker = (await openParagraphControl(page, 'p-tension')).locator('a.event-marker');
  assert.equal(await marker.textContent(), 'Timeline: Russia grants Edward Snowden asylum for a year, 1 August 2013');
  assert.equal(await page.locator('.para:has(#p-asylum) a.event-marker').count(), 2, 'one link per event');
  await marker.click();
  await inViewport(page, '#event-snowden-asylum');
  await focused(page, 'event-snowden-asylum');
  await close();
});

test('event links are shared and opened like quote links', async () => {
  const { page, close } = await open(SEED_PAGE, { ...WIDE, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: 'Share event: Second round of Geneva talks on Syria' }).click();
  await page.waitForSelector('#event-geneva-talks .share__done');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${viewer.server.base}?article=${SEED}&event=event-geneva-talks`);
  await close();

  // Cold, with a filter that would hide both paragraphs.
  const tab = await open(`?article=${SEED}&topics=snowden&event=event-geneva-talks`, WIDE);
  await inViewport(tab.page, '#p-geneva');
  await focused(tab.page, 'p-geneva');
  assert.deepEqual(await tab.page.$$eval('.story-paragraph--event', (ps) => ps.map((p) => p.id)), ['p-geneva', 'p-join-efforts']);
  assert.match(await tab.page.textContent('.page-notices'), /The linked event is shown even though/);
  await tab.close();

  const missing = await open(`?article=${SEED}&event=event-moon-landing`);
  assert.match(await missing.page.textContent('.page-notices'), /This event is not in the article/);
  await missing.close();
});

test('the timeline follows the topic filter', async () => {
  const { page, close } = await open(SEED_PAGE, WIDE);
  const dimmed = () => page.$$eval('.timeline-event--dimmed', (ls) => ls.map((l) => l.id));
  assert.deepEqual(await dimmed(), []);
  await page.click('.topic-toggle[data-topic="syria"]');
  assert.deepEqual(await dimmed(), ['event-snowden-asylum', 'event-summit-cancelled', 'event-washington-talks', 'event-presidents-summit']);
  assert.ok(await page.locator('#event-snowden-asylum .timeline-event__filtered').isVisible());
  assert.ok(!(await page.locator('#event-geneva-talks .timeline-event__filtered').isVisible()));
  // Adding the summit topic brings back the events its paragraphs mention.
  await page.click('.topic-toggle[data-topic="summit"]');
  assert.deepEqual(await dimmed(), ['event-washington-talks']);
  await close();
});

test('a narrow screen shows the timeline as one column', async () => {
  const { page, errors, close } = await open(SEED_PAGE, { viewport: { width: 375, height: 800 } });
  assert.ok(!(await page.locator('.timeline__lanes').isVisible()), 'no lane headings');
  const boxes = await page.$$eval('section.timeline ol > li', (lis) => lis.map((li) => li.getBoundingClientRect()).map((r) => [r.x, r.width]));
  const list = await page.$eval('section.timeline ol', (ol) => ol.getBoundingClientRect().width);
  for (const [x, width] of boxes) {
    assert.equal(x, boxes[0][0], 'every event starts at the same x');
    assert.ok(width >= list - 1, `event fills the column (${width} of ${list})`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
  assert.deepEqual(errors, []);
  await close();
});

test('the people panel pairs counterparts and counts their quotes', async () => {
  const { page, errors, close } = await open(SEED_PAGE, WIDE);
  const pairs = await page.$$eval('.people .counterparts', (cs) =>
    cs.map((c) => [c.querySelector('h3').textContent, [...c.querySelectorAll('.person__name')].map((n) => n.textContent)]),
  );
  assert.deepEqual(pairs, [
    ['Foreign ministers', ['John Kerry', 'Sergei Lavrov']],
    ['Defence ministers', ['Chuck Hagel', 'Sergei Shoigu']],
    ['Presidents', ['Barack Obama', 'Vladimir Putin']],
  ]);
  // Side by side: same row, two columns.
  const kerry = await page.locator('#person_kerry').boundingBox();
  const lavrov = await page.locator('#person_lavrov').boundingBox();
  assert.equal(kerry.y, lavrov.y);
  assert.ok(lavrov.x > kerry.x + kerry.width - 1);
  const others = await page.$$eval('.people__others .person__name', (ns) => ns.map((n) => n.textContent));
  assert.deepEqual(others, ['Edward Snowden', 'Bashar al-Assad']);
  const counts = await page.$$eval('.people .person', (ps) => Object.fromEntries(ps.map((p) => [p.dataset.person, p.querySelector('.person__quotes').textContent])));
  assert.equal(counts.kerry, '5 quotes by John Kerry');
  assert.equal(counts.lavrov, '5 quotes by Sergei Lavrov');
  assert.equal(counts.hagel, '2 quotes by Chuck Hagel');
  assert.equal(counts.shoigu, 'No direct quotes');
  assert.equal(await page.textContent('#person_shoigu .person__role'), 'Russian Defence Minister');
  await page.click('#person_hagel a.person__quotes');
  await inViewport(page, '#quotes_by_hagel h3');
  await focused(page, 'quotes_by_hagel');
  assert.equal(await page.locator('#quotes_by_hagel li').count(), 2);
  assert.deepEqual(errors, []);
  await close();
});

test('an article without a timeline has no timeline section', async () => {
  const { page, errors, close } = await open('?article=fixture-harbour-strike');
  assert.equal(await page.locator('section.timeline').count(), 0);
  assert.equal(await page.locator('a.event-marker').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('reduced motion turns off smooth scrolling and animated highlights', async () => {
  const { page, close } = await open(`?article=${SEED}&quote=kerry-collisions`, { reducedMotion: 'reduce' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
  assert.equal(await page.$eval('#kerry-collisions', (q) => getComputedStyle(q).animationName), 'none');
  await close();
  const moving = await open(`?article=${SEED}&quote=kerry-collisions`, { reducedMotion: 'no-preference' });
  assert.equal(await moving.page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
  assert.equal(await moving.page.$eval('#kerry-collisions', (q) => getComputedStyle(q).animationName), 'quote-arrive');
  await moving.close();
});
