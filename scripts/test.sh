#!/usr/bin/env bash
# Install what is missing, then run every test: the article model natively,
# then the release build in headless Chromium from a plain static server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

echo "== formatting and lints"
cargo fmt --all -- --check
cargo clippy -p article -p article-tool --all-targets -- -D warnings
cargo clippy -p newsview --target wasm32-unknown-unknown --features hydrate,library -- -D warnings
cargo clippy -p newsview --target wasm32-unknown-unknown --features hydrate,islands --bin reader -- -D warnings
cargo clippy -p newsview --features ssr --lib --tests -- -D warnings
cargo clippy -p newsview-site --all-targets --profile prerender -- -D warnings

echo "== model, article-tool, viewer and site build tests (native)"
cargo test -p article -p article-tool
cargo test -p newsview --features ssr --lib
# The site build's tests build small sites: in the profile the build runs
# in (compiled already for trunk's hook; 2 s here against 60 s unoptimised).
cargo test -p newsview-site --profile prerender

echo "== release build, pre-rendered for a site at a known address"
# The base URL only names the site in link previews and the sitemap; the
# tests serve dist/ from 127.0.0.1 and check those URLs by their paths. The
# image host is one the tests' articles name (nothing is fetched from it);
# the footer's links are an owner's (a page of the site and a mail address).
NEWSVIEW_BASE_URL=https://news.example.org/ NEWSVIEW_IMAGE_HOSTS=https://images.example.net \
  NEWSVIEW_FOOTER_LINKS='About us=/about/|Corrections=mailto:corrections@news.example.org' \
  trunk build --release --offline

echo "== a generated library for the home page tests"
rm -rf target/e2e-library
cargo run -q -p article-tool -- generate --articles 120 --paragraphs 4 --seed 7 \
  --first-part 30 --part-size 40 --out target/e2e-library/articles
cargo run -q -p article-tool -- index target/e2e-library/articles

echo "== a generated 1,000-paragraph article, pre-rendered beside the build"
rm -rf target/e2e-long && cp -r dist target/e2e-long
cargo run -q -p article-tool -- generate --articles 1 --paragraphs 1000 --seed 3 --prefix long \
  --out target/e2e-long/articles
cargo run -q -p newsview-site --profile prerender -- target/e2e-long

echo "== a library published with articles that cannot be (none of them offered)"
rm -rf target/e2e-unpublished target/e2e-unpublished-folder && cp -r dist target/e2e-unpublished
mkdir -p target/e2e-unpublished-folder
node -e '
  const fs = require("fs");
  const dir = "target/e2e-unpublished-folder";
  const seed = JSON.parse(fs.readFileSync("dist/articles/us-russia-talks-despite-collisions.json", "utf8"));
  fs.writeFileSync(`${dir}/${seed.id}.json`, JSON.stringify(seed));
  fs.writeFileSync(`${dir}/seed-copy.json`, JSON.stringify({ ...seed, id: "seed-copy", headline: "A copy of the seed" }));
  fs.writeFileSync(`${dir}/not-json.json`, "{\"format\": 1, \"id\": ");
  const entry = (slug, headline) => ({ slug, headline, published: "2013-08-07" });
  fs.writeFileSync(`${dir}/index.json`, JSON.stringify({ format: 1, articles: [
    entry("not-json", "A file that is not JSON"), entry(seed.id, seed.headline),
    entry("no-file-yet", "Listed before its file"), entry("seed-copy", "A copy of the seed") ] }));
'
cargo run -q -p newsview-site --profile prerender -- --articles target/e2e-unpublished-folder \
  target/e2e-unpublished

echo "== the seed as corrected after the build (its page must not hydrate stale)"
rm -rf target/e2e-changed && mkdir -p target/e2e-changed/articles
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync("dist/articles/us-russia-talks-despite-collisions.json", "utf8"));
  a.headline = "Corrected: " + a.headline;
  fs.writeFileSync("target/e2e-changed/articles/us-russia-talks-despite-collisions.json", JSON.stringify(a));
'

echo "== browser tests (headless Chromium, dist/ on a static server)"
cd tests
node --test --test-concurrency=1 --test-reporter=spec e2e/
