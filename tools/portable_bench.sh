#!/usr/bin/env bash
# Packs a built DepthStyle for measuring on another x86-64 Linux machine
# that has none of Debian 12's libraries (a borrowed machine with another
# processor, say): the benchmark, the CLI with its work module, the app, every
# library they load (ldd's closure, glibc and its dynamic loader included,
# so that the programs run with exactly Debian's libraries), Qt's offscreen
# platform plugin, stand-in models and the project's own sample pictures.
#
# The programs' interpreter is set to the bundle's own loader, so the bundle
# must be unpacked at PREFIX (/tmp/depthstyle-portable) there:
#   cat depthstyle-portable.tar.xz.part* | xz -d | tar -x -C /tmp
#   bash /tmp/depthstyle-portable/run.sh OUT_DIR [REPEATS] [SECONDS]
# (tools/portable_bench_run.sh: two cores pinned, the whole-run split, the
# stages and bfloat16 decoding, the app's exact result, oneDNN's kernels).
#
# The stand-in weights are snapped to 8 levels per tensor
# (make_standin_models.py --levels 8) so that they compress: a convolution's
# cost does not depend on its weights' values. Needs patchelf and xz.
#
# usage: tools/portable_bench.sh [BUILD_DIR] [OUT_DIR] [PART_MB]
#   (defaults: build, portable, 50: parts of at most 50 MB, for tools that
#   carry a limited size per call)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
out="${2:-portable}"
part_mb="${3:-50}"
prefix=/tmp/depthstyle-portable
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
fail() { echo "portable_bench.sh: $*" >&2; exit 1; }
command -v patchelf >/dev/null || fail "needs patchelf (apt install patchelf)"
command -v xz >/dev/null || fail "needs xz (apt install xz-utils)"
programs=("$build/app/cli/depthstyle-cli" "$build/app/bench/depthstyle-bench" "$build/app/gui/depthstyle")
module="$build/app/cli/depthstyle-cli-work.so"
for file in "${programs[@]}" "$module" "$build/app/cli/depthstyle-cli-work.libraries"; do
  [ -f "$file" ] || fail "'$file' is missing: build DepthStyle first"
done
plugin="$(find /usr/lib/x86_64-linux-gnu/qt6/plugins/platforms -name libqoffscreen.so -print -quit)"
[ -n "$plugin" ] || fail "Qt 6's offscreen platform plugin is not installed"
[ ! -e "$prefix" ] || fail "'$prefix' exists: the bundle is made there; move it away first"
trap 'rm -rf "$prefix"' EXIT
mkdir -p "$prefix/bin" "$prefix/lib" "$prefix/plugins/platforms" "$prefix/images/paper"

cp "${programs[@]}" "$module" "$build/app/cli/depthstyle-cli-work.libraries" "$prefix/bin/"
cp "$plugin" "$prefix/plugins/platforms/"
for file in "${programs[@]}" "$module" "$plugin"; do
  ldd "$file" | awk '$2 == "=>" && $3 ~ /^\// {print $3}'
done | sort -u | while read -r library; do
  cp -L "$library" "$prefix/lib/"
done
loader="$(readelf --program-headers "${programs[0]}" | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
cp -L "$loader" "$prefix/lib/"
for program in "${programs[@]}"; do
  patchelf --set-interpreter "$prefix/lib/$(basename "$loader")" "$prefix/bin/$(basename "$program")"
done

standins="$(mktemp -d)"
trap 'rm -rf "$prefix" "$standins"' EXIT
bash tests/tools/prepare_standins.sh "$standins/s" --depth-network midas-small-like --levels 8 \
  >/dev/null
cp -a "$standins/s/models" "$prefix/models"
"$python" packaging/draw_sample_images.py "$prefix/images" >/dev/null
"$python" tools/draw_sized_content.py "$prefix/images/paper/content.png" 1500 1000 >/dev/null
"$python" tools/draw_sized_content.py "$prefix/images/paper/style.png" 450 300 >/dev/null
printf '{"format": "depthstyle-sidecar-1", "parameters": {"contentSize": 1000, "styleSize": 300}}\n' \
  >"$prefix/images/paper/paper.json"
cp tools/portable_bench_run.sh "$prefix/run.sh"

mkdir -p "$out"
rm -f "$out"/depthstyle-portable.tar.xz.part*
tar -C "$(dirname "$prefix")" -cf - "$(basename "$prefix")" | xz -6 -T0 |
  split -b "${part_mb}M" -d -a 2 - "$out/depthstyle-portable.tar.xz.part"
echo "wrote $(find "$out" -name 'depthstyle-portable.tar.xz.part*' | wc -l) parts to $out/"
echo "there: cat depthstyle-portable.tar.xz.part* | xz -d | tar -x -C /tmp && bash $prefix/run.sh OUT"
