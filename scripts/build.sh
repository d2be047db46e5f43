#!/usr/bin/env bash
# Configures and builds ObsLink incrementally in ./build (ccache when present).
# OBSLINK_WERROR=ON (set by CI) turns warnings into errors.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${OBSLINK_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOBSLINK_WERROR="${OBSLINK_WERROR:-OFF}" > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" -j "$(nproc)"
