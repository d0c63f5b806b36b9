use std::sync::Arc;

use article::{Loaded, Person};
use leptos::prelude::*;

use super::JumpLink;
use crate::state::ArticleState;

/// Who is who: counterparts side by side (a minister beside their opposite
/// number), then everyone else; each with role, affiliation and a link to
/// their quotes. Quotes point here through their `cite` attribute.
#[component]
pub fn PeopleList(article: Arc<Loaded>) -> impl IntoView {
    let state = expect_context::<ArticleState>();
    let a = article.article();
    if a.people.is_empty() {
        return None;
    }
    let card = |p: &Person| {
        let party = p
            .affiliation
            .as_deref()
            .and_then(|id| a.party(id))
            .map(|party| view! { <span class="person__party">{party.name.clone()}</span> });
        // An organisation that speaks says what it is when it has no role.
        let role = match p.kind {
            article::SpeakerKind::Organisation if p.role.is_empty() => "Organisation".to_string(),
            _ => p.role.clone(),
        };
        let count = state.index().quote_count(&p.id);
        let quotes = if count == 0 {
            view! { <span class="person__quotes">"No direct quotes"</span> }.into_any()
        } else {
            let group = format!("quotes_by_{}", p.id);
            let text = format!("{count} {}", article::plural(count, "quote"));
            let by = format!(" by {}", p.name);
            view! {
                <JumpLink to=group class="person__quotes" label=None>
                    {text}
                    <span class="visually-hidden">{by}</span>
                </JumpLink>
            }
            .into_any()
        };
        view! {
            <li id=crate::ids::person(&p.id) class="person" data-person=p.id.clone()>
                <span class="person__name" lang=a.language.clone() dir=a.direction()>
                    {p.name.clone()}
                </span>
                <span class="person__role">{role}</span>
                {party}
                {quotes}
            </li>
        }
    };
    let paired: Vec<&str> = a
        .counterparts
        .iter()
        .flat_map(|c| c.people.iter().map(String::as_str))
        .collect();
    let pairs = a
        .counterparts
        .iter()
        .map(|pair| {
            let [first, second] = &pair.people;
            let cards: Vec<_> = [first, second]
                .into_iter()
                .filter_map(|id| a.person(id))
                .map(card)
                .collect();
            view! {
                <li class="counterparts">
                    <h3>{pair.label.clone()}</h3>
                    <ul class="counterparts__pair">{cards}</ul>
                </li>
            }
        })
        .collect_view();
    let others: Vec<_> = a
        .people
        .iter()
        .filter(|p| !paired.contains(&p.id.as_str()))
        .map(card)
        .collect();
    let others = (!others.is_empty()).then(|| {
        let heading = if a.counterparts.is_empty() {
            None
        } else {
            Some(view! { <h3>"Also in the story"</h3> })
        };
        view! {
            <li class="people__others">
                {heading}
                <ul class="people__list">{others}</ul>
            </li>
        }
    });
    Some(view! {
        <aside class="people" aria-labelledby="people_heading">
            <h2 id="people_heading">"People in this story"</h2>
            <ul class="people__groups">{pairs}{others}</ul>
        </aside>
    })
}
