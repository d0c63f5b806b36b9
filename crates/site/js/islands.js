if (await bindings.page_is_current()) {
const hydrate = (node, enter) => {
  for (const el of node.children) {
    if (el.localName === 'leptos-island') {
      if (enter) enter();
      const island = bindings[el.dataset.component];
      if (island) island(el); else console.error('newsview: no island ' + el.dataset.component);
      hydrate(el, enter);
    } else {
      hydrate(el, (el.localName === 'leptos-children' && el.$$on_hydrate) || enter);
    }
  }
};
hydrate(document.body);
bindings.islands_hydrated();
} else {
const app = await import('./{app_js}');
await app.default({ module_or_path: './{app_wasm}' });
}
