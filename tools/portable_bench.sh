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
# usage: tools/portable_bench.sh [BUILD_DIR] [OUT_DIR] [PART_MIB]
#   (defaults: build, BUILD_DIR/portable, 50: parts of at most 50 MiB, for
#   tools that carry a limited size per call; relative folders are taken
#   from the repository's root)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
out="${2:-$build/portable}"
part_mib="${3:-50}"
prefix=/tmp/depthstyle-portable
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
fail() { echo "portable_bench.sh: $*" >&2; exit 1; }
command -v patchelf >/dev/null || fail "needs patchelf (apt install patchelf)"
command -v xz >/dev/null || fail "needs xz (apt install xz-utils)"
programs=("$build/app/cli/depthstyle-cli" "$build/app/bench/depthstyle-bench" "$build/app/gui/depthstyle")
module="$build/app/cli/depthstyle-cli-work.so"
kernels="$build/app/cli/depthstyle-cli-kernels.so"
for file in "${programs[@]}" "$module" "$kernels" "$build/app/cli/depthstyle-cli-work.libraries"; do
  [ -f "$file" ] || fail "'$file' is missing: build DepthStyle first"
done
plugin="$(find /usr/lib/x86_64-linux-gnu/qt6/plugins/platforms -name libqoffscreen.so -print -quit)"
[ -n "$plugin" ] || fail "Qt 6's offscreen platform plugin is not installed"
# Made here alone: an existing folder is never touched.
mkdir "$prefix" 2>/dev/null || fail "cannot make '$prefix' (it exists?): the bundle is made there"
trap 'rm -rf "$prefix"' EXIT
mkdir -p "$prefix/bin" "$prefix/lib" "$prefix/plugins/platforms" "$prefix/images/paper"

cp "${programs[@]}" "$module" "$kernels" "$build/app/cli/depthstyle-cli-work.libraries" \
  "$prefix/bin/"
cp "$plugin" "$prefix/plugins/platforms/"
resolved="$(for file in "${programs[@]}" "$module" "$kernels" "$plugin"; do ldd "$file"; done)"
if grep -q "not found" <<<"$resolved"; then
  fail "libraries are missing here: $(grep "not found" <<<"$resolved" | sort -u | tr -s ' \t\n' ' ')"
fi
awk '$2 == "=>" && $3 ~ /^\// {print $3}' <<<"$resolved" | sort -u | while read -r library; do
  cp -L "$library" "$prefix/lib/"
done
loader="$(patchelf --print-interpreter "${programs[0]}")"
[ -f "$loader" ] || fail "cannot read the dynamic loader of ${programs[0]}"
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
  split -b "${part_mib}M" -d -a 3 - "$out/depthstyle-portable.tar.xz.part"
echo "wrote $(find "$out" -name 'depthstyle-portable.tar.xz.part*' | wc -l) parts to $out/"
echo "there: cat depthstyle-portable.tar.xz.part* | xz -d | tar -x -C /tmp && bash $prefix/run.sh OUT"
