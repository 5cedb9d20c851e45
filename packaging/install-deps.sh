#!/usr/bin/env bash
# Installs the Debian 12 packages DepthStyle needs to build, run and test.
# Run as root (or with sudo available). Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
  libssl-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qt6-translations-l10n
  libqt6svg6-dev
  libtorch-dev libdnnl-dev libopenblas0-pthread
  libopencv-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  python3 python3-torch python3-numpy
  xvfb xauth xdotool strace
  dpkg-dev file desktop-file-utils appstream man-db
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
