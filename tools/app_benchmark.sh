#!/usr/bin/env bash
# Times the desktop app itself: the real window under Xvfb on stand-in models
# and the project's own 768x512 sample pictures. Each run starts the app with
# a content and a style, waits for the first exact result (depth, both
# encodings, AdaIN and the decoder) and quits; the render log gives the
# milliseconds from the request to the exact result on screen. Prints the CPU,
# each run and the median.
# usage: tools/app_benchmark.sh [BUILD_DIR] [RUNS] [small|paper]
#   (defaults: build 5 small; paper: a 1500x1000 content at size 1000 and a
#   450x300 style at size 300, the paper's setting, through --params)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
runs="${2:-5}"
setting="${3:-small}"
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash tests/tools/prepare_standins.sh "$work/standins" --depth-network midas-small-like >/dev/null
params=()
label="768x512"
if [ "$setting" = paper ]; then
  "$python" tools/draw_sized_content.py "$work/content.png" 1500 1000 >/dev/null
  "$python" tools/draw_sized_content.py "$work/style.png" 450 300 >/dev/null
  printf '{"format": "depthstyle-sidecar-1", "parameters": {"contentSize": 1000, "styleSize": 300}}\n' \
    >"$work/paper.json"
  params=(--params "$work/paper.json")
  label="the paper's setting (1500x1000, style 450x300)"
else
  "$python" packaging/draw_sample_images.py "$work"
fi
lscpu | grep -E "Model name|^CPU\(s\)" || true
times=()
for i in $(seq "$runs"); do
  rm -rf "$work/config"
  log="$(XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=xcb \
    QT_LOGGING_RULES="depthstyle.render.debug=true" \
    xvfb-run -a -s "-screen 0 1500x900x24" \
    "$build/app/gui/depthstyle" --models "$work/standins/models" ${params[@]+"${params[@]}"} \
    --screenshot "$work/shot.png" "$work/content.png" "$work/style.png" 2>&1)"
  ms="$(printf '%s\n' "$log" | sed -n 's/.*exact result shown after \([0-9]*\) ms.*/\1/p' | tail -n1)"
  if [ -z "$ms" ]; then
    printf '%s\n' "$log" >&2
    echo "run $i: no exact result in the render log" >&2
    exit 1
  fi
  echo "run $i: exact result at $label after $ms ms"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n |
  awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "median of %d runs: %d ms\n", NR, m }'
