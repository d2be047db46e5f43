#!/usr/bin/env bash
# Installs what ObsLink needs on Debian 12, builds it and runs every test (unit, integration,
# GUI offscreen), then the tests that start the regional center (label `center`) a second time
# on PostgreSQL in a private throw-away cluster (scripts/test-postgres.sh). Benchmarks are built
# too; run them with scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
source ./scripts/test-postgres.sh
obslink_postgres_start
# Secrets (QtKeychain) need a session bus and an unlocked keyring, even in tests.
export HOME_FOR_TESTS=$(mktemp -d)
HOME="$HOME_FOR_TESTS" dbus-run-session -- sh -c \
  'printf obslink | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; \
   export OBSLINK_REQUIRE_KEYCHAIN=1; build="${OBSLINK_BUILD_DIR:-build}"; \
   ctest --test-dir "$build" --output-on-failure -LE bench -j 2 --timeout 600; status=$?; \
   echo "== the center tests again, on PostgreSQL"; \
   OBSLINK_TEST_POSTGRES="$OBSLINK_POSTGRES_URL" ctest --test-dir "$build" --output-on-failure -L center -LE bench -j 2 --timeout 600 \
     || status=1; exit $status'
