#!/usr/bin/env bash
# A regional PACS on this machine, the way it is deployed: Orthanc with its DICOMweb plugin on
# loopback plain HTTP (authentication on, its own storage), and nginx in front as the TLS 1.2+
# reverse proxy with a certificate for localhost signed by a CA generated here (openssl). Both
# run as the current user inside one run directory; nothing is installed system-wide.
#
#   scripts/pacs.sh start [--dir DIR] [--https-port N] [--http-port N] [--demo-studies CLI [--demo-db FILE]]
#   scripts/pacs.sh stop  [--dir DIR]
#
# start prints the PACS as shell assignments (url, ca, user, password_file, dir) on stdout and
# exits 0 once DICOMweb answers through the proxy; 3 if Orthanc, its DICOMweb plugin or nginx is
# not installed. --demo-studies CLI uses `CLI pacs demo-studies` and `CLI pacs send` to load the
# synthetic demo ultrasound studies (again when the last ones are a week old), given to women of
# the demo clinic database FILE when there is one. Never use these certificates or passwords
# outside a demo.
set -euo pipefail

command=${1:-}
shift || true
dir=demo-data/pacs
https_port=8444
http_port=8043
cli=""
demo_db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --https-port) https_port=$2; shift 2 ;;
    --http-port) http_port=$2; shift 2 ;;
    --demo-studies) cli=$2; shift 2 ;;
    --demo-db) demo_db=$2; shift 2 ;;
    *) echo "pacs.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

stop_pid_file() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$file"
}

if [ "$command" = stop ]; then
  stop_pid_file "$dir/nginx.pid"
  stop_pid_file "$dir/orthanc.pid"
  exit 0
fi
if [ "$command" != start ]; then
  echo "usage: pacs.sh start|stop [--dir DIR] [--https-port N] [--http-port N] [--demo-studies CLI [--demo-db FILE]]" >&2
  exit 2
fi

plugin=/usr/share/orthanc/plugins/libOrthancDicomWeb.so
if ! command -v Orthanc >/dev/null || [ ! -f "$plugin" ] || ! command -v nginx >/dev/null; then
  echo "pacs.sh: Orthanc, orthanc-dicomweb or nginx is not installed (scripts/install-deps.sh installs them)." >&2
  exit 3
fi

# A CA and a localhost server certificate, made once per run directory.
"$(dirname "$0")/demo-certificate.sh" "$dir" "ObsLink Demo PACS CA"
if [ ! -f "$dir/password" ]; then
  openssl rand -hex 16 > "$dir/password"
  chmod 600 "$dir/password"
fi
password=$(cat "$dir/password")
mkdir -p "$dir/storage" "$dir/nginx-temp"

# Orthanc: loopback only (remote access refused), HTTP Basic authentication, no DICOM port, no
# Explorer or WebDAV; DICOMweb at /dicom-web/. UTF-8 answers: Chinese names do not fit Latin-1,
# Orthanc's default, and would come back empty.
cat > "$dir/orthanc.json" <<EOF
{
  "Name": "ObsLinkRegionalPACS",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/storage",
  "Plugins": ["$plugin"],
  "HttpPort": $http_port,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": true,
  "RegisteredUsers": { "obslink": "$password" },
  "DicomServerEnabled": false,
  "OrthancExplorerEnabled": false,
  "WebDavEnabled": false,
  "HttpCompressionEnabled": false,
  "DefaultEncoding": "Utf8",
  "StableAge": 2,
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": true, "Ssl": false }
}
EOF
stop_pid_file "$dir/orthanc.pid"
Orthanc "$dir/orthanc.json" > "$dir/orthanc.log" 2>&1 &
echo $! > "$dir/orthanc.pid"

# nginx as TLS 1.2+ reverse proxy. As root its workers would drop to nobody, who cannot use the
# run directory: keep them as the current user.
user_line=""
if [ "$(id -u)" -eq 0 ]; then user_line="user root;"; fi
cat > "$dir/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon on;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $dir/nginx-access.log;
  client_body_temp_path $dir/nginx-temp/body;
  proxy_temp_path $dir/nginx-temp/proxy;
  fastcgi_temp_path $dir/nginx-temp/fastcgi;
  uwsgi_temp_path $dir/nginx-temp/uwsgi;
  scgi_temp_path $dir/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$https_port ssl;
    server_name localhost;
    ssl_certificate $dir/server.pem;
    ssl_certificate_key $dir/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    client_max_body_size 2g;
    location / {
      proxy_pass http://127.0.0.1:$http_port;
      proxy_http_version 1.1;
      proxy_request_buffering off;
      proxy_buffering off;
      # Without buffering these only size each read from Orthanc; 4 kB reads halve throughput.
      proxy_buffer_size 1m;
      proxy_buffers 4 1m;
      proxy_busy_buffers_size 2m;
      proxy_read_timeout 300s;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-Proto https;
    }
  }
}
EOF
stop_pid_file "$dir/nginx.pid"
if ! nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" 2>> "$dir/nginx-error.log"; then
  echo "pacs.sh: nginx did not start; see $dir/nginx-error.log" >&2
  stop_pid_file "$dir/orthanc.pid"
  exit 1
fi

url="https://localhost:$https_port/dicom-web"
for _ in $(seq 100); do
  if curl -s -o /dev/null -w '%{http_code}' --cacert "$dir/ca.pem" -u "obslink:$password" \
    "$url/studies?limit=1" 2>/dev/null | grep -q 200; then
    ready=1
    break
  fi
  sleep 0.2
done
if [ -z "${ready:-}" ]; then
  echo "pacs.sh: the PACS did not answer; see $dir/orthanc.log and $dir/nginx-error.log" >&2
  stop_pid_file "$dir/nginx.pid"
  stop_pid_file "$dir/orthanc.pid"
  exit 1
fi

# The demo studies are dated the day they are made: made again when the last ones have left
# the reading worklist's default week.
if [ -n "$cli" ] && [ -z "$(find "$dir" -maxdepth 1 -name demo-loaded -mtime -6 2>/dev/null)" ]; then
  echo "Loading the synthetic demo ultrasound studies into the PACS…" >&2
  rm -rf "$dir/demo-studies"
  if "$cli" pacs demo-studies --out "$dir/demo-studies" ${demo_db:+--db "$demo_db"} > /dev/null \
    && "$cli" pacs send --server "$url" --ca "$dir/ca.pem" --user obslink --password-file "$dir/password" \
      "$dir/demo-studies" > /dev/null; then
    touch "$dir/demo-loaded"
  else
    echo "pacs.sh: the demo studies could not be loaded; the PACS runs without them." >&2
  fi
fi
printf 'url=%s\nca=%s\nuser=obslink\npassword_file=%s\ndir=%s\n' "$url" "$dir/ca.pem" "$dir/password" "$dir"
