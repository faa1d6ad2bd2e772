#!/usr/bin/env bash
# Runs the tests (or any command) with the clock moved, to prove they hold on any day.
#
#   bash scripts/test-at.sh +365d                         # the whole suite a year ahead
#   bash scripts/test-at.sh '@2027-07-28 10:00:00'        # the whole suite in the summer holiday
#   bash scripts/test-at.sh +365d -- npx vitest run tests/http/oversight.test.ts
#   bash scripts/test-at.sh +365d -- bash .ci/run           # CI as a whole, a year ahead
#
# The first argument is a libfaketime time spec (FAKETIME): '+365d' (relative, the clock runs on) or
# '@YYYY-MM-DD hh:mm:ss' (that moment now, the clock runs on from there). Every process of the run sees
# that clock: Node and PGlite (whose now() is the Node process's clock), the app servers the tests
# start, and Chromium. So that the Postgres-server variants agree, a private Postgres cluster is
# started under the same clock on a free port and the tests point at it (TEST_DATABASE_ADMIN_URL);
# it is removed at the end. Needs Debian's faketime and postgresql packages (installed when missing
# and root); prints the command's own output and exits with its exit code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 1 ]; then
  sed -n '2,15p' "$0"
  exit 2
fi
SPEC=$1
shift
# An absolute '@…' spec restarts from that moment in every process, so processes started minutes
# apart (Postgres, the seeding, the servers) would disagree; turn it into one offset from now.
if [[ "$SPEC" == @* ]]; then
  target=$(date -u -d "${SPEC#@}" +%s) || { echo "test-at: cannot read the date in $SPEC" >&2; exit 2; }
  SPEC="+$((target - $(date -u +%s)))"
fi
if [ "${1:-}" = "--" ]; then shift; fi
if [ $# -eq 0 ]; then set -- node scripts/test-all.mjs; fi

need_pkg() { # need_pkg COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y -qq --no-install-recommends "$2" </dev/null >/dev/null 2>&1) ||
      (apt-get update -qq </dev/null >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "$2" </dev/null >/dev/null)
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "test-at: needs $1 (Debian package $2)" >&2; exit 2; }
}
need_pkg faketime faketime
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ]; then
  need_pkg psql postgresql
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A private cluster under the moved clock. initdb and postgres refuse to run as root.
PG_DIR=$(mktemp -d /tmp/baken-pg-at.XXXXXX)
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$PG_DIR"
  RUN_AS=(runuser -u postgres --)
fi
PG_PID=
cleanup() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then kill -INT "$(head -n 1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true; fi
  if [ -n "$PG_PID" ]; then wait "$PG_PID" 2>/dev/null || true; fi
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# postgres itself, not pg_ctl: pg_ctl's wait loop does not get along with a moved clock.
"${RUN_AS[@]}" faketime -f "$SPEC" "$PG_BIN/postgres" -D "$PG_DIR/data" -p "$PORT" -k "$PG_DIR" \
  -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off >"$PG_DIR/log" 2>&1 &
PG_PID=$!
for _ in $(seq 1 60); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || { echo "test-at: Postgres did not start:" >&2; cat "$PG_DIR/log" >&2; exit 2; }

export TEST_DATABASE_ADMIN_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
export BAKEN_REQUIRE_PG_SERVER=1
echo "test-at: clock '$SPEC' (now $(faketime -f "$SPEC" date -u '+%Y-%m-%d %H:%M UTC')); Postgres under that clock at 127.0.0.1:$PORT"
set +e
faketime -f "$SPEC" "$@"
rc=$?
set -e
exit $rc
