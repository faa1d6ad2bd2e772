#!/usr/bin/env bash
# A backup of the embedded (PGlite) database while the server runs: asks the server process to
# write a copy of its data folder (SIGUSR2) and waits for the file.
#
#   scripts/backup/pglite-backup.sh <server-pid> <backup-dir>
#
# <backup-dir> is the server's BAKEN_PGLITE_BACKUP_DIR (default ./data/backups, relative to the
# server's working directory). Prints the new file's path. Copy it off the machine afterwards.
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 <server-pid> <backup-dir>" >&2; exit 2; fi
pid=$1
dir=$2
mkdir -p "$dir"
before=$(ls -1 "$dir" 2>/dev/null | grep -E '^pglite-.*\.tar\.gz$' | sort || true)
kill -USR2 "$pid"
for _ in $(seq 1 600); do
  now=$(ls -1 "$dir" 2>/dev/null | grep -E '^pglite-.*\.tar\.gz$' | sort || true)
  new=$(comm -13 <(echo "$before") <(echo "$now") | tail -1)
  if [ -n "$new" ]; then
    gzip --test "$dir/$new"
    echo "$dir/$new"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "pglite-backup: server $pid is gone" >&2; exit 1; }
  sleep 0.2
done
echo "pglite-backup: no backup appeared in $dir within 120 s (is $dir the server's BAKEN_PGLITE_BACKUP_DIR?)" >&2
exit 1
