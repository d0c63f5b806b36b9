use std::sync::Arc;

use article::Loaded;
use leptos::prelude::*;

use crate::components::{
    ArticleSection, Headline, PeopleList, ProblemsNotice, RelatedLinks, TableOfContents,
};
use crate::glue;

/// Page-wide data for components deep in the tree (a quote needs its
/// speaker's name), so it is not threaded through every component.
#[derive(Clone)]
pub struct ArticleContext(pub Arc<Loaded>);

/// One article: table of contents, the story, and who is who.
#[component]
pub fn ArticlePage(loaded: Arc<Loaded>) -> impl IntoView {
    provide_context(ArticleContext(loaded.clone()));
    let a = &loaded.article;
    glue::set_title(&format!("{} - {}", a.headline, a.source.name));
    // Runs after this view is in the document, so `#section` links opened
    // cold land on their target.
    Effect::new(move |_| request_animation_frame(glue::scroll_to_fragment));

    view! {
        <div class="layout">
            <TableOfContents sections=a.sections.clone() />
            <article class="story" lang=a.language.clone() aria-labelledby="story_headline">
                <Headline article=loaded.clone() />
                <ProblemsNotice problems=loaded.warnings.clone() />
                {a
                    .sections
                    .iter()
                    .map(|section| view! { <ArticleSection section=section.clone() /> })
                    .collect_view()}
                {a.related.clone().map(|related| view! { <RelatedLinks related /> })}
            </article>
            <PeopleList article=loaded.clone() />
        </div>
    }
}
