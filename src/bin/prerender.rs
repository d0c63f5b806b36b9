//! Writes the pre-rendered pages into a built `dist/` (or trunk's staging
//! folder when run as its post-build hook). See `newsview::prerender`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dist = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from);
    let Some(dist) = dist else {
        eprintln!("usage: prerender DIST (or run as trunk's post-build hook)");
        return ExitCode::from(2);
    };
    let result = newsview::prerender::Site::from_env()
        .and_then(|site| newsview::prerender::run(&dist, &site));
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
