//! The app for pre-rendered article, quote and event pages: `newsview`
//! without the library (built without the `library` feature). A link to the
//! list loads the list's own page.
fn main() {
    newsview::start();
}
