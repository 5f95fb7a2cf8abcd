#!/usr/bin/env bash
# Load benchmark: release build, fresh database (demo + N synthetic products), caravan serve on loopback, wrk at
# 32 connections per URL, twice: as deployed (page cache on) and with every request rendered. Prints requests/s,
# p50, p99, errors and the ratio to /healthz per pass, the server's peak RSS, cold start and each page's HTML size.
#
#   benches/load.sh [--products N] [--seconds S] [--backend sqlite|postgres] [--keep DIR]
#
# Needs wrk (apt-get install wrk). PostgreSQL: CARAVAN_BENCH_PG admin URL (default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

PRODUCTS=10000
SECONDS_PER_URL=10
BACKEND=sqlite
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --seconds) SECONDS_PER_URL=$2; shift 2 ;;
    --backend) BACKEND=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
PORT=${CARAVAN_BENCH_PORT:-18080}
HOST=127.0.0.1
case "$HOST" in 127.*|localhost) ;; *) echo "refusing non-loopback target $HOST" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

cargo build --release --quiet
BIN=target/release/caravan
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
export CARAVAN_DATA_DIR="$WORK" CARAVAN_BIND="$HOST:$PORT" RUST_LOG=warn
if [ "$BACKEND" = postgres ]; then
  ADMIN=${CARAVAN_BENCH_PG:-postgres://postgres@127.0.0.1:5432/postgres}
  DB=caravan_bench_$PRODUCTS
  if [ ! -f "$WORK/.seeded-pg-$PRODUCTS" ]; then
    psql -q "$ADMIN" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  fi
  export DATABASE_URL="${ADMIN%/*}/$DB"
  MARK="$WORK/.seeded-pg-$PRODUCTS"
else
  export DATABASE_URL="$WORK/bench.db"
  MARK="$WORK/.seeded-sqlite-$PRODUCTS"
fi

if [ ! -f "$MARK" ]; then
  echo "== seeding demo + $PRODUCTS synthetic products ($BACKEND)"
  start=$(date +%s.%N)
  "$BIN" seed --products "$PRODUCTS"
  echo "seed took $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
  touch "$MARK"
fi

SERVER_PID=""
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""; fi; true; }
cleanup() { stop_server; [ -z "$KEEP" ] && rm -rf "$WORK"; true; }
trap cleanup EXIT

start_server() {
  local t0; t0=$(date +%s%N)
  env "$@" "$BIN" serve >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -fsS "http://$HOST:$PORT/healthz" >/dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited, see $WORK/server.log" >&2; exit 1; }
    sleep 0.02
  done
  COLD_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

base="http://$HOST:$PORT"
start_server
echo "cold start to first response: $COLD_MS ms"
product=$(curl -fsS "$base/en/" | grep -o 'href="/en/p/[^"]*"' | head -1 | cut -d'"' -f2)
# Page 150 as a shopper reaches it: the "next" link of page 149 (a keyset position, not an offset). A smaller
# catalogue has fewer pages: then the next link of the page before its last.
next_of() { curl -fsS "$base/en/c/leather-goods?page=$1" | grep -o '<a rel="next" href="[^"]*"' | head -1 \
  | sed 's/.*href="//; s/"$//; s/&#38;/\&/g; s/&amp;/\&/g' || true; }
deep_next=$(next_of 149)
if [ -z "$deep_next" ]; then
  last=$(curl -fsS "$base/en/c/leather-goods?page=149" | grep -o 'aria-current="page">[0-9]*<' | grep -o '[0-9]*' || true)
  deep_next=$(next_of $((last - 1)))
fi
[ -n "$deep_next" ] || { echo "no next link on a deep page of /en/c/leather-goods" >&2; exit 1; }
urls=(
  "healthz|/healthz"
  "home|/en/"
  "category p1|/en/c/leather-goods"
  "category deep|/en/c/leather-goods?page=150"
  "category deep next|$deep_next"
  "category 2 facets|/ru/c/kozhanye-sumki?origin=IT&origin=TR&in_stock=1"
  "product|$product"
  "search common ru|/ru/search?q=%D1%81%D1%83%D0%BC%D0%BA%D0%B0"
  "search rare tr|/tr/search?q=%C4%B0znik"
  "search common es|/es/search?q=bolso"
  "origin|/it/origin/it"
  "promo|/it/promo/settimana-made-in-italy"
  "promos|/en/promos"
)
SIZES=""
for entry in "${urls[@]}"; do
  path=${entry#*|}
  size=$(curl -fsS -o /dev/null -w '%{size_download}' "$base$path") || { echo "GET $path failed" >&2; exit 1; }
  [ "$path" = /healthz ] || SIZES+="${entry%%|*}: $((size / 1024)) KB · "
done
echo "HTML size (uncompressed): ${SIZES% · }"

to_ms() { case "$1" in *us) echo "$1" | sed 's/us//' | awk '{printf "%.2f", $1/1000}';; *ms) echo "$1" | sed 's/ms//';; *s) echo "$1" | sed 's/s//' | awk '{printf "%.0f", $1*1000}';; *) echo "$1";; esac; }

# One pass over every URL against the running server; prints the table.
run_pass() {
  printf "\n== %s\n%-20s %10s %9s %9s %7s %9s\n" "$1" "page" "req/s" "p50 ms" "p99 ms" "errors" "vs healthz"
  local ceiling="" peak=0 entry name path out rps p50 p99 non2xx sockerr ratio rss
  for entry in "${urls[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    out=$(wrk -t2 -c32 -d"${SECONDS_PER_URL}s" --latency "$base$path" 2>&1)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}'); non2xx=${non2xx:-0}
    sockerr=$(echo "$out" | awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}'); sockerr=${sockerr:-0}
    [ -z "$ceiling" ] && ceiling=$rps
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN{ if (b>0) printf "%.0f%%", 100*a/b; else print "-"}')
    printf "%-20s %10.0f %9s %9s %7s %9s\n" "$name" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$((non2xx + sockerr))" "$ratio"
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  echo "server peak RSS: $((peak / 1024)) MB"
}

run_pass "as deployed (page cache on: every visitor after the first within CARAVAN_PAGE_CACHE_SECS gets a stored page)"
stop_server
start_server CARAVAN_PAGE_CACHE_SECS=0
run_pass "every request rendered (CARAVAN_PAGE_CACHE_SECS=0; facet/search caches still on)"
stop_server
echo
echo "products: demo + $PRODUCTS · backend: $BACKEND · $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
