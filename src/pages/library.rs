use article::library::{
    page_of, LibraryIndex, LibraryQuery, ManifestReader, ResultCount, PER_PAGE,
};
use article::links::image_allowed;
use article::search::{highlight, query_words, snippet, DocSet, Word};
use article::{plural, LoadError, Manifest, ManifestEntry, Picture, Problem, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::address::{article_page, Address};
use crate::api::{self, Failure};
use crate::components::{DateTime, ErrorPanel, ListText, ProblemsNotice, SiteImage};
use crate::context::Location;
use crate::glue::{self, Claim};

/// The home page: every bundled article, newest first, searchable by the
/// words of their whole text (through the full-text index built with the
/// site; headlines and summaries alone without it) and filtered by section
/// and topic, one page at a time. The first part of the manifest is shown
/// as soon as it arrives; further parts load behind it. Entries or parts that cannot lead
/// to an article are skipped with a notice; a part that fails to load keeps
/// what is shown and offers a retry.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let location = expect_context::<Location>();
    let query = Memo::new(move |_| {
        location.0.with(|a| {
            LibraryQuery::from_params(
                a.param("q"),
                a.param("section"),
                a.param("topic"),
                a.param("page"),
            )
        })
    });
    // Leaving the page stops its downloads.
    let claim = Claim::new();
    on_cleanup(move || claim.release());
    let reader = StoredValue::new(ManifestReader::default());
    let skipped = RwSignal::new(Vec::<LoadError>::new());
    let stuck = RwSignal::new(None::<(LoadError, Vec<String>)>);
    let read = move |file: &str, part: Manifest| {
        let read = reader
            .try_update_value(|r| r.read(file, part))
            .unwrap_or_default();
        if let Some(s) = read.skipped.clone() {
            skipped.update(|all| all.push(s));
        }
        read
    };
    // A pre-rendered home page (and the pre-renderer itself) has the first
    // part already: render it at once, so hydration finds the same list.
    let first = api::cached_library().map(|m| (m.total, read(api::MANIFEST, m)));
    let expected = RwSignal::new(first.as_ref().and_then(|(total, _)| *total));
    let more = StoredValue::new(first.as_ref().map(|(_, r)| r.more.clone()));
    let library: LibraryState = RwSignal::new(first.map(|(_, r)| Ok(LibraryIndex::new(r.entries))));
    // Parts load one after another; each may name further parts.
    let load_more = move |names: Vec<String>| {
        spawn_local(async move {
            let mut queue = std::collections::VecDeque::from(names);
            while let Some(name) = queue.pop_front() {
                let file = api::part_file(&name);
                match api::manifest_part(file.clone(), claim).await {
                    Ok(part) => {
                        let part = read(&file, part);
                        queue.extend(part.more);
                        library.update(|l| {
                            if let Some(Ok(index)) = l {
                                index.extend(part.entries);
                            }
                        });
                    }
                    Err(Failure::Cancelled) => return,
                    Err(Failure::Load(e) | Failure::Fetch(e)) => {
                        queue.push_front(name);
                        stuck.set(Some((e, queue.into())));
                        break;
                    }
                    Err(Failure::NoSuchArticle { .. }) => unreachable!("only articles have slugs"),
                }
            }
            // Every part read or one stuck: the count shown is what there is.
            expected.set(None);
        })
    };
    let load = move || {
        spawn_local(async move {
            match api::manifest_part(api::MANIFEST.into(), claim).await {
                Ok(first) => {
                    expected.set(first.total);
                    let first = read(api::MANIFEST, first);
                    library.set(Some(Ok(LibraryIndex::new(first.entries))));
                    load_more(first.more);
                }
                Err(Failure::Load(e)) => library.set(Some(Err((e, false)))),
                Err(Failure::Fetch(e)) => library.set(Some(Err((e, true)))),
                Err(_) => {}
            }
        })
    };
    let retry_part = move || {
        if let Some((_, names)) = stuck.get_untracked() {
            stuck.set(None);
            load_more(names);
        }
    };
    // In the browser only: the server renders the first screen and stops.
    Effect::new(move |_| {
        glue::set_title(&crate::meta::library_title(&glue::site_name()));
        match more.get_value() {
            Some(names) => load_more(names),
            None => load(),
        }
    });

    // The page changes with the list's state, not with its contents: parts
    // arriving must not redraw the list under the reader (and their focus).
    let phase = Memo::new(move |_| library.with(|l| l.as_ref().map(Result::is_ok)));
    move || match phase.get().map(|ok| (ok, library.get_untracked())) {
        None | Some((_, None)) => {
            view! { <p class="loading" role="status">"Loading the list of articles…"</p> }
                .into_any()
        }
        Some((_, Some(Err((error, fetch_failed))))) => {
            let retry = move || {
                library.set(None);
                skipped.set(Vec::new());
                reader.set_value(ManifestReader::default());
                api::forget_library();
                load()
            };
            view! { <ErrorPanel error on_retry=retry fetch_failed title="The list of articles could not be shown" /> }.into_any()
        }
        Some((_, Some(Ok(_)))) => view! {
            <ListNotices skipped stuck on_retry=retry_part />
            <LibraryList library query expected claim />
        }
        .into_any(),
    }
}

