// The floor for "headline painted": the same article as plain HTML, no
// script at all, with the viewer's own stylesheet.
const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const runs = (rs) => rs.map((r) => (r.type === 'quote' ? `<q>${escape(r.text)}</q>` : escape(r.text))).join('');

export function staticPage(article, cssHref) {
  const body = article.sections
    .map((s) => {
      const blocks = s.blocks
        .map((b) => {
          if (b.type === 'paragraph') return `<p>${runs(b.runs)}</p>`;
          if (b.type === 'media')
            return `<figure class="media"><div class="media__player"><p class="media__placeholder">${escape(b.placeholder)}</p></div><figcaption><span class="visually-hidden">Media caption, </span>${runs(b.caption)}</figcaption></figure>`;
          if (b.type === 'image')
            return `<figure class="image"><div class="image__missing" role="img" aria-label="${escape(b.alt)}"></div><figcaption><span class="visually-hidden">Image caption, </span>${runs(b.caption)}</figcaption></figure>`;
          return '';
        })
        .join('\n');
      const heading = s.heading ? `<h2>${escape(s.heading)}</h2>` : '';
      return `<section class="story-section" id="${escape(s.id)}">${heading}${blocks}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(article.headline)}</title><link rel="stylesheet" href="${cssHref}"></head>
<body><header class="masthead"><a class="brand" href="./">Newsview</a></header>
<main><div class="layout"><article class="story"><header class="story-header">
<p class="section-label">${escape(article.section)}</p>
<h1 id="story_headline" elementtiming="headline">${escape(article.headline)}</h1>
<p class="story-meta"><time datetime="${article.published}">${article.published}</time> · ${escape(article.source.name)}</p>
</header>
${body}
</article></div></main></body></html>
`;
}
