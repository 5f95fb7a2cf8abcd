#!/usr/bin/env python3
"""Renaming a shared option in a large catalogue, measured as staff do it: a real sign-in, the option's page, the
form posted with one value renamed; then how long the server's indexer takes to rebuild the search words of every
product sold in that option (the queue `search_reindex` polled until it is empty).

    benches/reindex.py DATA_DIR [--backend sqlite|postgres] [--products N]

DATA_DIR is a directory kept by `benches/load.sh --products N --keep DATA_DIR` (seeded already). Uses the release
build (target/release/caravan, or CARAVAN_BENCH_BIN). Loopback only. Standard library only (psql for PostgreSQL).
"""
import argparse
import html
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HOST, PORT = "127.0.0.1", int(os.environ.get("CARAVAN_BENCH_PORT", "18081"))
BASE = f"http://{HOST}:{PORT}"
STAFF, PASSWORD = "staff@caravan.test", "caravan-demo-2026"


def query(args, sql):
    if args.backend == "postgres":
        out = subprocess.run(["psql", "-qAt", os.environ["DATABASE_URL"], "-c", sql], check=True,
                             capture_output=True, text=True).stdout.strip()
        return [tuple(line.split("|")) for line in out.splitlines()]
    with sqlite3.connect(os.environ["DATABASE_URL"], timeout=30) as db:
        return db.execute(sql).fetchall()


def inputs(page):
    """Every input of the option's form, as the page shows them (checked boxes only)."""
    form = page[page.index('class="option-sheet"'):]
    form = form[:form.index("</form>")]
    out = []
    for tag in re.findall(r"<input [^>]*>", form):
        attrs = dict((k, html.unescape(v)) for k, v in re.findall(r'(\w[\w-]*)="([^"]*)"', tag))
        if "name" not in attrs:
            continue
        if attrs.get("type") == "checkbox" and " checked" not in tag:
            continue
        out.append((attrs["name"], attrs.get("value", "")))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data_dir")
    p.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres"])
    p.add_argument("--products", default="1000000")
    args = p.parse_args()
    admin = os.environ.get("CARAVAN_BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
    os.environ["DATABASE_URL"] = (admin.rsplit("/", 1)[0] + f"/caravan_bench_{args.products}"
                                  if args.backend == "postgres" else f"{args.data_dir}/bench.db")
    os.environ.update(CARAVAN_DATA_DIR=args.data_dir, CARAVAN_BIND=f"{HOST}:{PORT}", RUST_LOG="warn")
    binary = os.environ.get("CARAVAN_BENCH_BIN", "target/release/caravan")
    (option, sold), = query(args, "SELECT option_id, COUNT(*) FROM product_options po JOIN options o ON o.id = "
                                  "po.option_id WHERE o.merchant_id IS NULL GROUP BY option_id ORDER BY 2 DESC LIMIT 1")
    with open(f"{args.data_dir}/reindex-server.log", "ab") as log:
        server = subprocess.Popen([binary, "serve"], stdout=log, stderr=log)
    try:
        for _ in range(3000):
            try:
                urllib.request.urlopen(f"{BASE}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.02)
        jar = http.cookiejar.CookieJar()
        web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        sign_in = web.open(f"{BASE}/en/sign-in").read().decode()
        token = re.search(r'name="csrf" value="([^"]*)"', sign_in).group(1)
        body = urllib.parse.urlencode({"csrf": token, "email": STAFF, "password": PASSWORD}).encode()
        web.open(urllib.request.Request(f"{BASE}/en/sign-in", body, {"Sec-Fetch-Site": "same-origin"}))
        url = f"{BASE}/en/staff/options/{option}"
        fields = inputs(web.open(url).read().decode())
        first = next(i for i, (k, _) in enumerate(fields) if re.fullmatch(r"v\d+_en", k))
        renamed = fields[first][1] + f" ({int(time.time()) % 100000})"
        fields[first] = (fields[first][0], renamed)
        started = time.monotonic()
        res = web.open(urllib.request.Request(url, urllib.parse.urlencode(fields).encode(),
                                              {"Sec-Fetch-Site": "same-origin"}))
        posted = time.monotonic() - started
        queued = int(query(args, "SELECT COUNT(*) FROM search_reindex")[0][0])
        print(f"option #{option} sold in {int(sold):,} products; renamed value: {renamed!r}")
        print(f"POST answered {res.status} in {posted * 1000:.0f} ms; queued right after: {queued:,}")
        while True:
            left = int(query(args, "SELECT COUNT(*) FROM search_reindex")[0][0])
            elapsed = time.monotonic() - started
            print(f"  {elapsed:6.1f} s: {left:,} left")
            if left == 0:
                break
            time.sleep(5)
        print(f"indexed {queued:,} products again in {elapsed:.0f} s ({queued / max(elapsed, 1e-9):,.0f} per second, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f})")
        word = renamed.split()[-1].strip("()")
        found = web.open(f"{BASE}/en/search?q={word}").read().decode()
        print(f"search for the new word {word!r}: {'finds' if '/en/p/' in found else 'does not find'} products")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
