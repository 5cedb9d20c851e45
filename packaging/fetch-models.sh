#!/usr/bin/env bash
# Downloads (or takes from a folder), checks, converts and installs the model
# files DepthStyle runs on. See --help.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: fetch-models.sh [--from DIR | --mirror URL] [--dest DIR] [--force]

Installs the three published model files DepthStyle needs:
  vgg_normalised.pth     AdaIN encoder (pytorch-AdaIN release v0.0.0)
  decoder.pth            AdaIN decoder (pytorch-AdaIN release v0.0.0)
  model-small-traced.pt  MiDaS v2.1 small (isl-org/MiDaS release v2_1)

  --from DIR    take the files from DIR instead of downloading them
  --mirror URL  download the files from URL/NAME instead of their publishers
                (any address curl reads, file:// included)
  --dest DIR    install into DIR (default: $DEPTHSTYLE_MODELS, else
                ${XDG_DATA_HOME:-~/.local/share}/depthstyle/models)
  --force       install again even when a complete set is installed

Every tensor's name and shape is checked and the AdaIN files are converted to
the format LibTorch reads; the MiDaS file is installed frozen (one graph,
batch normalisation folded: it loads in a fifth of the time) when its output
stays the same. Each file's SHA-256 is printed and compared with the
published one (published-models.sha256 beside this script): a download that
differs is refused; a --from file that differs is installed with a warning.

The set is installed as a unit: it is built in a staging folder inside DIR and
put in use by one rename, so an interrupted run leaves the previous set (or
none), never a mix. In DIR, SHA256SUMS lists the installed files (run
'sha256sum -c SHA256SUMS' there) and SOURCE-SHA256SUMS the files as they were
downloaded or taken. Leftovers of interrupted runs are removed. Running it
again is harmless.
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
mirror=""
dest="${DEPTHSTYLE_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/depthstyle/models}"
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --from) [ $# -ge 2 ] || { echo "fetch-models: --from needs a folder" >&2; exit 2; }; from="$2"; shift 2 ;;
    --mirror) [ $# -ge 2 ] || { echo "fetch-models: --mirror needs an address" >&2; exit 2; }; mirror="${2%/}"; shift 2 ;;
    --dest) [ $# -ge 2 ] || { echo "fetch-models: --dest needs a folder" >&2; exit 2; }; dest="$2"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fetch-models: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$from" ] && [ -n "$mirror" ]; then
  echo "fetch-models: --from and --mirror cannot be combined" >&2
  exit 2
fi

fail() { echo "fetch-models: error: $*" >&2; exit 1; }
warn() { echo "fetch-models: warning: $*" >&2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
converter="$here/convert-models.py"
[ -f "$converter" ] || fail "'$converter' is missing; reinstall DepthStyle"
published_sums="${DEPTHSTYLE_PUBLISHED_SUMS:-$here/published-models.sha256}"

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
[ -w "$dest" ] && [ -r "$dest" ] && [ -x "$dest" ] ||
  fail "'$dest': no permission to read and write the model folder"

# One run at a time per folder; the lock is the folder itself, so nothing is
# left behind.
exec 9<"$dest"
flock -n 9 || fail "'$dest': another fetch-models.sh is installing into this folder"

# The published SHA-256 of a file ("" when none is recorded).
published_sum() {
  [ -f "$published_sums" ] || return 0
  awk -v name="$1" '$0 !~ /^#/ && NF == 2 && $2 == name { print $1; exit }' "$published_sums"
}

# The set in use: `current` points into .sets/; the names in $dest point
# through `current`. Anything else in .sets/ or a .staging.* folder was left
# by an interrupted run (the lock rules out a running one).
remove_leftovers() {
  local keep=""
  if [ -L "$dest/current" ]; then
    keep="$(readlink "$dest/current")"
    keep="${keep#.sets/}"
  fi
  local entry
  for entry in "$dest"/.staging.* "$dest"/.link.* "$dest"/.sets/*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    if [ "$entry" = "$dest/.sets/$keep" ]; then
      continue
    fi
    rm -rf -- "$entry"
  done
}
remove_leftovers

set_is_complete() {
  [ -L "$dest/current" ] || return 1
  (cd "$dest" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1) || return 1
  local i
  for i in 0 1 2; do
    [ -L "$dest/${names[$i]}" ] || return 1
    "$python" "$converter" --check "${kinds[$i]}" "$dest/${names[$i]}" >/dev/null 2>&1 || return 1
  done
}

if [ -z "$from" ] && [ "$force" -eq 0 ] && set_is_complete; then
  echo "A complete, valid model set is already installed in $dest (use --force to fetch again)."
  exit 0
fi

staging="$(mktemp -d "$dest/.staging.XXXXXX")" || fail "'$dest': cannot create a staging folder"
trap 'rm -rf -- "$staging"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$staging/source" "$staging/set"

for i in 0 1 2; do
  name="${names[$i]}"
  source="$staging/source/$name"
  url="${urls[$i]}"
  [ -z "$mirror" ] || url="$mirror/$name"
  if [ -n "$from" ]; then
    label="$from/$name"
    [ -f "$label" ] || fail "'$label' is missing. Download it from ${urls[$i]} and put it in '$from'."
    cp -- "$label" "$source" || fail "'$label': cannot be read"
  else
    label="$name (from $url)"
    echo "Downloading $name ..."
    if ! curl 9<&- --fail --location --progress-bar --retry 2 --output "$source" -- "$url"; then
      fail "downloading $name from $url failed. Download it by hand (a browser works), put it in a folder, and run: $0 --from FOLDER"
    fi
  fi
  # From standard input: a name with '\' or a newline would make
  # sha256sum escape its output line.
  sum="$(sha256sum < "$source" | cut -d' ' -f1)"
  expected="$(published_sum "$name")"
  echo "SHA-256 $sum  $name"
  if [ -z "$expected" ]; then
    warn "no published SHA-256 is recorded for $name; '$label' could not be checked against the published file"
  elif [ "$sum" != "$expected" ]; then
    if [ -z "$from" ]; then
      fail "'$label' is not the published file (SHA-256 $sum, published $expected) -- nothing was installed"
    fi
    warn "'$label' is not the published file (its SHA-256 differs from the published $expected); installing it as given"
  fi
  echo "$sum  $name" >> "$staging/set/SOURCE-SHA256SUMS"
  echo "Checking $name ..."
  if ! "$python" "$converter" 9<&- --label "$label" "${kinds[$i]}" "$source" "$staging/set/$name"; then
    fail "$name failed the check -- nothing was installed. Place a good copy of $name (from ${urls[$i]}) in a folder and run: $0 --from FOLDER"
  fi
done

(cd "$staging/set" && sha256sum -- "${names[@]}" > SHA256SUMS) || fail "'$dest': cannot write SHA256SUMS"
chmod 644 "$staging/set/"*
rm -rf -- "$staging/source"
sync -f "$staging/set" 2>/dev/null || true

# Every file passed. Put the set in use with one rename: `current` is replaced
# by a link to the new set; a run killed before it leaves the previous set.
id="${staging##*/.staging.}"
mkdir -p "$dest/.sets"
mv -T -- "$staging/set" "$dest/.sets/$id" || fail "'$dest': cannot move the new set into place"
ln -s ".sets/$id" "$dest/.link.current"
mv -T -- "$dest/.link.current" "$dest/current" || fail "'$dest': cannot put the new set in use"

# The names users and the programs open point through `current` (made once;
# a folder from an older version had the files themselves here).
for name in "${names[@]}" SHA256SUMS SOURCE-SHA256SUMS; do
  if [ "$(readlink "$dest/$name" 2>/dev/null || true)" != "current/$name" ]; then
    ln -s "current/$name" "$dest/.link.$name"
    mv -T -- "$dest/.link.$name" "$dest/$name" || fail "'$dest/$name': cannot be replaced"
  fi
done
remove_leftovers
echo "Installed the DepthStyle models in $dest"
