#!/usr/bin/env bash
# Starts a local regional center for the demo: a demo CA and a certificate for localhost
# (openssl), an SQLite center database with the demo region (clinics center, clinic-a,
# clinic-b; users dr-wang, nurse-li, dr-zhao, us-chen, center-admin; password obslink-demo),
# the service on https://127.0.0.1:8443, and the demo clinic published to it once.
# Prints the center's PID. Never use these certificates or passwords outside a demo.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=demo-data/center
mkdir -p "$dir"
./scripts/demo-certificate.sh "$dir" "ObsLink Demo CA"
center=./build/app/center/obslink-center
if [ ! -f "$dir/center.db" ]; then
  "$center" --db "$dir/center.db" --init --demo-region >&2
else
  "$center" --db "$dir/center.db" --init >&2 # upgrades a center made by an earlier version
fi
"$center" --db "$dir/center.db" --cert "$dir/server.pem" --key "$dir/server.key" --port 8443 \
  > "$dir/listening.json" 2>> "$dir/center.log" &
pid=$!
for _ in $(seq 50); do [ -s "$dir/listening.json" ] && break; sleep 0.1; done
printf 'obslink-demo\n' > "$dir/password"
if [ -f demo-data/clinic.db ] && [ ! -f "$dir/published" ]; then
  echo "Publishing the demo clinic to the center (first start only)…" >&2
  ./build/app/cli/obslink-cli sync --db demo-data/clinic.db --server https://127.0.0.1:8443 \
    --ca "$dir/ca.pem" --user dr-wang --password-file "$dir/password" --publish-all >&2 && touch "$dir/published"
fi
echo "$pid"
