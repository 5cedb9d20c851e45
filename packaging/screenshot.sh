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
# The brush at work: real strokes through the mouse (tst_app's
# brushScreenshot), black on the strength map, white on the result.
XDG_CONFIG_HOME="$work/config-brush" QT_QPA_PLATFORM=xcb \
  DEPTHSTYLE_BRUSH_SCREENSHOT="$PWD/docs/screenshot-brush.png" \
  DEPTHSTYLE_SCREENSHOT_MODELS="$work/standins/models" \
  DEPTHSTYLE_SCREENSHOT_CONTENT="$work/content.png" \
  DEPTHSTYLE_SCREENSHOT_STYLE="$work/style.png" \
  xvfb-run -a -s "-screen 0 1500x900x24" "$build/tests/tst_app" brushScreenshot >/dev/null
echo "Wrote docs/screenshot-brush.png"
# View > Variations with its grid rendered, and the contact sheet it exports
# (tst_variations' screenshot).
XDG_CONFIG_HOME="$work/config-variations" QT_QPA_PLATFORM=xcb \
  DEPTHSTYLE_VARIATIONS_SCREENSHOT="$PWD/docs/screenshot-variations.png" \
  DEPTHSTYLE_SCREENSHOT_MODELS="$work/standins/models" \
  DEPTHSTYLE_SCREENSHOT_CONTENT="$work/content.png" \
  DEPTHSTYLE_SCREENSHOT_STYLE="$work/style.png" \
  xvfb-run -a -s "-screen 0 1500x900x24" "$build/tests/tst_variations" screenshot >/dev/null
rm -f docs/screenshot-variations-sheet.png  # large; the tests check the sheet
echo "Wrote docs/screenshot-variations.png"
