#!/usr/bin/env bash
# Batch benchmark on stand-in models: a batch of N contents in one
# depthstyle-cli process against N separate runs, and the marginal time per
# picture inside a batch ((batch of N - batch of 1) / (N - 1): what each
# further picture costs once the models are loaded).
# usage: tools/batch_benchmark.sh [BUILD_DIR] [CONTENT_SIZE] [COUNT] [REPEATS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
size="${2:-512}"
count="${3:-20}"
repeats="${4:-3}"
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
cli="$build/app/cli/depthstyle-cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash tests/tools/prepare_standins.sh "$work/standins" --depth-network midas-small-like >/dev/null
models="$work/standins/models"
mkdir -p "$work/contents"
"$python" tools/draw_sized_content.py "$work/style.png" 512 512
"$python" tools/draw_sized_content.py "$work/content.png" 800 600
for i in $(seq -w 1 "$count"); do cp "$work/content.png" "$work/contents/c$i.png"; done
common=(--models "$models" --style "$work/style.png" --content-size "$size" --threads 2)

calc() { awk "BEGIN { print $* }"; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
  calc "$end - $start"; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

separate=(); batch=(); single=()
for r in $(seq "$repeats"); do
  rm -rf "$work/out"; mkdir -p "$work/out"
  start=$(date +%s.%N)
  for f in "$work"/contents/*.png; do
    "$cli" "${common[@]}" --content "$f" --output "$work/out/$(basename "$f")" 2>/dev/null
  done
  separate+=("$(calc "$(date +%s.%N) - $start")")
  batch+=("$(seconds "$cli" "${common[@]}" --content "$work/contents" --output-dir "$work/batch$r")")
  single+=("$(seconds "$cli" "${common[@]}" --content "$work/contents/c$(printf "%0${#count}d" 1).png" \
    --output-dir "$work/one$r")")
  # The batch's outputs are the separate runs' outputs, byte for byte.
  for f in "$work"/out/*.png; do
    cmp -s "$f" "$work/batch$r/$(basename "$f" .png)_style.png" || { echo "differs: $f"; exit 1; }
  done
done
sep=$(printf '%s\n' "${separate[@]}" | median)
bat=$(printf '%s\n' "${batch[@]}" | median)
one=$(printf '%s\n' "${single[@]}" | median)
lscpu | grep -E "Model name" | sed 's/  */ /g'
echo "content size $size, $count contents, median of $repeats"
printf '%-44s %8.2f s  (%.2f s a picture)\n' "$count separate runs" "$sep" "$(calc "$sep / $count")"
printf '%-44s %8.2f s  (%.2f s a picture)\n' "one batch of $count" "$bat" "$(calc "$bat / $count")"
printf '%-44s %8.2f s\n' "one batch of 1 (start-up and one picture)" "$one"
printf '%-44s %8.2f s\n' "marginal time a picture in a batch" "$(calc "($bat - $one) / ($count - 1)")"
printf '%-44s %8.2fx\n' "batch speed-up over separate runs" "$(calc "$sep / $bat")"
