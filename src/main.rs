//! Newsview: a client-side rendered news article viewer.
//!
//! Data flows one way: `api` fetches JSON and the `article` crate turns it
//! into a validated model; `pages` and `components` turn the model into
//! view; `glue` is the only place that touches browser APIs directly.

mod api;
mod app;
mod components;
mod glue;
mod pages;
mod state;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
