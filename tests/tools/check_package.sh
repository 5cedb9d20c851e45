#!/usr/bin/env bash
# Test: builds the .deb with CPack, unpacks it into a temporary root with
# dpkg-deb -x, validates its desktop integration files, and runs both
# programs from there on stand-in models.
# usage: check_package.sh BUILD_DIR STANDINS_DIR
set -euo pipefail
build="$1"
standins="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null) || fail "cpack -G DEB failed"
deb="$(ls "$work"/deb/*.deb)"
[ -f "$deb" ] || fail "no .deb written"
depends="$(dpkg-deb -f "$deb" Depends)"
for needed in libtorch1.13 libqt6widgets6 libopencv-core406 libqcustomplot2.1-qt6 libopenblas0-pthread python3-torch; do
  echo "$depends" | grep -q "$needed" || fail "Depends lacks $needed: $depends"
done
recommends="$(dpkg-deb -f "$deb" Recommends)"
echo "$recommends" | grep -q qt6-translations-l10n || fail "Recommends lacks qt6-translations-l10n: $recommends"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for file in usr/bin/depthstyle usr/bin/depthstyle-cli usr/lib/depthstyle/depthstyle-cli-work.so \
    usr/lib/depthstyle/depthstyle-cli-kernels.so \
    usr/lib/depthstyle/depthstyle-cli-work.libraries usr/share/depthstyle/fetch-models.sh \
    usr/share/depthstyle/published-models.sha256 \
    usr/share/depthstyle/convert-models.py usr/share/applications/depthstyle.desktop \
    usr/share/metainfo/org.depthstyle.DepthStyle.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/depthstyle.svg usr/share/man/man1/depthstyle-cli.1.gz \
    usr/share/doc/depthstyle/copyright; do
  [ -e "$root/$file" ] || fail "the package lacks /$file"
done
desktop-file-validate "$root/usr/share/applications/depthstyle.desktop" || fail "desktop file invalid"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.depthstyle.DepthStyle.metainfo.xml" \
  >/dev/null || fail "metainfo invalid"

# Both programs, run from the unpacked root.
"$root/usr/bin/depthstyle-cli" --help | grep -q -- "--sweep-beta" || fail "depthstyle-cli --help"
"${DEPTHSTYLE_PYTHON:-/usr/bin/python3}" "$(dirname "$0")/../../packaging/draw_sample_images.py" "$work"
"$root/usr/bin/depthstyle-cli" --models "$standins/models" --content "$work/content.png" \
  --style "$work/style.png" --output "$work/result.png" --content-size 64 --style-size 64 \
  || fail "depthstyle-cli run"
[ -s "$work/result.png" ] || fail "no result from depthstyle-cli"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/depthstyle" --version | grep -q "depthstyle" || fail "depthstyle --version"
XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=offscreen timeout 300 \
  "$root/usr/bin/depthstyle" --models "$standins/models" --screenshot "$work/window.png" \
  "$work/content.png" "$work/style.png" || fail "depthstyle did not render and grab its window"
[ -s "$work/window.png" ] || fail "no window picture"
# The installed set-up script finds its converter beside it.
bash "$root/usr/share/depthstyle/fetch-models.sh" --from "$standins/published" \
  --dest "$work/models" >/dev/null || fail "installed fetch-models.sh"
echo "1 passed, 0 failed"
