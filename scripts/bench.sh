#!/usr/bin/env bash
# Runs every benchmark under tests/bench; each prints "bench: <name> <value> <unit>" lines.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
for bench in "${OBSLINK_BUILD_DIR:-build}"/tests/bench/bench_*; do
  [ -f "$bench" ] && [ -x "$bench" ] || continue # not the *_autogen folders
  echo "== $(basename "$bench")"
  "$bench"
done
