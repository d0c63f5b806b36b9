#!/usr/bin/env bash
# Install what is missing, build the viewer and serve it with the bundled
# articles at http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
echo "Serving the viewer at http://127.0.0.1:8080 once it is built (a first release build takes about 5 minutes)."
exec trunk serve --release --offline --no-autoreload
