#!/usr/bin/env bash
# Back up Maillage: the PostgreSQL database (pg_dump, custom format) and the private media files.
# Usage: DATABASE_URL=postgres://… MEDIA_ROOT=/srv/maillage/media deploy/backup.sh /backups/2026-11-26
# Writes <dir>/maillage.dump and <dir>/media.tar.gz, then checks both can be read back.
set -euo pipefail
target="${1:?usage: backup.sh TARGET_DIRECTORY}"
: "${DATABASE_URL:?DATABASE_URL is required}"
: "${MEDIA_ROOT:?MEDIA_ROOT is required}"
mkdir -p "$target"
umask 077  # the dump and the documents are personal data
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$target/maillage.dump" "$DATABASE_URL"
tar --create --gzip --file="$target/media.tar.gz" --directory="$MEDIA_ROOT" .
pg_restore --list "$target/maillage.dump" >/dev/null
tar --list --gzip --file="$target/media.tar.gz" >/dev/null
echo "backup written to $target: $(du -sh "$target" | cut -f1)"
