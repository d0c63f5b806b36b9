#!/usr/bin/env bash
# Install what is missing, then run every test: the article model natively,
# then the release build in headless Chromium from a plain static server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

echo "== formatting and lints"
cargo fmt --all -- --check
cargo clippy -p article -p article-tool --all-targets -- -D warnings
cargo clippy -p newsview --target wasm32-unknown-unknown --features hydrate -- -D warnings
cargo clippy -p newsview --features ssr --lib --bins --tests -- -D warnings

echo "== model, article-tool and pre-renderer tests (native)"
cargo test -p article -p article-tool
cargo test -p newsview --features ssr --lib

echo "== release build, pre-rendered for a site at a known address"
# The base URL only names the site in link previews and the sitemap; the
# tests serve dist/ from 127.0.0.1 and check those URLs by their paths.
NEWSVIEW_BASE_URL=https://news.example.org/ trunk build --release --offline

echo "== a generated library for the home page tests"
rm -rf target/e2e-library
cargo run -q -p article-tool -- generate --articles 120 --paragraphs 4 --seed 7 \
  --first-part 30 --part-size 40 --out target/e2e-library/articles

echo "== browser tests (headless Chromium, dist/ on a static server)"
cd tests
node --test --test-concurrency=1 --test-reporter=spec e2e/
