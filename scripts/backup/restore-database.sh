#!/usr/bin/env bash
# Restores a backup made by backup-database.sh into a NEW database on a Postgres server: the roles
# first (existing ones are kept as they are), then the database with its owners, grants, policies
# and functions, in one transaction (a failed restore leaves no half-restored database).
#
#   scripts/backup/restore-database.sh <admin-url> <new-database-name> <backup-dir>
#
# <admin-url> connects as a superuser (it creates roles and the database). The checksums in
# manifest.txt are checked first. Afterwards: run the access-log verifier against the new database
# (pnpm --filter @baken/db access-log:verify with DATABASE_OWNER_URL pointing at it) and point the
# application at it.
set -euo pipefail
if [ $# -ne 3 ]; then echo "usage: $0 <admin-url> <new-database-name> <backup-dir>" >&2; exit 2; fi
admin=$1
name=$2
dir=$3
if ! [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then echo "restore-database: database name must be lower-case letters, digits and _" >&2; exit 2; fi
(cd "$dir" && grep -E '^[0-9a-f]{64}  ' manifest.txt | sha256sum --check --quiet) || { echo "restore-database: checksums do not match manifest.txt" >&2; exit 1; }

# CREATE ROLE fails for a role that exists (the superuser itself, or roles of an earlier restore):
# those lines are skipped, every other statement must succeed.
filtered=$(mktemp)
trap 'rm -f "$filtered"' EXIT
existing=$(psql "$admin" -Atc "select string_agg(quote_ident(rolname), '|') from pg_roles")
grep -Ev "^CREATE ROLE (${existing});$" "$dir/roles.sql" >"$filtered" || true
psql "$admin" --quiet --set ON_ERROR_STOP=1 --file="$filtered" >/dev/null

psql "$admin" --quiet --set ON_ERROR_STOP=1 -c "create database \"$name\""
target=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$admin" "$name")
if ! pg_restore --dbname="$target" --exit-on-error --single-transaction "$dir/database.dump"; then
  psql "$admin" --quiet -c "drop database if exists \"$name\" with (force)"
  echo "restore-database: restore failed; $name dropped" >&2
  exit 1
fi
echo "restore-database: $dir → $name"
