#!/usr/bin/env bash
# Installs whatever this project needs and is missing; quick when all is there.
# Sourced by serve.sh and test.sh (it also exports PATH for them).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14   # 0.22 needs a newer rustc than this machine has
export PATH="$HOME/.cargo/bin:$ROOT/tests/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 20 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must be exactly the version Cargo.lock pins.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # Not --locked: its lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js"
  apt-get update && apt-get install -y nodejs npm
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium"
  apt-get update && apt-get install -y chromium chromium-driver
fi

# playwright-core (drives the system Chromium; never downloads a browser)
# and binaryen's wasm-opt 132 (Debian's 108 corrupts wasm-bindgen output).
STAMP="$ROOT/tests/node_modules/.installed-lock"
if ! cmp -s "$ROOT/tests/package-lock.json" "$STAMP" 2>/dev/null; then
  say "installing the test tools from tests/package-lock.json"
  (cd "$ROOT/tests" && npm ci --no-audit --no-fund)
  cp "$ROOT/tests/package-lock.json" "$STAMP"
fi
