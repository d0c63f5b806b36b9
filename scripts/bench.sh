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
$TOOL index target/bench/library/articles
for n in 100 1000 2000 10000; do
  $TOOL generate --articles 1 --paragraphs $n --seed 2 --prefix gen-$n --out target/bench/big/articles
done
echo "== pre-rendering: a 1,000-paragraph article, and 1,000 articles"
PRERENDER=target/prerender/newsview-site
rm -rf target/bench/prerender-long && cp -r dist target/bench/prerender-long
$TOOL generate --articles 1 --paragraphs 1000 --seed 2 --prefix gen-1000 --out target/bench/prerender-long/articles
$PRERENDER target/bench/prerender-long > /dev/null
rm -rf target/bench/prerender-many && cp -r dist target/bench/prerender-many
$TOOL generate --articles 1000 --paragraphs 12 --seed 4 --out target/bench/prerender-many/articles
t0=$(date +%s.%N)
$TOOL validate target/bench/prerender-many/articles/*.json > /dev/null
t1=$(date +%s.%N)
summary=$($PRERENDER target/bench/prerender-many | grep "^newsview-site:")
t2=$(date +%s.%N)
pages=$(find target/bench/prerender-many/a -name index.html | wc -l)
cards=$(find target/bench/prerender-many/a -name card.png | wc -l)
echo "$summary"
cardtime=$(echo "$summary" | sed -n 's/.*(\([0-9.]*\) s drawing cards.*/\1/p')
node -e "console.log(JSON.stringify({validate: $t1 - $t0, prerender: $t2 - $t1, pages: $pages, cards: $cards, cardSeconds: ${cardtime:-0}}))" \
  > target/bench/prerender-timing.json

echo "== pre-rendering: an article of 10,000 quotes"
rm -rf target/bench/prerender-quotes target/bench/quotes-src && cp -r dist target/bench/prerender-quotes
$TOOL generate --articles 1 --paragraphs 10000 --seed 2 --prefix gen-10000 --out target/bench/quotes-src > /dev/null
node tests/perf/many-quotes.mjs target/bench/quotes-src/gen-10000.json quotes-10000 \
  target/bench/prerender-quotes/articles/quotes-10000.json
node tests/perf/many-quotes.mjs --list target/bench/prerender-quotes/articles quotes-10000
$PRERENDER target/bench/prerender-quotes > /dev/null

echo "== measuring (several minutes)"
node tests/perf/harness.mjs
