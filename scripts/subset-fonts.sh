#!/usr/bin/env bash
# How public/fonts/ was made (run by hand when the font changes; the
# results are committed, so no build needs Python). Newsreader (Production
# Type, SIL Open Font License 1.1) comes from the npm package
# @fontsource/newsreader, already cut to Latin; this drops hinting and the
# layout features the story does not use, for about 5% fewer bytes.
#   needs: npm, python3 -m pip install fonttools brotli
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @fontsource/newsreader@5.3.0 >/dev/null && tar xzf fontsource-newsreader-*.tgz)
for weight in 400 600; do
  pyftsubset "$work/package/files/newsreader-latin-$weight-normal.woff2" \
    --unicodes="U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212" \
    --layout-features='kern,liga,lnum,pnum,tnum' --no-hinting --desubroutinize \
    --flavor=woff2 --output-file="public/fonts/newsreader-$weight.woff2"
done
cp "$work/package/LICENSE" public/fonts/OFL.txt
ls -l public/fonts
