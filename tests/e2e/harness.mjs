// One static server and one browser per test file, and a way to open the
// viewer at a URL and wait until it has rendered the article or an error.
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';

export const SEED = 'us-russia-talks-despite-collisions';
export const SEED_PAGE = `?article=${SEED}`;

export function viewerHarness() {
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
    h.server = await startServer();
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

/** Wait until the element with this id has focus. */
export const focused = (page, id) => page.waitForFunction((id) => document.activeElement?.id === id, id);
