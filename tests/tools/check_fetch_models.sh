#!/usr/bin/env bash
# Script test of packaging/fetch-models.sh where C++ cannot easily go:
#   interrupts  SIGKILL to the whole run at many points while set B replaces
#               set A: the set in use is always A or B complete, never a mix,
#               and the next run removes what the killed ones left;
#   names       --from folders whose names hold '|', spaces, quotes and a
#               byte that is not UTF-8: installs work, and a broken file's
#               message names it byte for byte.
# usage: check_fetch_models.sh interrupts SCRIPT SET_A SET_B WORK
#        check_fetch_models.sh names SCRIPT GOOD_SET BROKEN_SET WORK
set -euo pipefail

fail() { echo "check_fetch_models: FAIL: $*" >&2; exit 1; }

check_interrupts() {
  local script="$1" set_a="$2" set_b="$3" work="$4"
  local dest="$work/models"
  bash "$script" --from "$set_b" --dest "$work/only-b" >/dev/null 2>&1 || fail "installing set B"
  local sums_b
  sums_b="$(cat "$work/only-b/SHA256SUMS")"
  bash "$script" --from "$set_a" --dest "$dest" >/dev/null 2>&1 || fail "installing set A"
  local sums_a
  sums_a="$(cat "$dest/SHA256SUMS")"
  [ "$sums_a" != "$sums_b" ] || fail "sets A and B are the same"

  # Kill points spread over the length of one whole run (measured here, as
  # machines differ), a few of them near its end where the set is switched.
  local start end run_ms
  start="$(date +%s%N)"
  bash "$script" --from "$set_b" --dest "$work/timed" >/dev/null 2>&1 || fail "a timed run"
  end="$(date +%s%N)"
  run_ms=$(((end - start) / 1000000))
  local delays=() k
  for k in 20 45 70 85 92 96 99 105; do
    delays+=("$(awk -v ms="$run_ms" -v k="$k" 'BEGIN { printf "%.3f", ms * k / 100000 }')")
  done

  local delay leftovers=0 replaced=0
  for delay in "${delays[@]}"; do
    setsid bash "$script" --from "$set_b" --dest "$dest" >/dev/null 2>&1 &
    local pid=$!
    sleep "$delay"
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    sleep 0.2  # let the killed group's last children go
    (cd "$dest" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1) ||
      fail "after a kill at ${delay}s the installed files do not match SHA256SUMS"
    local now
    now="$(cat "$dest/SHA256SUMS")"
    if [ "$now" = "$sums_b" ]; then
      replaced=$((replaced + 1))
      bash "$script" --from "$set_a" --dest "$dest" >/dev/null 2>&1 || fail "reinstalling set A"
    elif [ "$now" != "$sums_a" ]; then
      fail "after a kill at ${delay}s the set in use is neither A nor B"
    fi
    if compgen -G "$dest/.staging.*" >/dev/null; then
      leftovers=$((leftovers + 1))
    fi
  done
  echo "kills: $leftovers left a staging folder, $replaced came after the new set was in use"
  # The kills did land inside runs (the window of the switch itself is too
  # short to aim at; the loop checks whatever each kill left).
  [ "$leftovers" -ge 1 ] || fail "no kill interrupted a run"

  # A later run removes every leftover and keeps one set.
  bash "$script" --from "$set_a" --dest "$dest" >/dev/null 2>&1 || fail "the run after the kills"
  ! compgen -G "$dest/.staging.*" >/dev/null || fail "a staging folder was left behind"
  ! compgen -G "$dest/.link.*" >/dev/null || fail "a temporary link was left behind"
  [ "$(find "$dest/.sets" -mindepth 1 -maxdepth 1 | wc -l)" -eq 1 ] || fail "more than one set kept"
  [ "$(cat "$dest/SHA256SUMS")" = "$sums_a" ] || fail "the final set is not A"
}

check_names() {
  local script="$1" good="$2" broken="$3" work="$4"
  local odd
  for odd in "$work/bar|pipe two words quote's \"double\" amp & back\\slash latin1-"$'\xe9'"t"$'\xe9'; do
    mkdir -p "$odd/good" "$odd/broken"
    cp "$good"/* "$odd/good/"
    cp "$broken"/* "$odd/broken/"
    # With the good files' hashes as the published ones: no warning, even
    # though the folder's path holds a backslash (sha256sum escapes such
    # names in its output).
    local name
    for name in vgg_normalised.pth decoder.pth model-small-traced.pt; do
      echo "$(sha256sum < "$good/$name" | cut -d' ' -f1)  $name"
    done > "$work/published.sha256"
    DEPTHSTYLE_PUBLISHED_SUMS="$work/published.sha256" \
      bash "$script" --from "$odd/good" --dest "$odd/models" >/dev/null 2>"$work/err" ||
      fail "installing from '$odd/good': $(cat "$work/err")"
    ! grep -q "warning" "$work/err" || fail "a warning for the published files: $(cat "$work/err")"
    (cd "$odd/models" && sha256sum --quiet -c SHA256SUMS) || fail "the set from '$odd/good'"

    local status=0
    bash "$script" --from "$odd/broken" --dest "$odd/models" >/dev/null 2>"$work/err" || status=$?
    [ "$status" -eq 1 ] || fail "a broken file in '$odd' gave exit $status"
    grep -qF -- "'$odd/broken/decoder.pth'" "$work/err" ||
      fail "the message does not name '$odd/broken/decoder.pth': $(cat "$work/err")"
    grep -qF -- "'14.weight'" "$work/err" || fail "the message lost the reason: $(cat "$work/err")"
    ! grep -q "^sed:" "$work/err" || fail "sed failed on '$odd'"
  done
  echo "odd folder names: all named exactly"
}

case "${1:-}" in
  interrupts) shift; check_interrupts "$@" ;;
  names) shift; check_names "$@" ;;
  *) echo "usage: $0 interrupts|names ..." >&2; exit 2 ;;
esac
