use std::sync::Arc;

use article::Loaded;
use leptos::prelude::*;

use article::filter::Target;

use crate::components::{
    ArticleSection, Headline, PageNotices, PeopleList, ProblemsNotice, QuotesPanel, RelatedLinks,
    TableOfContents, Timeline, TopicFilter,
};
use crate::glue;
use crate::state::ArticleState;

/// One article: contents and filter, the story, then quotes and people.
#[component]
pub fn ArticlePage(loaded: Arc<Loaded>) -> impl IntoView {
    let state = ArticleState::from_url(loaded.clone());
    provide_context(state.clone());
    let a = &loaded.article;
    glue::set_title(&format!("{} - {}", a.headline, a.source.name));

    // The address follows the view, replacing the entry rather than adding one.
    {
        let state = state.clone();
        Effect::new(move |_| glue::replace_query(&state.query()));
    }
    // A quote or event to show (from a link, the quotes panel or the
    // timeline) is brought into view once rendered: the quote itself, or the
    // first paragraph that mentions the event. Otherwise a `#fragment`
    // opened cold lands on its target.
    {
        let index = state.index.clone();
        Effect::new(move |first: Option<()>| match state.target.get() {
            Some(target) => {
                let id = match &target {
                    Target::Quote(id) => Some(id.clone()),
                    Target::Event(_) => index.blocks_of(&target).into_iter().next(),
                };
                if let Some(id) = id {
                    request_animation_frame(move || {
                        glue::bring_into_view(&id);
                    });
                }
            }
            None if first.is_none() => request_animation_frame(glue::scroll_to_fragment),
            None => {}
        });
    }
    // Back/forward within the page (fragment links) re-reads the address.
    let popstate = {
        let state = expect_context::<ArticleState>();
        window_event_listener(leptos::ev::popstate, move |_| state.read_url())
    };
    on_cleanup(move || popstate.remove());

    view! {
        <div class="layout">
            <TableOfContents sections=a.sections.clone() />
            <div class="controls">
                <TopicFilter />
                <PageNotices />
            </div>
            <article class="story" lang=a.language.clone() aria-labelledby="story_headline">
                <Headline article=loaded.clone() />
                <ProblemsNotice problems=loaded.warnings.clone() />
                {a
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(ordinal, section)| {
                        view! { <ArticleSection ordinal section=section.clone() /> }
                    })
                    .collect_view()}
                {a.related.clone().map(|related| view! { <RelatedLinks related /> })}
            </article>
            <Timeline />
            <QuotesPanel />
            <PeopleList />
        </div>
    }
}
