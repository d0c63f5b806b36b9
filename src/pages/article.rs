use std::sync::Arc;

use article::index::Target;
use article::Loaded;
use leptos::prelude::*;

use crate::address::Address;
use crate::api::{self, Failure};
use crate::components::{
    ArticleSection, ArticleTools, ErrorPanel, Headline, PageNotices, PeopleList, ProblemsNotice,
    QuotesPanel, RelatedLinks, Timeline,
};
use crate::context::Location;
use crate::glue::{self, Claim};
use crate::meta::with_site;
use crate::state::{ArticleState, PageFacts};

/// An article's page (`a/<slug>/…` or `?article=<slug>`): the article at
/// once when this visit has it (always so on a pre-rendered page, which
/// fetched it before hydrating), else loading, then the article or why it
/// cannot be shown.
#[component]
pub fn ArticleRoute(slug: String) -> impl IntoView {
    if let Some(loaded) = api::cached_article(&slug) {
        return view! { <ArticlePage loaded /> }.into_any();
    }
    let location = expect_context::<Location>();
    // Leaving the page (back, forward, another link) stops its download.
    let claim = Claim::new();
    on_cleanup(move || claim.release());
    let article = LocalResource::new(move || {
        api::article(
            slug.clone(),
            location.0.with_untracked(Address::root),
            claim,
        )
    });
    (move || match article.get() {
        None => view! { <p class="loading" role="status">"Loading article…"</p> }.into_any(),
        Some(Ok(loaded)) => view! { <ArticlePage loaded /> }.into_any(),
        Some(Err(Failure::NoSuchArticle { slug, file })) => view! {
            <section class="not-found" aria-labelledby="not_found_heading">
                <h1 id="not_found_heading">"No such article"</h1>
                <p>
                    "There is no article called “" {slug} "” here ("
                    <code>{file}</code> ": not found, HTTP 404)."
                </p>
                <p>
                    <a href=location.href_to(&Address::default())>"Back to all articles"</a>
                </p>
            </section>
        }
        .into_any(),
        Some(Err(Failure::Load(error))) => {
            view! { <ErrorPanel error on_retry=move || article.refetch() /> }.into_any()
        }
        Some(Err(Failure::Fetch(error))) => view! {
            <ErrorPanel error on_retry=move || article.refetch() fetch_failed=true />
        }
        .into_any(),
        Some(Err(Failure::Cancelled)) => ().into_any(),
    })
    .into_any()
}

/// One article: the story (its headline first, then its contents and
/// topic filter, then its text), then its timeline, quotes and people.
/// Rendered once (at build time, or on the client-side path); the controls
/// in it are islands that share the page's [`ArticleView`].
#[component]
pub fn ArticlePage(loaded: Arc<Loaded>) -> impl IntoView {
    let facts = PageFacts::new(loaded.article());
    let a = loaded.article();
    let (lang, dir) = (a.language.clone(), a.direction());
    let print_url =
        crate::address::full_url(&crate::address::article_page(&a.id)).unwrap_or_default();
    view! {
        <ArticleView facts>
            <article class="story" lang=lang dir=dir aria-labelledby="story_headline">
                <Headline article=loaded.clone() />
                <ArticleTools article=loaded.clone() />
                <div class="story__notices" lang="en" dir="ltr">
                    <PageNotices />
                    <ProblemsNotice problems=loaded.warnings().to_vec() />
                </div>
                <div class="story__body">
                    {loaded
                        .article()
                        .sections
                        .iter()
                        .enumerate()
                        .map(|(ordinal, section)| {
                            view! { <ArticleSection article=loaded.clone() ordinal section=section.clone() /> }
                        })
                        .collect_view()}
                    // No "More on this story" without a story to link to.
                    {loaded
                        .article()
                        .related
                        .clone()
                        .filter(|r| !r.links.is_empty())
                        .map(|related| view! { <RelatedLinks related /> })}
                </div>
                // Paper has no links: a printed article says where it lives.
                <p class="print-url">{print_url}</p>
            </article>
            <Timeline article=loaded.clone() />
            <QuotesPanel article=loaded.clone() />
            <PeopleList article=loaded.clone() />
            <p class="back-to-top">
                <BackToTop />
            </p>
        </ArticleView>
    }
}

/// The page's view of its article (topic filter, linked target, notices:
/// [`ArticleState`]) for the controls inside it, and what follows from it:
/// the tab's title, the address, and bringing a target into view.
#[crate::island]
pub fn ArticleView(facts: PageFacts, children: Children) -> impl IntoView {
    let location = expect_context::<Location>();
    let state = ArticleState::new(Arc::new(facts), &location.get_untracked());
    provide_context(state.clone());
    // The tab names what the address points at, as the server's page did.
    {
        let state = state.clone();
        Effect::new(move |_| {
            let target = state.target.get();
            glue::set_title(&with_site(
                state.facts.title(target.as_ref()),
                &glue::site_name(),
            ));
        });
    }

    // The address follows the view, replacing the entry rather than adding one.
    {
        let state = state.clone();
        Effect::new(move |_| location.replace(state.address()));
    }
    // A quote or event to show (from a link, the quotes panel or the
    // timeline) is brought into view once rendered: the quote itself, or the
    // first paragraph that mentions the event. Otherwise a `#fragment`
    // opened cold lands on its target.
    {
        let (target, reveal) = (state.target, state.clone());
        Effect::new(move |first: Option<()>| match target.get() {
            Some(target) => {
                let id = match &target {
                    Target::Quote(id) => Some(id.clone()),
                    Target::Event(_) => reveal.index().blocks_of(&target).into_iter().next(),
                };
                if let Some(id) = id {
                    request_animation_frame(move || {
                        glue::bring_into_view(&id);
                    });
                }
            }
            None if first.is_none() => {
                // A `#fragment` the filter hides is shown first, then reached.
                if let Some(id) = crate::address::browser::fragment() {
                    reveal.reveal_fragment(&id);
                }
                request_animation_frame(glue::scroll_to_fragment)
            }
            None => {}
        });
    }
    // On a pre-rendered page quotes are not islands: the highlight follows
    // the target here, once for the page.
    #[cfg(feature = "islands")]
    {
        let target = state.target;
        Effect::new(move |_| {
            target.with(|t| match t {
                Some(Target::Quote(whole)) => glue::highlight_quote(Some(whole)),
                _ => glue::highlight_quote(None),
            })
        });
    }
    // A new address for the same article (back and forward, a link with
    // other topics, the rest of a pre-rendered page's address once it has
    // hydrated) re-reads the view from it; an address this page wrote
    // itself (or a `#fragment` jump, which keeps it) changes nothing.
    {
        let state = state.clone();
        Effect::new(move |_| {
            let address = location.get();
            if state.shows(&address) && address != untrack(|| state.address()) {
                state.read(&address);
            }
        });
    }
    Effect::new(move |_| request_animation_frame(|| glue::mark("article-rendered")));

    view! { <div class="layout">{children()}</div> }
}

/// "Back to top": to the top of the page, focus on the main content.
#[crate::island]
fn BackToTop() -> impl IntoView {
    view! {
        <a
            href="#main_content"
            on:click=|ev| {
                ev.prevent_default();
                glue::back_to_top();
            }
        >
            "Back to top"
        </a>
    }
}
