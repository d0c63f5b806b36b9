#!/usr/bin/env bash
# The performance harness (on demand, not part of the tests): builds the
# release dist/, generates test articles, serves both on 127.0.0.1, drives
# headless Chromium and writes docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

trunk build --release --offline
cargo build --release -q -p article-tool
TOOL=target/release/article-tool
rm -rf target/bench
echo "== generating articles"
$TOOL generate --articles 10000 --paragraphs 3 --seed 1 --out target/bench/library/articles
for n in 100 1000 2000 10000; do
  $TOOL generate --articles 1 --paragraphs $n --seed 2 --prefix gen-$n --out target/bench/big/articles
done
echo "== measuring (several minutes)"
node tests/perf/harness.mjs
