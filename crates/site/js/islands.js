if (await bindings.page_is_current()) {
// Every island in document order, with what enters the children of the
// island around it (the callback its `<leptos-children>` carries once that
// island has hydrated): an island always hydrates after its ancestors.
const islands = [];
const find = (node, enter, parent) => {
  for (const el of node.children) {
    if (el.localName === 'leptos-island') {
      const island = { el, enter, parent };
      islands.push(island);
      find(el, enter, island);
    } else if (el.localName === 'leptos-children') {
      find(el, () => (el.$$on_hydrate || enter || (() => {}))(), parent);
    } else {
      find(el, enter, parent);
    }
  }
};
find(document.body, null, null);
const hydrate = (island) => {
  if (island.done) return;
  if (island.parent) hydrate(island.parent);
  island.done = true;
  if (island.enter) island.enter();
  const run = bindings[island.el.dataset.component];
  if (run) run(island.el); else console.error('newsview: no island ' + island.el.dataset.component);
  // Its controls show from now on (the style sheet hides them until then).
  island.el.classList.add('hydrated');
};
// What the reader sees or has focused first. An island has no box of its
// own: its extent runs from the top of its first drawn element to the
// bottom of its last. (A range over all its contents measured every line
// of a long article once per island that holds it: seconds.)
const edge = (el, last) => {
  for (let k = last ? el.lastElementChild : el.firstElementChild; k;
    k = last ? k.previousElementSibling : k.nextElementSibling) {
    const r = k.getBoundingClientRect();
    if (r.width || r.height) return r;
    const inner = edge(k, last);
    if (inner) return inner;
  }
  return null;
};
const extent = (el) => {
  if (!el.firstElementChild) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return r.height > 0 ? { top: r.top, bottom: r.bottom } : null;
  }
  const first = edge(el, false);
  return first && { top: first.top, bottom: edge(el, true).bottom };
};
// A section off screen is not laid out (main.css: content-visibility), and
// measuring anything in it would lay it out: its own box answers for
// everything inside it, once.
const inView = (r) => r !== null && r.bottom > 0 && r.top < innerHeight;
const sections = new Map();
const sectionInView = (section) => {
  if (!sections.has(section)) sections.set(section, inView(section.getBoundingClientRect()));
  return sections.get(section);
};
const seen = (el) => {
  if (el.contains(document.activeElement)) return true;
  const section = el.parentElement && el.parentElement.closest('.story-section');
  return (!section || sectionInView(section)) && inView(extent(el));
};
islands.filter((i) => seen(i.el)).forEach(hydrate);
bindings.view_hydrated();
// The rest when the browser is idle, a few at a time. The reader's first
// press or key hydrates whatever is left at once, before the control it
// reaches acts: every island then starts from the same state.
const rest = islands.filter((i) => !i.done);
let next = 0;
let finished = false;
const finish = () => {
  if (finished) return;
  finished = true;
  rest.forEach(hydrate);
  removeEventListener('pointerdown', finish, true);
  removeEventListener('keydown', finish, true);
  bindings.islands_hydrated();
};
addEventListener('pointerdown', finish, true);
addEventListener('keydown', finish, true);
const idle = globalThis.requestIdleCallback
  ? (go) => requestIdleCallback(go, { timeout: 200 })
  : (go) => setTimeout(() => { const end = performance.now() + 8; go({ timeRemaining: () => end - performance.now() }); }, 1);
const slice = (deadline) => {
  if (finished) return;
  // At least one each time, so a browser that is never idle still gets
  // there. A cursor, not shift(): shifting a long list is itself slow.
  while (next < rest.length) {
    hydrate(rest[next++]);
    if (deadline.timeRemaining() <= 1) break;
  }
  if (next < rest.length) idle(slice); else finish();
};
idle(slice);
} else {
const app = await import('./{app_js}');
await app.default({ module_or_path: './{app_wasm}' });
}
