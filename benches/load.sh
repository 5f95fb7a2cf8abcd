#!/usr/bin/env bash
# Load benchmark, measured the way shoppers reach the store: release build, fresh database (demo + N synthetic
# products), `caravan serve` as deployed (default configuration and log level, log to a file), and wrk sending what
# a browser sends (Accept, Accept-Encoding: gzip, deflate, br, zstd, Accept-Language). Passes:
#   1. anonymous visitors, 32 connections per URL (the page cache's stored, precompressed bodies), plus the CSS;
#   2. a signed-in shopper (the cookie of a real sign-in), 32 connections: every page rendered for them;
#   3. one kept-alive connection per URL (wrk -c1): the latency one shopper feels.
# Each pass prints requests/s, p50, p99, errors (non-2xx and socket errors) and the ratio to /healthz measured in
# the same pass; then the server's peak RSS, the bytes of every response in each coding, the cold start and the
# log written.
#
#   benches/load.sh [--products N] [--seconds S] [--backend sqlite|postgres] [--keep DIR] [--no-browser-headers]
#
# --no-browser-headers sends no Accept-Encoding/Accept-Language (what this script sent before issue #18), for
# comparison only. Needs wrk (apt-get install wrk) and curl. PostgreSQL: CARAVAN_BENCH_PG admin URL (default
# postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

PRODUCTS=10000
SECONDS_PER_URL=10
BACKEND=sqlite
KEEP=""
BROWSER=1
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --seconds) SECONDS_PER_URL=$2; shift 2 ;;
    --backend) BACKEND=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    --no-browser-headers) BROWSER=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
PORT=${CARAVAN_BENCH_PORT:-18080}
HOST=127.0.0.1
case "$HOST" in 127.*|localhost) ;; *) echo "refusing non-loopback target $HOST" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

# CARAVAN_BENCH_BIN runs another build instead of this tree's release build.
BIN=${CARAVAN_BENCH_BIN:-target/release/caravan}
[ -n "${CARAVAN_BENCH_BIN:-}" ] || cargo build --release --quiet
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
export CARAVAN_DATA_DIR="$WORK" CARAVAN_BIND="$HOST:$PORT"
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
  RUST_LOG=warn "$BIN" seed --products "$PRODUCTS"
  echo "seed took $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
  touch "$MARK"
fi
BENCH_USER=bench-shopper@caravan.test
BENCH_PASSWORD=caravan-demo-2026
echo "$BENCH_PASSWORD" | RUST_LOG=error "$BIN" user create --email "$BENCH_USER" --role shopper --name "Bench" >/dev/null 2>&1 || true

UA="Mozilla/5.0 (X11; Linux x86_64) caravan-bench"
if [ "$BROWSER" = 1 ]; then
  HDR=(-H "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
       -H "Accept-Encoding: gzip, deflate, br, zstd" -H "Accept-Language: en-US,en;q=0.9" -H "User-Agent: $UA")
else
  HDR=(-H "User-Agent: $UA")
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
# A shoe size from the facets of "Clothing & shoes" (the first value facet there), and a product sold in
# variants from that filtered listing, at one variant's own URL (from its JSON-LD).
fashion="/en/c/clothing-shoes"
size=$(curl -fsS "$base$fashion" | grep -o 'name="value" value="[0-9]*"' | head -1 | grep -o '[0-9]*"$' | tr -d '"' || true)
[ -n "$size" ] || { echo "no size facet on $fashion" >&2; exit 1; }
sized=$(curl -fsS "$base$fashion?value=$size" | grep -o 'href="/en/p/[^"]*"' | head -1 | cut -d'"' -f2)
variant=$(curl -fsS "$base$sized" | grep -o '"url":"[^"]*?v=[^"]*"' | head -1 \
  | sed 's/"url":"//; s/"$//; s#^https\{0,1\}://[^/]*##' || true)
