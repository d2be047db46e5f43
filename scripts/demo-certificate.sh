#!/usr/bin/env bash
# Makes a demo CA and a server certificate for localhost / 127.0.0.1 signed by it (EC P-256,
# one year) in DIR, unless DIR/server.pem exists: DIR/ca.pem, DIR/server.pem, DIR/server.key.
# For the demo and the tests only.
#   scripts/demo-certificate.sh DIR "CA NAME"
set -euo pipefail
dir=$1
ca_name=$2
[ -f "$dir/server.pem" ] && exit 0
mkdir -p "$dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \
  -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=$ca_name" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$dir/server.key" -out "$dir/server.csr" -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > "$dir/server.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
  -out "$dir/server.pem" -days 365 -extfile "$dir/server.ext" 2>/dev/null
