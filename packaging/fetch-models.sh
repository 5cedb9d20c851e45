#!/usr/bin/env bash
# Downloads (or takes from a folder), checks, converts and installs the model
# files DepthStyle runs on. See --help.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: fetch-models.sh [--from DIR] [--dest DIR] [--force]

Installs the three published model files DepthStyle needs:
  vgg_normalised.pth     AdaIN encoder (pytorch-AdaIN release v0.0.0)
  decoder.pth            AdaIN decoder (pytorch-AdaIN release v0.0.0)
  model-small-traced.pt  MiDaS v2.1 small (isl-org/MiDaS release v2_1)

  --from DIR   take the files from DIR instead of downloading them
  --dest DIR   install into DIR (default: $DEPTHSTYLE_MODELS, else
               ${XDG_DATA_HOME:-~/.local/share}/depthstyle/models)
  --force      download again even when a complete set is installed

Every tensor's name and shape is checked, the AdaIN files are converted to the
format LibTorch reads, each file's SHA-256 is printed, and the set is installed
only when all three files passed. Running it again is harmless.
USAGE
}

names=(vgg_normalised.pth decoder.pth model-small-traced.pt)
kinds=(encoder decoder depth)
urls=(
  https://github.com/naoto0804/pytorch-AdaIN/releases/download/v0.0.0/vgg_normalised.pth
  https://github.com/naoto0804/pytorch-AdaIN/releases/download/v0.0.0/decoder.pth
  https://github.com/isl-org/MiDaS/releases/download/v2_1/model-small-traced.pt
)

from=""
dest="${DEPTHSTYLE_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/depthstyle/models}"
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --from) [ $# -ge 2 ] || { echo "fetch-models: --from needs a folder" >&2; exit 2; }; from="$2"; shift 2 ;;
    --dest) [ $# -ge 2 ] || { echo "fetch-models: --dest needs a folder" >&2; exit 2; }; dest="$2"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fetch-models: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "fetch-models: error: $*" >&2; exit 1; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
converter="$here/convert-models.py"
[ -f "$converter" ] || fail "'$converter' is missing; reinstall DepthStyle"

python=""
for candidate in "${DEPTHSTYLE_PYTHON:-}" /usr/bin/python3 python3; do
  if [ -n "$candidate" ] && "$candidate" -c 'import torch' >/dev/null 2>&1; then
    python="$candidate"; break
  fi
done
[ -n "$python" ] || fail "needs Python 3 with PyTorch (Debian package python3-torch; run packaging/install-deps.sh)"

if [ -n "$from" ] && [ ! -d "$from" ]; then
  fail "'$from': no such folder"
fi

mkdir -p "$dest" || fail "'$dest': cannot create the model folder"
[ -w "$dest" ] || fail "'$dest': no permission to write into the model folder"

if [ -z "$from" ] && [ "$force" -eq 0 ]; then
  complete=1
  for i in 0 1 2; do
    "$python" "$converter" --check "${kinds[$i]}" "$dest/${names[$i]}" >/dev/null 2>&1 || complete=0
  done
  if [ "$complete" -eq 1 ]; then
    echo "A complete, valid model set is already installed in $dest (use --force to fetch again)."
    exit 0
  fi
fi

staging="$(mktemp -d "$dest/.staging.XXXXXX")" || fail "'$dest': cannot create a staging folder"
trap 'rm -rf "$staging"' EXIT
mkdir "$staging/source" "$staging/installed"

for i in 0 1 2; do
  name="${names[$i]}"
  source="$staging/source/$name"
  if [ -n "$from" ]; then
    [ -f "$from/$name" ] || fail "'$from/$name' is missing. Download it from ${urls[$i]} and put it in '$from'."
    cp "$from/$name" "$source" || fail "'$from/$name': cannot be read"
  else
    echo "Downloading $name ..."
    if ! curl --fail --location --progress-bar --retry 2 --output "$source" "${urls[$i]}"; then
      fail "downloading $name from ${urls[$i]} failed. Download it by hand (a browser works), put it in a folder, and run: $0 --from FOLDER"
    fi
  fi
  sum="$(sha256sum "$source" | cut -d' ' -f1)"
  echo "SHA-256 $sum  $name"
  echo "$sum  $name" >> "$staging/installed/SHA256SUMS"
  echo "Checking $name ..."
  if ! "$python" "$converter" "${kinds[$i]}" "$source" "$staging/installed/$name" 2> "$staging/error"; then
    message="$(sed "s|$staging/source/|${from:+$from/}|" "$staging/error")"
    fail "${message:-$name failed the check} -- nothing was installed. Place a good copy of $name (from ${urls[$i]}) in a folder and run: $0 --from FOLDER"
  fi
done

chmod 644 "$staging/installed/"*
# Every file passed: move them into place (renames within one file system).
for name in "${names[@]}" SHA256SUMS; do
  mv -f "$staging/installed/$name" "$dest/$name"
done
echo "Installed the DepthStyle models in $dest"
