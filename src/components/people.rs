use std::sync::Arc;

use article::Loaded;
use leptos::prelude::*;

/// Who is who: every person in the article with role and affiliation.
/// Quotes point here through their `cite` attribute.
#[component]
pub fn PeopleList(article: Arc<Loaded>) -> impl IntoView {
    let a = &article.article;
    (!a.people.is_empty()).then(|| {
        let people =
            a.people
                .iter()
                .map(|p| {
                    let party = p.affiliation.as_deref().and_then(|id| a.party(id)).map(
                        |party| view! { <span class="person__party">{party.name.clone()}</span> },
                    );
                    view! {
                        <li id=format!("person_{}", p.id) class="person" data-person=p.id.clone()>
                            <span class="person__name">{p.name.clone()}</span>
                            <span class="person__role">{p.role.clone()}</span>
                            {party}
                        </li>
                    }
                })
                .collect_view();
        view! {
            <aside class="people" aria-labelledby="people_heading">
                <h2 id="people_heading">"People in this story"</h2>
                <ul class="people__list">{people}</ul>
            </aside>
        }
    })
}
