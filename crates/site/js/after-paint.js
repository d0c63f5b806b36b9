await new Promise((go) => { const t = setTimeout(go, 3000); new PerformanceObserver((l, o) => { if (l.getEntriesByName('first-contentful-paint').length) { o.disconnect(); clearTimeout(t); setTimeout(go, 0); } }).observe({ type: 'paint', buffered: true }); });
const bindings = await import('{module}');
const init = bindings.default;
