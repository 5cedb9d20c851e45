#!/usr/bin/env bash
# Video benchmark on stand-in models: the flicker of clip-wide against
# per-frame depth normalisation on a synthetic clip (depthstyle-flicker-bench),
# and the time a frame takes with each (the clip-wide first pass included).
# usage: tools/video_benchmark.sh [BUILD_DIR] [FRAMES] [WIDTH] [HEIGHT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
frames="${2:-24}"
width="${3:-384}"
height="${4:-256}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash tests/tools/prepare_standins.sh "$work/standins" --depth-network midas-small-like >/dev/null
lscpu | grep -E "Model name" | sed 's/  */ /g'
"$build/tests/depthstyle-flicker-bench" "$work/standins/models" "$frames" "$width" "$height"
