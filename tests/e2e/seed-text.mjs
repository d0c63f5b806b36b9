// The seed's sentences, read from the plain-text copy in tests/fixtures, and
// the normalisation both sides go through before comparing.
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './server.mjs';

// Quotation marks are markup in the viewer (<q> adds them), so both sides
// drop them; white space is folded.
export const normalise = (s) => s.replace(/["'“”‘’]/g, '').replace(/\s+/g, ' ').trim();

// Page furniture the seed glues to the caption text ("Media captionUS ...").
const LABEL = /^(Media caption|Image caption)\s*/;

export function seedSentences() {
  const text = fs.readFileSync(path.join(repo, 'tests/fixtures/seed.txt'), 'utf8');
  // A related-links heading whose links the copy lost is not shown (the page
  // leaves out an empty "More on this story"), so it is not expected.
  const article = JSON.parse(fs.readFileSync(path.join(repo, 'public/articles/us-russia-talks-despite-collisions.json'), 'utf8'));
  const unshown = new Set();
  if (article.related && article.related.links.length === 0) unshown.add(normalise(article.related.heading));
  // What the original showed in place of a player it had is kept in the
  // data, not shown: the caption stands for the media.
  for (const s of article.sections) for (const b of s.blocks) if (b.type === 'media') unshown.add(normalise(b.placeholder));
  const units = [];
  for (let line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const label = line.match(LABEL);
    if (label) {
      units.push(label[1]);
      line = line.slice(label[0].length);
    }
    // A sentence ends at . ! or ? (perhaps inside closing quotes) before a
    // capital letter (perhaps after opening quotes).
    for (const s of line.split(/(?<=[.!?]["'”’]*)\s+(?=["'“‘]*[A-Z])/)) units.push(normalise(s));
  }
  return units.filter((u) => u && !unshown.has(u));
}

/** Where each sentence occurs in `text`: every one exactly once, in order. */
export function checkSentences(sentences, text) {
  const hay = normalise(text);
  const problems = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const first = hay.indexOf(sentence);
    if (first === -1) {
      problems.push(`missing: ${sentence}`);
      continue;
    }
    if (hay.indexOf(sentence, first + 1) !== -1) problems.push(`more than once: ${sentence}`);
    if (first < cursor) problems.push(`out of order: ${sentence}`);
    cursor = Math.max(cursor, first + sentence.length);
  }
  return problems;
}

/** Sections off screen are not rendered until they near the viewport
 * (`content-visibility: auto`), and `innerText` reads rendered text only:
 * render them all before reading the page as a reader would. */
export const renderAll = (page) =>
  page.evaluate(() =>
    document.querySelectorAll('.story__body .story-section').forEach((s) => {
      s.style.contentVisibility = 'visible';
    }),
  );

/** The story as read: its header and its text (not the contents list,
 * which repeats the subheadings). */
export async function storyText(page) {
  await renderAll(page);
  return page.evaluate(() => ['.story-header', '.story__body'].map((s) => document.querySelector(s).innerText).join('\n'));
}
