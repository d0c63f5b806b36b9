//! The whole app (built by trunk with `hydrate,library`): the home page,
//! `404.html` and the client-side path (`?article=`). Article pages load
//! `reader` (`src/bin/reader.rs`) instead.
fn main() {
    newsview::start_whole_app();
}
