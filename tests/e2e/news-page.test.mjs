// The page a news reader expects: the story first on a phone, the contents
// and topics folded into one bar there and beside the story on wide
// screens, and media the page cannot play shown as what it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewerHarness, appReady } from './harness.mjs';
import { SEED } from './harness.mjs';

const h = viewerHarness();
const PAGE = `a/${SEED}/`;

for (const [width, height] of [
  [320, 568],
  [375, 667],
]) {
  test(`at ${width}×${height} the headline is on the first screen and at most three tab stops come before it`, async () => {
    const { page, errors, close } = await h.open(PAGE, { viewport: { width, height } });
    const box = await page.locator('#story_headline').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= height, `headline at ${box.y}–${box.y + box.height}`);
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
    await page.locator('.tools__summary').click();
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

test('media the page cannot play is a small card with its note and caption, and prints without it', async () => {
  const { page, close } = await h.open(PAGE, { viewport: { width: 375, height: 667 } });
  const media = page.locator('figure.media');
  assert.match(await media.locator('.media__card').innerText(), /Video not included here\s+The original page said: “Media playback is unsupported on your device”/);
  const box = await media.locator('.media__card').boundingBox();
  assert.ok(box.height < 120, `card height ${box.height}`);
  // A picture without a source: its alt text in a line, no empty frame.
  const missing = page.locator('figure.image .image__missing');
  assert.match(await missing.innerText(), /^Picture not included here: Photograph from the Washington talks/);
  assert.ok((await missing.boundingBox()).height < 120);
  assert.equal(await page.locator('figure.image figcaption').isVisible(), true);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.media__card', '.image__missing', '.tools']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} does not print`);
  }
  assert.equal(await page.locator('figure.media figcaption').isVisible(), true, 'the caption prints');
  await close();
});
