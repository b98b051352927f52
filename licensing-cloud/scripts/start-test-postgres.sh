#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster on 127.0.0.1:54329 for the licensing-cloud tests
# and prints its DATABASE_URL. Idempotent: safe to run again while the cluster is up.
#   export TEST_DATABASE_URL="$(bash licensing-cloud/scripts/start-test-postgres.sh)"
set -euo pipefail

PORT="${TEST_PG_PORT:-54329}"
DATABASE="tavli_cloud_test"
DATA_DIR="${TEST_PG_DATA:-/tmp/tavli-test-postgres}"
log() { echo "$@" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing PostgreSQL with apt-get"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# PostgreSQL refuses to run as root: use the postgres account when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
  mkdir -p "$DATA_DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$DATA_DIR"
  as_owner "$BIN/initdb" -D "$DATA_DIR" -U postgres -A trust --no-sync >&2
fi

if ! as_owner "$BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
  as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA_DIR" start >&2
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DATABASE" >&2
fi

echo "postgres://postgres@127.0.0.1:$PORT/$DATABASE"
