#!/usr/bin/env bash
# Builds the engine, the CLI, the document library and the tests without a
# window with AddressSanitizer and UndefinedBehaviorSanitizer, and runs those
# tests; any report fails the run. Called by packaging/test.sh after the
# normal build (the packages are installed by then).
# usage: packaging/sanitize.sh [BUILD_DIR]   (default: build-sanitize)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build-sanitize}"
tests=(tst_strength_map tst_preview_blend tst_image_io tst_document tst_fuzz
       tst_model_errors tst_session tst_cli tst_cli_loading)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDEPTHSTYLE_SANITIZE=ON
cmake --build "$build" --target depthstyle-cli "${tests[@]}"
# Leaks are not checked: LibTorch and Qt keep their global state to the end.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
pattern="^($(IFS='|'; echo "${tests[*]}"))$"
ctest --test-dir "$build" --output-on-failure -R "$pattern"
