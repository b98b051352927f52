#!/usr/bin/env bash
# The cloud database's backups (docker-compose.yml's `backup` service, PostgreSQL's own image).
#   tavli-backup nightly            every day at BACKUP_AT (UTC): dump, prove it restores, keep BACKUP_KEEP_DAYS days
#   tavli-backup now                one dump now, proved, printed path
#   tavli-backup restore FILE DB    restores FILE into the (new, empty) database DB
# Connection settings come from PGHOST, PGUSER, PGPASSWORD, PGDATABASE.
set -euo pipefail

BACKUPS=${BACKUPS:-/backups}
KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}

# Restores a dump into a scratch database and counts its sites: a dump that cannot be restored is no backup.
prove() {
  local dump=$1 scratch="tavli_restore_check_$$" sites
  createdb "$scratch"
  if pg_restore --no-owner --exit-on-error -d "$scratch" "$dump" && sites=$(psql -d "$scratch" -Atc 'SELECT count(*) FROM sites'); then
    dropdb "$scratch"
    echo "$sites"
  else
    dropdb "$scratch"
    return 1
  fi
}

dump_now() {
  local file
  file="$BACKUPS/tavli-cloud-$(date -u +%Y%m%dT%H%M%SZ).dump"
  pg_dump --format=custom --file="$file.partial"
  local sites
  sites=$(prove "$file.partial")
  mv "$file.partial" "$file"
  find "$BACKUPS" -name 'tavli-cloud-*.dump' -mtime "+$((KEEP_DAYS - 1))" -delete
  echo "$(date -u +%FT%TZ) backup $file: restores, $sites sites" >&2
  echo "$file"
}

case "${1:-}" in
  now) dump_now ;;
  restore)
    [ $# -eq 3 ] || { echo "usage: tavli-backup restore FILE DATABASE" >&2; exit 2; }
    pg_restore --no-owner --exit-on-error -d "$3" "$2"
    ;;
  nightly)
    at=${BACKUP_AT:-03:30}
    while true; do
      now=$(date -u +%s)
      next=$(date -u -d "today $at" +%s)
      [ "$next" -gt "$now" ] || next=$(date -u -d "tomorrow $at" +%s)
      sleep $((next - now))
      # A process of its own, so that any failing step stops the dump (set -e) and not the loop.
      bash "$0" now >/dev/null || echo "$(date -u +%FT%TZ) backup FAILED" >&2
    done
    ;;
  *) echo "usage: tavli-backup nightly | now | restore FILE DATABASE" >&2; exit 2 ;;
esac
