#!/usr/bin/env bash
# The article pages' app, `reader` (the viewer without the library page,
# see Cargo.toml's features), built into the folder trunk is building with
# the steps and flags trunk uses for the whole app: cargo, wasm-bindgen
# --target web, and in release builds wasm-opt -Oz (binaryen 132 from
# PATH). Names carry a hash of the content, like trunk's; the pre-renderer
# points article, quote and event pages at them.
set -euo pipefail
out="${1:-${TRUNK_STAGING_DIR:?run from trunk, or name the folder}}"
target="${CARGO_TARGET_DIR:-target}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ "${TRUNK_PROFILE:-release}" = release ]; then
  cargo build --quiet --release --target wasm32-unknown-unknown --bin reader --features hydrate,islands
  mode=release
else
  cargo build --quiet --target wasm32-unknown-unknown --bin reader --features hydrate,islands
  mode=debug
fi
wasm-bindgen --target=web --no-typescript --out-dir="$tmp" --out-name=reader \
  "$target/wasm32-unknown-unknown/$mode/reader.wasm"
if [ -d "$tmp/snippets" ]; then
  echo "build-reader: wasm-bindgen wrote JS snippets, which this script does not copy" >&2
  exit 1
fi
if [ "$mode" = release ]; then
  wasm-opt --output="$tmp/opt.wasm" -Oz "$tmp/reader_bg.wasm"
  mv "$tmp/opt.wasm" "$tmp/reader_bg.wasm"
fi
hash="$(cat "$tmp/reader.js" "$tmp/reader_bg.wasm" | sha256sum | cut -c1-16)"
rm -f "$out"/reader-*.js "$out"/reader-*_bg.wasm
cp "$tmp/reader.js" "$out/reader-$hash.js"
cp "$tmp/reader_bg.wasm" "$out/reader-${hash}_bg.wasm"
