#!/usr/bin/env bash
# The app at real photo sizes: live-preview latency percentiles, the longest
# event-loop stall and the memory, measured on the real window under Xvfb
# (driven with xdotool key presses) on stand-in models. Prints the CPU and a
# Markdown table. Needs Xvfb and xdotool (packaging/install-deps.sh).
# usage: tools/app_latency_benchmark.sh [BUILD_DIR] [SIZE...]
#        (defaults: build 768x512 1500x1000 4000x3000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="$(realpath "${1:-build}")"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(768x512 1500x1000 4000x3000)
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash tests/tools/prepare_standins.sh "$work/standins" --depth-network midas-small-like >/dev/null
"$python" packaging/draw_sample_images.py "$work"
lscpu | grep -E "Model name|^CPU\(s\)" || true
"$python" tools/app_latency_benchmark.py "$build" "$work" "${sizes[@]}"
