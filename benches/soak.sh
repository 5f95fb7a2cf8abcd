#!/usr/bin/env bash
# Soak: release build, fresh database (demo + N synthetic products), caravan serve as deployed (default
# configuration and log level), then benches/soak.py's mixed traffic for M minutes: anonymous browsing and
# searching in five languages, guest carts, signed-in checkouts, merchant stock edits and staff rate edits.
# Prints requests, 5xx and the server's RSS every minute, then p50/p99 and statuses per kind. Exit 1 on any 5xx.
#
#   benches/soak.sh [--minutes M] [--products N] [--backend sqlite|postgres] [--keep DIR]
#
# Needs python3 (standard library only). PostgreSQL: CARAVAN_BENCH_PG admin URL (default
# postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=10
PRODUCTS=10000
BACKEND=sqlite
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --products) PRODUCTS=$2; shift 2 ;;
    --backend) BACKEND=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
PORT=${CARAVAN_BENCH_PORT:-18090}
HOST=127.0.0.1
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }

# CARAVAN_BENCH_BIN runs another build (e.g. to compare allocators) instead of this tree's release build.
BIN=${CARAVAN_BENCH_BIN:-target/release/caravan}
[ -n "${CARAVAN_BENCH_BIN:-}" ] || cargo build --release --quiet
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
export CARAVAN_DATA_DIR="$WORK" CARAVAN_BIND="$HOST:$PORT"
if [ "$BACKEND" = postgres ]; then
  ADMIN=${CARAVAN_BENCH_PG:-postgres://postgres@127.0.0.1:5432/postgres}
  DB=caravan_soak_$PRODUCTS
  psql -q "$ADMIN" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  export DATABASE_URL="${ADMIN%/*}/$DB"
else
  rm -f "$WORK"/soak.db*
  export DATABASE_URL="$WORK/soak.db"
fi

echo "== seeding demo + $PRODUCTS synthetic products ($BACKEND)"
RUST_LOG=warn "$BIN" seed --products "$PRODUCTS" >/dev/null
for i in 0 1; do
  echo caravan-demo-2026 | RUST_LOG=warn "$BIN" user create --email "soak-$i@caravan.test" --role shopper --name "Soak $i" >/dev/null
done

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  [ -z "$KEEP" ] && rm -rf "$WORK"
  true
}
trap cleanup EXIT
# As deployed: default configuration, default log level (info: one line per request), log to a file.
"$BIN" serve >>"$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -fsS "http://$HOST:$PORT/healthz" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited, see $WORK/server.log" >&2; exit 1; }
  sleep 0.05
done
echo "== soak: $MINUTES minutes of mixed traffic ($BACKEND, demo + $PRODUCTS products, $(nproc) cores)"
status=0
python3 benches/soak.py --port "$PORT" --pid "$SERVER_PID" --minutes "$MINUTES" \
  --merchant pelletteria-ghiberti@caravan.test --merchant-shop pelletteria-ghiberti || status=$?
echo "server log: $(wc -l <"$WORK/server.log") lines, $(du -h "$WORK/server.log" | cut -f1); peak RSS $(awk '/VmHWM/ {print int($2/1024)}' "/proc/$SERVER_PID/status") MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
