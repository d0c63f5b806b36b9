//! The app of pre-rendered article, quote and event pages: their islands
//! (built with `hydrate,islands`, without `library`). The page's start-up
//! script hydrates them after this has started; links to other pages load
//! those pages.
fn main() {
    newsview::start_islands();
}
