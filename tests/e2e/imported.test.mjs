// Articles as the importer writes them from copied pages: a social post, an
// analysis box, a quote that runs over two paragraphs, organisations that
// speak. The JSON is the importer's own output for two of its fixtures
// (tests/fixtures/import/*.txt), served beside dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewerHarness, openParagraphControl } from './harness.mjs';

const viewer = viewerHarness();
const open = (...args) => viewer.open(...args);
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

test('an article copied with a byline and no date shows the byline and no date', async () => {
  const { page, errors, close } = await open('?article=fixture-tech-startup');
  assert.equal(await page.textContent('.story-header .section-label'), 'Technology');
  assert.equal(await page.textContent('.story-meta .byline'), 'By Laura Finch, Technology correspondent');
  assert.equal(await page.locator('.story-header time').count(), 0);
  assert.match((await page.textContent('.story-meta')).replace(/\s+/g, ' '), /^By Laura Finch, Technology correspondent · Source: Test Gazette$/);
  assert.deepEqual(errors, []);
  await close();
});

test('a social post is a quoted figure naming its author, with no link it was not given', async () => {
  const { page, errors, close } = await open('?article=fixture-tech-startup');
  const post = page.locator('article figure.post');
  assert.equal(await post.count(), 1);
  assert.match(await post.locator('blockquote').textContent(), /^Huge news for Sheffield\. .*whole team$/);
  assert.equal((await post.locator('figcaption').textContent()).replace(/\s+/g, ' '), 'Twitter post by Sara Ahmed (@ahmedsara) · 9 May 2024');
  assert.equal(await post.locator('time').getAttribute('datetime'), '2024-05-09');
  assert.equal(await post.locator('a').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('an analysis box is set apart with its title and byline, and the contents list names it', async () => {
  const { page, errors, close } = await open('?article=fixture-tech-startup');
  const box = page.locator('section.analysis');
  assert.equal(await box.count(), 1);
  assert.equal(await box.locator('h2').textContent(), 'Why sodium matters');
  assert.equal(await box.getAttribute('aria-labelledby'), `heading_${await box.getAttribute('id')}`);
  assert.equal(await box.locator('.analysis__label').textContent(), 'Analysis');
  assert.equal(await box.locator('.analysis__byline').textContent(), 'By Laura Finch, technology correspondent');
  assert.equal(await box.locator('p.story-paragraph').count(), 3);
  // Set apart: its own background, unlike the story's sections.
  const [boxBg, storyBg] = await page.evaluate(() => [
    getComputedStyle(document.querySelector('section.analysis')).backgroundColor,
    getComputedStyle(document.querySelector('section.story-section:not(.analysis)')).backgroundColor,
  ]);
  assert.notEqual(boxBg, storyBg);
  assert.match(await page.textContent('.toc'), /Why sodium matters/);
  assert.deepEqual(errors, []);
  await close();
});

test('a quote over two paragraphs is shared by its first part and highlighted whole', async () => {
  const { page, errors, close } = await open('?article=fixture-hospital-report', CLIPBOARD);
  const first = 'cole-we-found-patients-waiting';
  const second = 'cole-some-of-the-nurses';
  assert.equal(await page.locator(`#${first}`).getAttribute('data-speaker'), 'cole');
  assert.equal(await page.locator(`#${second}`).getAttribute('data-speaker'), 'cole');
  // The second part's paragraph shares the quote whole: the first part's link.
  const menu = await openParagraphControl(page, second);
  await menu.locator(`.share__button[data-quote="${first}"]`).click();
  await menu.locator('.share__done').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, new RegExp(`[?&]quote=${first}$`));
  // Opening that link highlights both parts.
  const tab = await open(copied.slice(viewer.server.base.length));
  await tab.page.waitForSelector(`#${first}.quote--target`);
  assert.deepEqual(
    await tab.page.$$eval('.story .quote--target', (qs) => qs.map((q) => q.id)),
    [first, second],
  );
  await tab.close();
  assert.deepEqual(errors, []);
  await close();
});

test('organisations speak: listed with the people and named on their quotes', async () => {
  const { page, errors, close } = await open('?article=fixture-hospital-report');
  const trust = 'worcestershire-acute-hospitals-nhs';
  const quote = page.locator(`.story q[data-speaker="${trust}"]`);
  assert.equal(await quote.count(), 1);
  assert.equal(await quote.getAttribute('title'), 'Worcestershire Acute Hospitals NHS Trust');
  assert.equal(await quote.getAttribute('cite'), `#person_${trust}`);
  assert.match(await page.textContent(`#person_${trust}`), /Worcestershire Acute Hospitals NHS Trust\s*Organisation/);
  assert.deepEqual(errors, []);
  await close();
});

test('printed, the post and the analysis box keep a frame and the text', async () => {
  const { page, errors, close } = await open('?article=fixture-tech-startup');
  await page.emulateMedia({ media: 'print' });
  const styles = await page.evaluate(() =>
    ['.post', 'section.analysis'].map((sel) => {
      const s = getComputedStyle(document.querySelector(sel));
      return [s.display, s.borderTopStyle, s.breakInside];
    }),
  );
  assert.deepEqual(styles, [
    ['block', 'solid', 'avoid'],
    ['block', 'solid', 'avoid'],
  ]);
  assert.deepEqual(errors, []);
  await close();
});
