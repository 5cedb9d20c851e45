#!/usr/bin/env bash
# Runs the DepthStyle benchmark on stand-in models (seeded random weights in
# the published formats) beside eager PyTorch and OpenCV DNN.
# usage: tools/benchmark.sh [BUILD_DIR] [small|paper|both] [REPEATS]
#        [--split-only | --huge-pages-ab N | --kernels-ahead-ab N |
#         --against OTHER_CLI --pairs N]
# (--split-only: only the split of whole depthstyle-cli runs, no peers;
# --huge-pages-ab N: only N pairs of whole runs without and with
# DEPTHSTYLE_HUGE_PAGES=1, in turns; --kernels-ahead-ab N: the same with
# DEPTHSTYLE_KERNELS_AHEAD=0 and without; --against OTHER_CLI --pairs N:
# BUILD_DIR's depthstyle-cli and another one, a build from before a change
# say, N pairs in turns)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
which="${2:-both}"
repeats="${3:-3}"
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash tests/tools/prepare_standins.sh "$work/standins" --depth-network midas-small-like >/dev/null
lscpu | grep -E "Model name|^CPU\(s\)" || true
"$build/app/bench/depthstyle-bench" --models "$work/standins/models" \
  --published "$work/standins/published" --cli "$build/app/cli/depthstyle-cli" \
  --python "$python" --eager-script tools/bench_eager.py --export-script tools/export_onnx.py \
  --settings "$which" --repeats "$repeats" --threads 2 "${@:4}"
