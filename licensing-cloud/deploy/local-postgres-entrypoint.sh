#!/usr/bin/env bash
# The entrypoint of the locally made PostgreSQL image (scripts/local-images.sh): Debian's
# PostgreSQL started the way the official image starts it, so docker-compose.yml runs on either.
# POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB make the first cluster; data in PGDATA.
set -euo pipefail
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
bin=$(echo /usr/lib/postgresql/*/bin)

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /run/postgresql
  chown -R postgres:postgres "$PGDATA" /run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password_file=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set}" >"$password_file"
  "$bin/initdb" -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password_file"
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  "$bin/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  if [ "${POSTGRES_DB:-}" ] && [ "$POSTGRES_DB" != "${POSTGRES_USER:-postgres}" ]; then
    "$bin/createdb" -U "${POSTGRES_USER:-postgres}" "$POSTGRES_DB"
  fi
  "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec "$bin/postgres" -D "$PGDATA" -c listen_addresses='*'
