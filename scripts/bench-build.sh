#!/usr/bin/env bash
# The site build's benchmark (on demand, not part of the tests): publishes
# generated archives with newsview-site and writes the build figures in
# docs/performance.md. Needs the release dist/ (built here if missing);
# about 20 minutes and 20 GB of disk under target/bench-build/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
[ -f dist/shell.html ] || trunk build --release --offline
cargo build --quiet --profile prerender -p newsview-site
cargo build --quiet --release -p article-tool
rm -rf target/bench-build
node tests/perf/build-bench.mjs
