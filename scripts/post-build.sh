#!/usr/bin/env bash
# Trunk's post-build hook (TRUNK_STAGING_DIR is the folder being built).
# Settings: NEWSVIEW_BASE_URL, NEWSVIEW_SITE_NAME, NEWSVIEW_IMAGE_HOSTS (see
# the README); NEWSVIEW_PRECOMPRESS=0 leaves out the .gz/.br copies (for
# hosts that compress on the fly and never serve them).
set -euo pipefail
bash scripts/build-reader.sh
precompress=--precompress
[ "${NEWSVIEW_PRECOMPRESS:-1}" = 0 ] && precompress=
# The owner's list is public/articles (trunk copied it into the staging
# folder): naming it lets the build publish a list of only the articles
# that have a page.
cargo run --quiet -p newsview-site --profile prerender -- --articles public/articles $precompress
