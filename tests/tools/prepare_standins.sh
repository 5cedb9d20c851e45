#!/usr/bin/env bash
# Test fixture: writes stand-in model files in the published formats into
# OUT/published and installs them with the real set-up script into OUT/models.
set -euo pipefail
out="$1"
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rm -rf "$out"
mkdir -p "$out"
"$python" "$here/make_standin_models.py" "$out/published"
DEPTHSTYLE_PYTHON="$python" bash "$here/../../packaging/fetch-models.sh" \
  --from "$out/published" --dest "$out/models"
