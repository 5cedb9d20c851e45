#!/usr/bin/env bash
# Measures DepthStyle on the machine at hand from the bundle that
# tools/portable_bench.sh makes (copied into it as run.sh; see there), on two
# of its logical processors on distinct cores, like the 2-core development
# machine. Writes into OUT_DIR:
#   info.txt        the processor, its instruction sets and the two processors used
#   split.txt       the whole-run split at 768x512 and at the paper's setting
#   bench_small.txt stages, bfloat16 decoding, re-decode and memory at 768x512
#   app.txt         the app's exact result (offscreen), 3 runs at each setting
#   kernels.txt     oneDNN's kernels for fp32 and bf16 decoding, and the
#                   stripe size and bfloat16 speed measured and remembered
#   hugepages.txt   10 pairs of whole runs at 768x512 without and with
#                   transparent huge pages (DEPTHSTYLE_HUGE_PAGES=1), in turns
#   bench_paper.txt the same as bench_small.txt at the paper's setting, if
#                   SECONDS (default 470) leave a minute for it
# Each file ends with the exit status of what wrote it (124: cut off by its
# time limit). The bundle's cache is emptied first, so the stripe size and
# the bfloat16 speed are measured in this run.
# usage: run.sh OUT_DIR [REPEATS] [SECONDS]
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: run.sh OUT_DIR [REPEATS] [SECONDS]}"
if [ ! -x "$here/bin/depthstyle-cli" ]; then
  echo "run.sh: run it from the unpacked bundle (bash /tmp/depthstyle-portable/run.sh OUT_DIR)" >&2
  exit 2
fi
rm -rf "$here/cache" "$here/config"
repeats="${2:-3}"
budget="${3:-470}"
mkdir -p "$out"
start=$(date +%s)
elapsed() { echo $(($(date +%s) - start)); }
{
  grep -m1 "model name" /proc/cpuinfo
  echo "logical processors: $(nproc)"
  uname -r
  grep -m1 PRETTY_NAME /etc/os-release
  grep -m1 flags /proc/cpuinfo | tr ' ' '\n' | grep -E "avx512|amx|avx2|fma" | tr '\n' ' '
  echo
  lscpu 2>/dev/null | grep -E "Thread|Core|Socket|L1d|L2|L3"
} >"$out/info.txt" 2>&1
# The first processor this process may run on and the next one that is not
# its hyper-thread sibling.
pair="$(python3 - 2>>"$out/info.txt" <<'PY'
import os
import sys
def expand(text):
    found = set()
    for part in text.strip().split(","):
        if "-" in part:
            a, b = part.split("-")
            found |= set(range(int(a), int(b) + 1))
        elif part:
            found.add(int(part))
    return found
cpus = sorted(os.sched_getaffinity(0))
try:
    siblings = expand(open("/sys/devices/system/cpu/cpu%d/topology/thread_siblings_list" % cpus[0]).read())
except OSError:
    siblings = {cpus[0]}
others = [c for c in cpus[1:] if c not in siblings] or cpus[1:]
print(",".join(str(c) for c in [cpus[0]] + others[:1]))
if others and others[0] in siblings:
    print("note: the two are hyper-thread siblings of one core", file=sys.stderr)
PY
)"
# Without Python 3 there: the first two processors this process may use.
[ -n "$pair" ] || pair="$(awk '/^Cpus_allowed_list/ {
  n = split($2, parts, ",")
  for (i = 1; i <= n && count < 2; i++) {
    split(parts[i], range, "-"); last = (range[2] == "") ? range[1] : range[2]
    for (c = range[1] + 0; c <= last + 0 && count < 2; c++) { pair = pair (count ? "," : "") c; count++ }
  }
  print pair }' /proc/self/status)"
echo "pinned to logical processors $pair" >>"$out/info.txt"
cat "$out/info.txt"
# Only the bundle's programs see its libraries: the machine's own tools
# (taskset and env here) keep their own glibc, which may be newer than
# Debian's.
ours=(taskset -c "$pair" env "LD_LIBRARY_PATH=$here/lib" "QT_PLUGIN_PATH=$here/plugins"
  "XDG_CACHE_HOME=$here/cache" "XDG_CONFIG_HOME=$here/config")
bin="$here/bin"
bench=("$bin/depthstyle-bench" --models "$here/models" --cli "$bin/depthstyle-cli" --threads 2
  --repeats "$repeats")
# usage: benchmark FILE SECONDS ARGUMENTS...: the benchmark's output and its
# exit status into FILE.
benchmark() {
  local file="$1" seconds="$2"
  shift 2
  timeout "$seconds" "${ours[@]}" "${bench[@]}" "$@" >"$file" 2>&1
  echo "exit status $?" >>"$file"
}
echo "[$(elapsed) s] whole-run split"
benchmark "$out/split.txt" 300 --settings both --split-only
echo "[$(elapsed) s] stages at 768x512"
benchmark "$out/bench_small.txt" 300 --settings small
echo "[$(elapsed) s] the app"
: >"$out/app.txt"
for setting in small paper; do
  if [ "$setting" = small ]; then
    pictures=("$here/images/content.png" "$here/images/style.png")
  else
    pictures=(--params "$here/images/paper/paper.json" "$here/images/paper/content.png"
      "$here/images/paper/style.png")
  fi
  for run in 1 2 3; do
    rm -rf "$here/config"
    log="$(QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="depthstyle.render.debug=true" \
      timeout 120 "${ours[@]}" "$bin/depthstyle" --models "$here/models" \
      --screenshot "$out/shot-$setting.png" "${pictures[@]}" 2>&1)"
    status=$?
    ms="$(printf '%s\n' "$log" | sed -n 's/.*exact result shown after \([0-9]*\) ms.*/\1/p' | tail -n1)"
    echo "app, $setting, run $run: exact result after ${ms:-no result} ms (exit status $status)" \
      >>"$out/app.txt"
    [ -n "$ms" ] || printf '%s\n' "$log" | tail -n 20 >>"$out/app.txt"
  done
done
echo "[$(elapsed) s] oneDNN's kernels"
for precision in fp32 bf16; do
  echo "decoder precision $precision: convolution kernels run"
  DNNL_VERBOSE=1 timeout 120 "${ours[@]}" "$bin/depthstyle-cli" --models "$here/models" \
    --content "$here/images/content.png" --style "$here/images/style.png" \
    --output "$here/out-$precision.png" --threads 2 --decoder-precision "$precision" \
    >"$here/verbose.txt" 2>&1
  echo "exit status $?"
  awk -F, '$1 == "onednn_verbose" && $2 == "exec" && $4 == "convolution" {print $5}' \
    "$here/verbose.txt" | sort | uniq -c
done >"$out/kernels.txt" 2>&1
for remembered in stripe-budget decoder-speed; do
  echo "remembered $remembered: $(cat "$here/cache/depthstyle/$remembered" 2>/dev/null)"
done >>"$out/kernels.txt"
echo "[$(elapsed) s] whole runs without and with huge pages"
benchmark "$out/hugepages.txt" 240 --settings small --huge-pages-ab 10
left=$((budget - $(elapsed)))
if [ "$left" -gt 60 ]; then
  echo "[$(elapsed) s] stages at the paper's setting"
  benchmark "$out/bench_paper.txt" "$left" --settings paper
fi
echo "[$(elapsed) s] done"
