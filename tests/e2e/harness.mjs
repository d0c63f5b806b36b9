// One static server and one browser per test file, and a way to open the
// viewer at a URL and wait until it has rendered the article or an error.
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';

export const SEED = 'us-russia-talks-despite-collisions';
export const SEED_PAGE = `?article=${SEED}`;

/** `serverOptions` go to `startServer` (`notFoundPage` answers a missing
 * address with the build's 404.html, as hosts do). */
export function viewerHarness(serverOptions = {}) {
  const h = {
    server: null,
    browser: null,
    /** Open `query` (relative to the site root) in a fresh browser context. */
    async open(query = '', options = {}) {
      const tab = await openPage(h.browser, options);
      await tab.page.goto(h.server.base + query);
      await tab.page.waitForSelector('#story_headline, .error-panel, .not-found, .library .library__status', {
        timeout: 30_000,
      });
      // A pre-rendered page shows its content before the app runs; what a
      // test does to it needs the app.
      await appReady(tab.page);
      return tab;
    },
  };
  before(async () => {
    h.server = await startServer(serverOptions);
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  return h;
}

/** Wait until the app runs (it marks `<html>` once hydrated or rendered). */
export const appReady = (page) =>
  page.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout: 30_000 });

/** Wait until the element is shown and wholly inside the viewport. */
export function inViewport(page, selector) {
  return page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el || !el.checkVisibility()) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    },
    selector,
    { timeout: 10_000 },
  );
}

/** Wait until the element's top is shown near the viewport's top (a
 * section taller than the screen, reached by a jump). */
export function topInViewport(page, selector) {
  return page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el || !el.checkVisibility()) return false;
      const top = el.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight / 2;
    },
    selector,
    { timeout: 10_000 },
  );
}

/** Wait until the element with this id has focus. */
export const focused = (page, id) => page.waitForFunction((id) => document.activeElement?.id === id, id);

/** A paragraph's control (its quotes to share, its timeline events),
 * opened: the controls stand outside the text, one per paragraph. `id` is
 * the paragraph's or a quote's in it. Returns the opened menu. */
export async function openParagraphControl(page, id) {
  const para = page.locator(`.para:has(#${id})`);
  const details = para.locator('.para-tools');
  if (!(await details.evaluate((d) => d.open))) await para.locator('.para-tools__toggle').click();
  return para.locator('.para-tools__menu');
}

/** The share button of the quote with this id, its paragraph's control
 * opened; `.share` around it holds what sharing said. */
export async function quoteShare(page, id) {
  const menu = await openParagraphControl(page, id);
  const button = menu.locator(`.share__button[data-quote="${id}"]`);
  return { button, share: menu.locator(`.share:has(> .share__button[data-quote="${id}"])`) };
}
