#!/usr/bin/env bash
# Trunk's post-build hook (TRUNK_STAGING_DIR is the folder being built).
# Settings: NEWSVIEW_BASE_URL, NEWSVIEW_SITE_NAME, NEWSVIEW_IMAGE_HOSTS (see the README).
set -euo pipefail
bash scripts/build-reader.sh
cargo run --quiet -p newsview-site --profile prerender
node scripts/precompress.mjs