[ -n "$variant" ] || { echo "no variant URL on $sized" >&2; exit 1; }
urls=(
  "healthz|/healthz"
  "home|/en/"
  "category p1|/en/c/leather-goods"
  "category deep|/en/c/leather-goods?page=150"
  "category deep next|$deep_next"
  "category 2 facets|/ru/c/kozhanye-sumki?origin=IT&origin=TR&in_stock=1"
  "product|$product"
  "category by size|$fashion?value=$size"
  "variant product|$variant"
  "search common ru|/ru/search?q=%D1%81%D1%83%D0%BC%D0%BA%D0%B0"
  "search rare tr|/tr/search?q=%C4%B0znik"
  "search common es|/es/search?q=bolso"
  "search typo en|/en/search?q=leathr+bag"
  "search translit ru|/ru/search?q=sumka"
  "search irregular ru|/ru/search?q=%D0%BA%D1%80%D1%83%D0%B6%D0%B5%D0%BA"
  "suggest ru|/ru/search/suggest?q=%D1%81%D1%83%D0%BC%D0%BA"
  "suggest en 2 words|/en/search/suggest?q=leather+ba"
  "origin|/it/origin/it"
  "origin ships to me|/it/origin/it?ships_to_me=1"
  "promo|/it/promo/settimana-made-in-italy"
  "promos|/en/promos"
)
css=$(curl -fsS "$base/en/" | grep -o '/static/css/app.css?v=[0-9a-f]*' | head -1)
anonymous_urls=("${urls[@]}" "static css|$css")

# A real sign-in: the form's token, then the post a browser makes; the session cookie goes to wrk.
jar="$WORK/cookies.txt"; rm -f "$jar"
token=$(curl -fsS -c "$jar" -b "$jar" "$base/en/sign-in" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$jar" -b "$jar" -H "Sec-Fetch-Site: same-origin" --data-urlencode "csrf=$token" \
  --data-urlencode "email=$BENCH_USER" --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "return_to=/en/" "$base/en/sign-in"
session=$(awk '$6=="caravan_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
# Read whole before matching: `grep -q` stops at the first match and, under pipefail, curl's broken pipe fails.
home_signed_in=$(curl -fsS -H "Cookie: caravan_session=$session" "$base/en/")
grep -q 'class="sign-out"' <<<"$home_signed_in" || { echo "not signed in" >&2; exit 1; }

printf "\n== bytes per response (identity · gzip · br)\n"
for entry in "${anonymous_urls[@]}"; do
  path=${entry#*|}; [ "$path" = /healthz ] && continue
  sizes=""
  # A stored page asked for again is recompressed at brotli 11 in the background: ask twice, then measure.
  curl -fsS -o /dev/null -o /dev/null -H "Accept-Encoding: br" "$base$path" "$base$path"; sleep 0.3
  for enc in identity gzip br; do
    sizes+="$(curl -fsS -o /dev/null -H "Accept-Encoding: $enc" -w '%{size_download}' "$base$path") · "
  done
  printf "%-20s %s\n" "${entry%%|*}" "${sizes% · }"
done

printf "\n== sitemap\n"
sm_time=$(curl -fsS -o "$WORK/sitemap.xml" -w '%{time_total}' "$base/sitemap.xml")
if grep -q '<sitemapindex' "$WORK/sitemap.xml"; then
  files=$(grep -o '<loc>[^<]*</loc>' "$WORK/sitemap.xml" | wc -l)
  echo "/sitemap.xml: an index of $files files, $(stat -c %s "$WORK/sitemap.xml") bytes in ${sm_time} s"
  for child in $(grep -o '<loc>[^<]*</loc>' "$WORK/sitemap.xml" | sed 's/<loc>//; s/<\/loc>//' | sed -n '1p;2p;$p'); do
    path="/${child#*://*/}"
    t=$(curl -fsS -o "$WORK/child.xml" -w '%{time_total}' "$base$path")
    tz=$(curl -fsS -o /dev/null -H 'Accept-Encoding: gzip, deflate, br, zstd' -w '%{time_total} %{size_download}' "$base$path")
    echo "$path: $(grep -c '<url>' "$WORK/child.xml") URLs, $(stat -c %s "$WORK/child.xml") bytes in ${t} s; with browser headers ${tz% *} s, ${tz#* } bytes"
  done
  sample_from="$WORK/child.xml"
else
  echo "/sitemap.xml: one file, $(grep -c '<url>' "$WORK/sitemap.xml") URLs in ${sm_time} s"
  sample_from="$WORK/sitemap.xml"
fi
bad=0; checked=0
for u in $(grep -o '<url><loc>[^<]*</loc>' "$sample_from" | sed 's/<url><loc>//; s/<\/loc>//' | awk 'NR % 97 == 1' | head -40); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/${u#*://*/}")
  checked=$((checked + 1)); [ "$code" = 200 ] || { bad=$((bad + 1)); echo "  $code $u"; }
done
echo "sampled $checked listed URLs: $((checked - bad)) answered 200"

to_ms() { case "$1" in *us) echo "$1" | sed 's/us//' | awk '{printf "%.2f", $1/1000}';; *ms) echo "$1" | sed 's/ms//';; *s) echo "$1" | sed 's/s//' | awk '{printf "%.0f", $1*1000}';; *) echo "$1";; esac; }

