#!/usr/bin/env bash
# Restore a Maillage backup into an EMPTY database and media folder (never over a live one).
# Usage: DATABASE_URL=postgres://…/maillage_restored MEDIA_ROOT=/srv/maillage/media deploy/restore.sh /backups/2026-11-26
set -euo pipefail
source_dir="${1:?usage: restore.sh BACKUP_DIRECTORY}"
: "${DATABASE_URL:?DATABASE_URL is required}"
: "${MEDIA_ROOT:?MEDIA_ROOT is required}"
tables=$(psql "$DATABASE_URL" -Atc "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "refusing to restore: the target database already has $tables tables" >&2
  exit 1
fi
mkdir -p "$MEDIA_ROOT"
if [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
  echo "refusing to restore: $MEDIA_ROOT is not empty" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --jobs=2 --dbname="$DATABASE_URL" "$source_dir/maillage.dump"
tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$MEDIA_ROOT"
echo "restored $(psql "$DATABASE_URL" -Atc "select count(*) from pg_tables where schemaname = 'public'") tables and $(find "$MEDIA_ROOT" -type f | wc -l) media files"
