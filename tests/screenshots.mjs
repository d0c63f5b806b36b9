// The screenshots in docs/screenshots/ (shown in the README): each page
// kind at 375 and 1280 px, light and dark, from a release build in dist/.
// Run after `bash scripts/test.sh` (or a release build): node screenshots.mjs
import path from 'node:path';
import { startServer, repo } from './e2e/server.mjs';
import { launch, openPage } from './e2e/browser.mjs';

const PAGES = [
  ['article', 'a/us-russia-talks-despite-collisions/'],
  ['quote', 'a/us-russia-talks-despite-collisions/q/kerry-collisions/'],
  ['home', ''],
  ['not-found', 'no/such/page/'],
];
const out = path.join(repo, 'docs/screenshots');
const server = await startServer({ notFoundPage: true });
const browser = await launch();
try {
  for (const [name, address] of PAGES) {
    for (const [width, height] of [[375, 667], [1280, 800]]) {
      for (const scheme of ['light', 'dark']) {
        const { page, close } = await openPage(browser, { viewport: { width, height }, colorScheme: scheme });
        await page.goto(server.base + address);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(500);
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(path.relative(repo, file));
        await close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
