# Sourced by scripts/test.sh (and usable by hand: `source scripts/test-postgres.sh;
# obslink_postgres_start`): a private, throw-away PostgreSQL cluster for the center's
# integration tests. initdb into a temporary folder, listening on 127.0.0.1 only at a free port
# with its socket in that folder, a random password for the superuser `obslink`, durability off
# (the data is thrown away). As root the cluster runs as the `postgres` user, since PostgreSQL
# refuses to run as root. Exports OBSLINK_POSTGRES_URL=postgres://obslink:…@127.0.0.1:PORT/obslink
# (give it to the tests as OBSLINK_TEST_POSTGRES);
# obslink_postgres_stop (also run at exit) stops the server and removes the folder.

obslink_postgres_stop() {
  if [ -n "${OBSLINK_PG_DIR:-}" ] && [ -d "$OBSLINK_PG_DIR" ]; then
    if [ -f "$OBSLINK_PG_DIR/data/postmaster.pid" ]; then
      $OBSLINK_PG_AS "$OBSLINK_PG_BIN/pg_ctl" -D "$OBSLINK_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$OBSLINK_PG_DIR"
  fi
  OBSLINK_PG_DIR=""
}

obslink_postgres_start() {
  OBSLINK_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$OBSLINK_PG_BIN" ] || [ ! -x "$OBSLINK_PG_BIN/initdb" ]; then
    echo "test-postgres: no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)" >&2
    return 1
  fi
  OBSLINK_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/obslink-pg.XXXXXX")
  trap obslink_postgres_stop EXIT
  local password
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" > "$OBSLINK_PG_DIR/password"
  OBSLINK_PG_AS=""
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$OBSLINK_PG_DIR"
    OBSLINK_PG_AS="runuser -u postgres --"
  fi
  if ! $OBSLINK_PG_AS "$OBSLINK_PG_BIN/initdb" -D "$OBSLINK_PG_DIR/data" -U obslink --pwfile="$OBSLINK_PG_DIR/password" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C >"$OBSLINK_PG_DIR/initdb.log" 2>&1; then
    cat "$OBSLINK_PG_DIR/initdb.log" >&2
    return 1
  fi
  local port started=""
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    # Taken if something answers there already.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if $OBSLINK_PG_AS "$OBSLINK_PG_BIN/pg_ctl" -D "$OBSLINK_PG_DIR/data" -l "$OBSLINK_PG_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $OBSLINK_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "test-postgres: the cluster did not start:" >&2
    cat "$OBSLINK_PG_DIR/server.log" >&2 || true
    return 1
  fi
  if ! PGPASSWORD="$password" "$OBSLINK_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U obslink obslink; then
    echo "test-postgres: cannot create the database" >&2
    return 1
  fi
  export OBSLINK_POSTGRES_URL="postgres://obslink:$password@127.0.0.1:$port/obslink"
  echo "test-postgres: PostgreSQL $("$OBSLINK_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $OBSLINK_PG_DIR)"
}
