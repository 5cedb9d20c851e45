#!/usr/bin/env bash
# Makes docs/screenshot.png and docs/screenshot-dark.png (View > Theme >
# Dark): the real DepthStyle window under Xvfb, on
# stand-in models (seeded random weights, so the result is not a real
# stylization) and on pictures the script draws itself.
# usage: packaging/screenshot.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"

bash tests/tools/prepare_standins.sh "$work/standins" >/dev/null
"$python" packaging/draw_sample_images.py "$work"
mkdir -p docs
for theme in light dark; do
  name=docs/screenshot.png
  [ "$theme" = dark ] && name=docs/screenshot-dark.png
  XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1500x900x24" \
    "$build/app/gui/depthstyle" --models "$work/standins/models" --theme "$theme" \
    --screenshot "$name" "$work/content.png" "$work/style.png"
  echo "Wrote $name"
done
