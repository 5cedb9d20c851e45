#!/usr/bin/env bash
# Installs the Debian packages, builds DepthStyle and runs every test.
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
ctest --test-dir build --output-on-failure
# The engine, the CLI and the tests without a window again, under
# AddressSanitizer and UBSan: any report fails.
bash packaging/sanitize.sh build-sanitize