/// What the list leaves out, and why: entries and parts skipped, and a part
/// that could not be loaded (with a retry for the rest).
#[component]
fn ListNotices(
    skipped: RwSignal<Vec<LoadError>>,
    stuck: RwSignal<Option<(LoadError, Vec<String>)>>,
    on_retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let skipped_notice = move || {
        let all = skipped.get();
        let problems: Vec<Problem> = all
            .iter()
            .flat_map(|e| {
                e.problems.iter().map(|p| Problem {
                    path: format!("{} {}", e.file, p.path),
                    ..p.clone()
                })
            })
            .collect();
        let counted = |prefix: &str| {
            problems
                .iter()
                .filter(|p| p.severity == Severity::Error && p.path.contains(prefix))
                .count()
        };
        let (entries, parts) = (counted(" articles["), counted(" more["));
        let mut left_out = Vec::new();
        if entries > 0 {
            left_out.push(format!(
                "{entries} {}",
                if entries == 1 { "entry" } else { "entries" }
            ));
        }
        if parts > 0 {
            left_out.push(format!("{parts} {}", plural(parts, "part")));
        }
        let title = match entries + parts {
            0 => "Some entries of the list are shown without a date".to_string(),
            1 => format!("{} of the list was skipped", left_out.join("")),
            _ => format!("{} of the list were skipped", left_out.join(" and ")),
        };
        view! { <ProblemsNotice problems title /> }
    };
    let stuck_notice = move || {
        stuck.get().map(|(error, names)| {
            let why = error
                .problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <aside class="notice" role="alert">
                    <p>
                        "Not every article could be listed: " <code>{error.file}</code>
                        " could not be loaded (" {why} "). "
                        {format!("{} {} still to load.", names.len(), plural(names.len(), "part"))}
                    </p>
                    <p>
                        <button type="button" on:click=move |_| on_retry()>"Load the rest"</button>
                    </p>
                </aside>
            }
        })
    };
    view! {
        {skipped_notice}
        {stuck_notice}
    }
}

/// The list, or why its first part failed (and whether it failed to arrive).
type LibraryState = RwSignal<Option<Result<LibraryIndex, (LoadError, bool)>>>;

/// Run `f` on the loaded index (tracked), if it has loaded.
fn with_index<T>(library: LibraryState, f: impl FnOnce(&LibraryIndex) -> T) -> Option<T> {
    library.with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).map(f))
}

/// Where the full-text search of the current words stands.
#[derive(Debug, Clone, PartialEq)]
enum FullText {
    /// No words to search for.
    Off,
    /// The list is still loading, or the index is being read.
    Searching,
    /// For each word of the query `q`, the articles whose text has it.
    Found { q: String, sets: Vec<DocSet> },
    /// Only headlines and summaries can be searched, and why.
    Unavailable(String),
}