# One pass: run_pass TITLE CONNECTIONS THREADS [extra wrk arguments...] -- url entries...
PEAK=0
run_pass() {
  local title=$1 conns=$2 threads=$3; shift 3
  local extra=()
  while [ "$1" != -- ]; do extra+=("$1"); shift; done; shift
  printf "\n== %s\n%-20s %10s %9s %9s %7s %9s\n" "$title" "page" "req/s" "p50 ms" "p99 ms" "errors" "vs healthz"
  local ceiling="" entry name path out rps p50 p99 non2xx sockerr ratio rss
  for entry in "$@"; do
    name=${entry%%|*}; path=${entry#*|}
    out=$(wrk -t"$threads" -c"$conns" -d"${SECONDS_PER_URL}s" --latency "${HDR[@]}" "${extra[@]}" "$base$path" 2>&1)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}'); non2xx=${non2xx:-0}
    sockerr=$(echo "$out" | awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}'); sockerr=${sockerr:-0}
    [ -z "$ceiling" ] && ceiling=$rps
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN{ if (b>0) printf "%.0f%%", 100*a/b; else print "-"}')
    printf "%-20s %10.0f %9s %9s %7s %9s\n" "$name" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$((non2xx + sockerr))" "$ratio"
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
    if [ "$rss" -gt "$PEAK" ]; then PEAK=$rss; fi
  done
}

headers_note=$([ "$BROWSER" = 1 ] && echo "browser headers" || echo "NO Accept-Encoding/Accept-Language")
log_before=$(stat -c %s "$WORK/server.log")
run_pass "anonymous visitors, 32 connections, $headers_note" 32 2 -- "${anonymous_urls[@]}"
run_pass "signed-in shopper (cookie of a real sign-in), 32 connections, $headers_note" 32 2 \
  -H "Cookie: caravan_session=$session" -- "${urls[@]}"
run_pass "one kept-alive connection (wrk -c1), anonymous, $headers_note" 1 1 -- "${anonymous_urls[@]}"
run_pass "one kept-alive connection (wrk -c1), signed in, $headers_note" 1 1 \
  -H "Cookie: caravan_session=$session" -- "${urls[@]}"
log_after=$(stat -c %s "$WORK/server.log")
echo
echo "server peak RSS: $((PEAK / 1024)) MB · log written during the passes: $(( (log_after - log_before) / 1048576 )) MB ($(wc -l <"$WORK/server.log") lines in all)"
stop_server
echo "products: demo + $PRODUCTS · backend: $BACKEND · $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
