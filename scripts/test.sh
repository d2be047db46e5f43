#!/usr/bin/env bash
# Installs what ObsLink needs on Debian 12, builds it and runs every test (unit, integration,
# GUI offscreen). Benchmarks are built too; run them with scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
# Secrets (QtKeychain) need a session bus and an unlocked keyring, even in tests.
export HOME_FOR_TESTS=$(mktemp -d)
HOME="$HOME_FOR_TESTS" dbus-run-session -- sh -c \
  'printf obslink | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; \
   OBSLINK_REQUIRE_KEYCHAIN=1 ctest --test-dir "${OBSLINK_BUILD_DIR:-build}" --output-on-failure -LE bench -j 2 --timeout 600'