#[component]
fn LibraryList(
    library: LibraryState,
    query: Memo<LibraryQuery>,
    expected: RwSignal<Option<usize>>,
    claim: Claim,
) -> impl IntoView {
    let location = expect_context::<Location>();
    let loaded = move || with_index(library, LibraryIndex::len).unwrap_or(0);
    let full_text = RwSignal::new(FullText::Off);
    // Each keystroke starts a search; only the latest one's answer is shown.
    let latest = StoredValue::new(0u64);
    let words = Memo::new(move |_| query.with(|q| query_words(&q.q)));
    // Worked out when the list changes, not on every keystroke.
    let key = Memo::new(move |_| with_index(library, LibraryIndex::key));
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        let words = words.get();
        if words.is_empty() {
            full_text.set(FullText::Off);
            return;
        }
        // The index numbers articles as the whole list does: wait for it.
        let complete = expected.get().is_none();
        let Some(key) = key.get().filter(|_| complete) else {
            full_text.set(FullText::Searching);
            return;
        };
        let n = latest.get_value() + 1;
        latest.set_value(n);
        spawn_local(async move {
            let found = api::full_text(words, key, claim).await;
            if latest.get_value() != n {
                return;
            }
            // The benchmark times the search from the keystroke to this.
            request_animation_frame(|| glue::mark("search-answered"));
            full_text.set(match found {
                Ok(sets) => FullText::Found { q, sets },
                Err(Failure::Cancelled) => return,
                Err(Failure::Load(e) | Failure::Fetch(e)) => FullText::Unavailable(
                    e.problems
                        .first()
                        .map(|p| p.message.clone())
                        .unwrap_or_default(),
                ),
                Err(Failure::NoSuchArticle { .. }) => unreachable!("only articles have slugs"),
            });
        });
    });
    let results = Memo::new(move |previous: Option<&Vec<usize>>| {
        let q = query.get();
        let answer = full_text.get();
        match &answer {
            FullText::Found { q: asked, sets } if *asked == q.q => {
                with_index(library, |index| index.search(&q, Some(sets))).unwrap_or_default()
            }
            // While the index is read, the list stays as it was rather
            // than flicker through headline-only results.
            FullText::Searching | FullText::Found { .. } if previous.is_some() => {
                previous.cloned().unwrap_or_default()
            }
            _ => with_index(library, |index| index.search(&q, None)).unwrap_or_default(),
        }
    });
    // Typing and choosing replace the address (no history entry per key)
    // and go back to the first page of results.
    let set = move |change: &dyn Fn(&mut LibraryQuery)| {
        let mut q = query.get_untracked();
        change(&mut q);
        q.page = 1;
        location.replace(Address::new("", q.to_query()));
    };
    let on_search = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        set(&|q| q.q = value.clone());
    };
    let on_section = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        set(&|q| q.section = (!value.is_empty()).then(|| value.clone()));
    };
    let on_topic = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        set(&|q| q.topic = (!value.is_empty()).then(|| value.clone()));
    };
    let options = move |list: Vec<(String, usize)>, selected: Option<String>, all: &'static str| {
        let mut views =
            vec![view! { <option value="" selected=selected.is_none()>{all}</option> }.into_any()];
        views.extend(list.into_iter().map(|(name, n)| {
            let is = selected.as_deref() == Some(name.as_str());
            // An option holds plain text only.
            let label = format!("{} ({n})", article::without_bidi_controls(&name));
            view! { <option value=name.clone() selected=is>{label}</option> }.into_any()
        }));
        views
    };
    let sections = move || {
        let list = with_index(library, LibraryIndex::sections).unwrap_or_default();
        options(list, query.get().section, "All sections")
    };
    let topics = move || {
        let list = with_index(library, LibraryIndex::topics).unwrap_or_default();
        options(list, query.get().topic, "All topics")
    };

    // A page past the end (an old link, an edited address), once the whole
    // list is there to count: the number of pages there are.
    let beyond_end = Memo::new(move |_| {
        let page = query.with(|q| q.page);
        let pages = results.with(|r| page_of(r, page, PER_PAGE).2);
        let complete = expected.get().is_none_or(|t| loaded() >= t);
        (complete && page > pages).then_some(pages)
    });
    let still_loading = move || expected.get().is_some_and(|t| loaded() < t);
    let status = move || {
        let q = query.get();
        let mut text = ResultCount {
            found: results.with(Vec::len),
            page: q.page,
            beyond_end: beyond_end.get().is_some(),
            narrowed: q.is_narrowed(),
            loaded: loaded(),
            expected: expected.get(),
        }
        .describe();
        match full_text.get() {
            FullText::Searching => text.push_str(". Searching the articles' text…"),
            FullText::Unavailable(why) => text.push_str(&format!(
                ". Only headlines and summaries were searched: the full-text index could not be used ({why})."
            )),
            _ => {}
        }
        text
    };

    // The cards on this page. Keyed, so a card that stays (while later
    // parts of the list arrive, say) keeps its element and the reader's
    // focus on it.
    let shown = Memo::new(move |_| {
        let q = query.get();
        let snippets =
            matches!(full_text.get(), FullText::Found { .. }) && !words.with(Vec::is_empty);
        if beyond_end.get().is_some() {
            return Vec::new();
        }
        results.with(|r| {
            let (items, _, _) = page_of(r, q.page, PER_PAGE);
            with_index(library, |index| {
                items
                    .iter()
                    .enumerate()
                    .map(|(n, &i)| ShownCard {
                        entry: index.entry(i).clone(),
                        first: n == 0,
                        lead: n == 0 && q.page == 1 && !q.is_narrowed(),
                        q: q.q.clone(),
                        snippets,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    let items = move || {
        view! {
            <For
                each=move || shown.get()
                key=|c| (c.entry.slug.clone(), c.q.clone(), c.snippets, c.first, c.lead)
                children=move |card| view! { <Card card claim /> }
            />
        }
    };
    let paged = StoredValue::new(false);
    // A page past the end says so and offers the last page.
    let beyond = move || {
        let q = query.get();
        beyond_end.get().map(|pages| {
            let last = location.href_to(&Address::new("", q.with_page(pages).to_query()));
            view! {
                <p class="library__beyond notice" role="alert">
                    {format!("There is no page {} of these results: they end at page {pages}. ", q.page)}
                    <a href=last on:click=move |_| paged.set_value(true)>{format!("Go to page {pages}")}</a>
                </p>
            }
        })
    };
    let pager = move || {
        let q = query.get();
        let (page, pages) = results.with(|r| {
            let (_, page, pages) = page_of(r, q.page, PER_PAGE);
            (page, pages)
        });
        (pages > 1 && beyond_end.get().is_none()).then(|| {
            let link = |p: usize| location.href_to(&Address::new("", q.with_page(p).to_query()));
            view! {
                <nav class="pager" aria-label="Pages of articles">
                    {(page > 1).then(|| view! { <a rel="prev" href=link(page - 1) on:click=move |_| paged.set_value(true)>"← Newer"</a> })}
                    <span>{format!("Page {page} of {pages}")}</span>
                    {(page < pages).then(|| view! { <a rel="next" href=link(page + 1) on:click=move |_| paged.set_value(true)>"Older →"</a> })}
                </nav>
            }
        })
    };
    Effect::new(move |_| request_animation_frame(|| glue::mark("library-rendered")));
    // After "Older" or "Newer", the reader goes on at the first new result.
    Effect::new(move |_| {
        query.with(|q| q.page);
        if paged.get_value() {
            paged.set_value(false);
            request_animation_frame(|| {
                glue::bring_into_view("library_first");
            });
        }
    });

    view! {
        <section class="library" aria-labelledby="library_heading">
            <h1 id="library_heading">{move || query.with(list_heading)}</h1>
            <form class="library__controls" role="search" on:submit=|ev| ev.prevent_default()>
                <p class="library__search">
                    <label for="library_search">"Search articles"</label>
                    <input id="library_search" type="search" prop:value=move || query.get().q on:input=on_search autocomplete="off" />
                </p>
                <p>
                    <label for="library_section">"Section"</label>
                    <select id="library_section" on:change=on_section>{sections}</select>
                </p>
                <p>
                    <label for="library_topic">"Topic"</label>
                    <select id="library_topic" on:change=on_topic>{topics}</select>
                </p>
            </form>
            <p class="library__status" role="status" aria-live="polite">{status}</p>
            {beyond}
            // Busy while parts of the list are still on their way.
            <ol class="library__list" aria-busy=move || still_loading().to_string()>{items}</ol>
            {pager}
            <p class="library__needs-scripts">"Searching and older articles need JavaScript; every article's own page reads without it."</p>
        </section>
    }
}

/// What the list is: the latest articles, or the answer to a search or a
/// filter.
fn list_heading(q: &LibraryQuery) -> String {
    let words = q.q.split_whitespace().collect::<Vec<_>>().join(" ");
    let plain = |s: &Option<String>| {
        s.as_deref()
            .map(|s| article::without_bidi_controls(s).into_owned())
    };
    match (words.is_empty(), plain(&q.section), plain(&q.topic)) {
        (false, _, _) => format!("Results for “{words}”"),
        (true, Some(section), Some(topic)) => format!("Latest in {section} on {topic}"),
        (true, Some(section), None) => format!("Latest in {section}"),
        (true, None, Some(topic)) => format!("Latest on {topic}"),
        (true, None, None) => "Latest articles".to_string(),
    }
}

/// A result as the list shows it.
#[derive(Debug, Clone, PartialEq)]
struct ShownCard {
    entry: ManifestEntry,
    /// The first on its page: the benchmark times its paint, and paging
    /// puts focus on it.
    first: bool,
    /// The newest story, at the top of the unnarrowed list: shown larger.
    lead: bool,
    /// The search it answers, whose words it marks.
    q: String,
    /// The full-text index answered: show where the text has the words.
    snippets: bool,
}

/// One result: section, headline, summary, where the text matches, date
/// and topics.
#[component]
fn Card(card: ShownCard, claim: Claim) -> impl IntoView {
    let location = expect_context::<Location>();
    let ShownCard {
        entry: e,
        first,
        lead,
        q,
        snippets,
    } = card;
    let words = query_words(&q);
    let date = e.published.clone().map(|date| view! { <DateTime date /> });
    let href = location.href_to(&article_page(&e.slug));
    let headline = view! {
        <h2 class="card__headline">
            <a href=href id=first.then_some("library_first")>{marked(&e.headline, &words)}</a>
        </h2>
    }
    .attr("elementtiming", first.then_some("library-first"));
    let snippet =
        snippets.then(|| view! { <CardSnippet slug=e.slug.clone() words=words.clone() claim /> });
    let picture = e.picture.map(|picture| view! { <CardPicture picture /> });
    view! {
        <li class=if lead { "card card--lead" } else { "card" }>
            {picture}
            {e.section.map(|s| view! { <p class="card__section">{s}</p> })}
            {headline}
            {e.summary.map(|s| view! { <p class="card__summary">{marked(&s, &words)}</p> })}
            {snippet}
            <p class="card__meta">
                {date}
                {(!e.topics.is_empty()).then(|| view! {
                    <span class="card__topics">" · " <ListText items=e.topics separator=", " /></span>
                })}
            </p>
        </li>
    }
}

/// An article's lead picture on its card in the list (its source already
/// passed the URL policy in `ManifestReader`), when the site may load it:
/// a picture on a host it does not load from is left out, and the card
/// stands without it. Its alt text is kept: the picture is not the link.
#[component]
pub fn CardPicture(picture: Picture) -> impl IntoView {
    let Picture { src, alt } = picture;
    image_allowed(&src, api::image_hosts().as_deref())
        .then(|| view! { <SiteImage src alt class="card__picture" /> })
}

/// `text` with the words of the search marked.
fn marked(text: &str, words: &[Word]) -> impl IntoView {
    if words.is_empty() {
        return text.to_string().into_any();
    }
    marks(highlight(text, words)).into_any()
}

/// Text pieces as text nodes, those that match the search in `<mark>`.
fn marks(pieces: Vec<(String, bool)>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|(piece, hit)| match hit {
            true => view! { <mark>{piece}</mark> }.into_any(),
            false => piece.into_any(),
        })
        .collect_view()
}

/// Where a result's text has the words, a few lines around them. The
/// article's text is fetched for the results on screen only.
#[component]
fn CardSnippet(slug: String, words: Vec<Word>, claim: Claim) -> impl IntoView {
    let shown = RwSignal::new(None::<Vec<(String, bool)>>);
    spawn_local(async move {
        if let Ok(text) = api::search_text(&slug, claim).await {
            let _ = shown.try_set(snippet(&text.passages, &words));
        }
    });
    move || {
        shown
            .get()
            .map(|pieces| view! { <p class="card__snippet">{marks(pieces)}</p> })
    }
}
