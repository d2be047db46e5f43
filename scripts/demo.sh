#!/usr/bin/env bash
# Installs what ObsLink needs on Debian 12, builds it, creates a synthetic demo clinic
# (never real patients), starts the regional center holding it (scripts/democenter.sh) and
# the workstation on it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
mkdir -p demo-data
if [ ! -f demo-data/clinic.db ]; then
  ./build/app/cli/obslink-cli demo-data --db demo-data/clinic.db --patients "${OBSLINK_DEMO_PATIENTS:-10000}" --seed 2017 --grade --ctg-traces 40 --referrals 4 --clinic clinic-a
fi
# The regional center with the demo region, holding the demo clinic; stopped with the workstation.
center_pid=$(./scripts/democenter.sh)
trap 'kill "$center_pid" 2>/dev/null || true' EXIT
# The workstation syncs with it in the background as dr-wang (status bar: synced / offline /
# conflicts); a managed install names a password file, a user signs in once in Settings.
printf '[center]\nurl=https://127.0.0.1:8443\ncaFile=%s\nusername=dr-wang\npasswordFile=%s\nintervalSeconds=60\n' \
  "$PWD/demo-data/center/ca.pem" "$PWD/demo-data/center/password" > demo-data/center.ini
export OBSLINK_CENTER_CONFIG=$PWD/demo-data/center.ini
# The regional PACS (Orthanc + DICOMweb behind nginx TLS, scripts/pacs.sh) with the synthetic
# demo ultrasound studies of demo-clinic women; Reading → Reading worklist shows them, Reading →
# Open her chart opens the woman's chart. Stopped with the workstation.
if pacs=$(./scripts/pacs.sh start --demo-studies ./build/app/cli/obslink-cli --demo-db demo-data/clinic.db); then
  trap 'kill "$center_pid" 2>/dev/null || true; ./scripts/pacs.sh stop' EXIT
  eval "$pacs"
  printf '[pacs]\nurl=%s\ncaFile=%s\nusername=%s\npasswordFile=%s\ncacheDirectory=%s\ninboxDirectory=%s\n' \
    "$url" "$ca" "$user" "$password_file" "$PWD/demo-data/study-cache" "$PWD/demo-data/dicom-inbox" > demo-data/pacs.ini
  export OBSLINK_PACS_CONFIG=$PWD/demo-data/pacs.ini
else
  echo "The demo PACS is not running (Orthanc, orthanc-dicomweb or nginx missing, see above): no reading worklist." >&2
fi
workstation=(./build/app/workstation/obslink --db demo-data/clinic.db --clinic clinic-a --user dr-wang "$@")
# Without a desktop session (a server, xvfb) there is no keyring to keep the workstation's
# sign-in: give it a private session bus with an unlocked demo keyring, as the tests do,
# instead of a keyring password prompt nobody expects.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  export OBSLINK_DEMO_KEYRING_HOME=$PWD/demo-data/keyring-home
  mkdir -p "$OBSLINK_DEMO_KEYRING_HOME"
  workstation=(dbus-run-session -- sh -c 'printf demo | HOME="$OBSLINK_DEMO_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "${workstation[@]}")
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the workstation inside a virtual X server (xvfb-run)." >&2
  xvfb-run -a -s "-screen 0 1600x1000x24" "${workstation[@]}"
  exit
fi
"${workstation[@]}"
