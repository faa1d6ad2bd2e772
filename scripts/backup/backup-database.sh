#!/usr/bin/env bash
# A backup of the whole Baken database on a Postgres server: the cluster's roles (with their
# attributes, memberships and, when the caller may read them, passwords) and the database itself in
# pg_dump's custom format, which keeps owners, grants, row-level security policies and functions.
#
#   scripts/backup/backup-database.sh <database-url> <backup-dir>
#
# <database-url> connects as a superuser or the migration owner (DATABASE_OWNER_URL). Writes
# roles.sql, database.dump and manifest.txt (checksums, versions, time) into <backup-dir>, which must
# not exist yet. The access log's signing key is not in the database and not in the backup: keep
# BAKEN_AUDIT_SIGNING_KEY and BAKEN_SECRET_KEY in the secret store, apart from the backups.
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 <database-url> <backup-dir>" >&2; exit 2; fi
url=$1
out=$2
if [ -e "$out" ]; then echo "backup-database: $out exists already; choose a new directory" >&2; exit 1; fi
mkdir -p "$out"
chmod 700 "$out"

# Roles are cluster-wide: pg_dump leaves them out. Passwords need a superuser; without one the
# roles are dumped without them (login roles then need a password set after a restore).
if ! pg_dumpall --dbname="$url" --roles-only --file="$out/roles.sql" 2>"$out/roles.err"; then
  echo "backup-database: roles dumped without passwords (not a superuser)" >&2
  pg_dumpall --dbname="$url" --roles-only --no-role-passwords --file="$out/roles.sql"
fi
rm -f "$out/roles.err"

pg_dump --dbname="$url" --format=custom --compress=6 --file="$out/database.dump"
# The archive must be readable before the backup counts as made.
pg_restore --list "$out/database.dump" >/dev/null

database=$(psql "$url" -Atc 'select current_database()')
{
  echo "database: $database"
  echo "made: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "server: $(psql "$url" -Atc 'show server_version')"
  echo "pg_dump: $(pg_dump --version)"
  echo "last migration: $(psql "$url" -Atc 'select hash from drizzle.__drizzle_migrations order by created_at desc limit 1' 2>/dev/null || echo unknown)"
  (cd "$out" && sha256sum roles.sql database.dump)
} >"$out/manifest.txt"
echo "backup-database: $database → $out"
