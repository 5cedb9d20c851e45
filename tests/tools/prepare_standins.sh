#!/usr/bin/env bash
# Test fixture: writes stand-in model files in the published formats into
# OUT/published and installs them with the real set-up script into OUT/models
# (OUT/published.sha256 lists their hashes as the published ones).
# usage: prepare_standins.sh OUT [--depth-network tiny|midas-small-like]
#        (the benchmarks take the depth network shaped like MiDaS v2.1 small)
set -euo pipefail
out="$1"
shift
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rm -rf "$out"
mkdir -p "$out"
"$python" "$here/make_standin_models.py" "$out/published" "$@"
# The stand-ins are the published files of this test world: their hashes are
# the published list, so the set-up checks them as it would the real ones.
(cd "$out/published" && sha256sum vgg_normalised.pth decoder.pth model-small-traced.pt) \
  > "$out/published.sha256"
DEPTHSTYLE_PYTHON="$python" DEPTHSTYLE_PUBLISHED_SUMS="$out/published.sha256" \
  bash "$here/../../packaging/fetch-models.sh" --from "$out/published" --dest "$out/models"
