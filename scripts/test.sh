#!/usr/bin/env bash
# Install what is missing, then run every test: the article model natively,
# then the release build in headless Chromium from a plain static server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

echo "== formatting and lints"
cargo fmt --all -- --check
cargo clippy -p article -p article-tool --all-targets -- -D warnings
cargo clippy -p newsview --target wasm32-unknown-unknown -- -D warnings

echo "== model and article-tool tests (native)"
cargo test -p article -p article-tool

echo "== release build"
trunk build --release --offline

echo "== browser tests (headless Chromium, dist/ on a static server)"
cd tests
node --test --test-concurrency=1 --test-reporter=spec e2e/
