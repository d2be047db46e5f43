#!/usr/bin/env bash
# Configures and builds ObsLink incrementally in ./build (ccache when present).
# OBSLINK_WERROR=ON (set by CI) turns warnings into errors; unset, the build folder keeps what it
# was configured with, so that running the tests after a -Werror build does not rebuild it all.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${OBSLINK_BUILD_DIR:-build}
werror=()
[[ -n "${OBSLINK_WERROR:-}" ]] && werror=(-DOBSLINK_WERROR="$OBSLINK_WERROR")
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${werror[@]}" \
  > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" -j "$(nproc)"
