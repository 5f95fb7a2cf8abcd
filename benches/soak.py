#!/usr/bin/env python3
"""Mixed-traffic soak against a running Caravan on loopback (driven by benches/soak.sh).

Every client is a thread with its own keep-alive connection and cookies, sending what a browser sends
(Accept-Encoding, Accept-Language). Kinds of traffic, each with its own clients:
  browse    anonymous pages: home, category, product, origin, promos (five languages)
  search    searches, a third of them words never seen before (new cache keys, as bots and typos make)
  cart      a guest adds products and changes quantities
  checkout  a signed-in shopper fills a cart, gives an address, reviews and places the order
  merchant  a merchant edits a product's stock through the product form
  staff     staff save an exchange rate
Prints one line a minute (requests, 5xx, server RSS) and, at the end, p50/p99 and status counts per kind.
Standard library only. Targets only 127.0.0.1.
"""
import argparse
import html.parser
import http.client
import random
import re
import threading
import time
import urllib.parse

HOST = "127.0.0.1"
PASSWORD = "caravan-demo-2026"
HEADERS = {
    "Accept": "text/html,application/xhtml+xml",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "User-Agent": "caravan-soak/1",
}


class Form(html.parser.HTMLParser):
    """Collects the fields of the first form whose action contains `action`, as a browser would submit it."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.done = action, False, False
        self.fields, self.select, self.textarea, self.first_option = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and self.action in (a.get("action") or ""):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "select":
            self.select, self.first_option = a.get("name"), None
        elif tag == "option" and self.select:
            value = a.get("value") or ""
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.fields.append([self.select, value])
                self.select = None
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "select" and self.select:
            self.fields.append([self.select, self.first_option or ""])
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(self.textarea)
            self.textarea = None
        elif tag == "form":
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def form_fields(page, action):
    f = Form(action)
    f.feed(page)
    return f.fields


class Client:
    def __init__(self, port, lang):
        self.port, self.lang, self.cookies, self.conn = port, lang, {}, None

    def request(self, method, path, body=None):
        headers = dict(HEADERS)
        headers["Accept-Language"] = {"en": "en-US,en;q=0.9", "ru": "ru-RU,ru;q=0.9", "tr": "tr-TR,tr;q=0.9",
                                      "it": "it-IT,it;q=0.9", "es": "es-ES,es;q=0.9"}[self.lang]
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Sec-Fetch-Site"] = "same-origin"  # what a browser adds to a post from our own page
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                res = self.conn.getresponse()
                raw = res.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    return 0, {}, ""
        for k, v in res.getheaders():
            if k.lower() == "set-cookie":
                name, _, value = v.split(";", 1)[0].partition("=")
                if value and "Max-Age=0" not in v:
                    self.cookies[name] = value
                else:
                    self.cookies.pop(name, None)
        text = ""
        enc = res.getheader("Content-Encoding", "")
        if enc == "gzip":
            import gzip
            raw = gzip.decompress(raw)
        if enc in ("", "gzip", "identity"):
            text = raw.decode("utf-8", "replace")
        return res.status, dict((k.lower(), v) for k, v in res.getheaders()), text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind = {}

    def add(self, kind, status, seconds):
        with self.lock:
            k = self.by_kind.setdefault(kind, {"lat": [], "status": {}})
            k["lat"].append(seconds)
            k["status"][status] = k["status"].get(status, 0) + 1

    def totals(self):
        with self.lock:
            n = sum(len(k["lat"]) for k in self.by_kind.values())
            e = sum(c for k in self.by_kind.values() for s, c in k["status"].items() if s >= 500 or s == 0)
            return n, e


def timed(stats, kind, fn, *args):
    t = time.perf_counter()
    status, headers, text = fn(*args)
    stats.add(kind, status, time.perf_counter() - t)
    return status, headers, text


def links(text, prefix):
    return sorted(set(re.findall(r'href="(/%s/[^"#?]+)"' % re.escape(prefix), text)))


def browse(port, stats, stop, rnd):
    lang = rnd.choice(["en", "ru", "tr", "it", "es"])
    c = Client(port, lang)
    _, _, home = timed(stats, "browse", c.get, f"/{lang}/")
    cats, products = links(home, f"{lang}/c"), links(home, f"{lang}/p")
    while not stop.is_set():
        pick = rnd.random()
        if pick < 0.15 or not cats:
            path = f"/{lang}/"
        elif pick < 0.45:
            path = rnd.choice(cats) + rnd.choice(["", "?page=2", "?sort=price_asc", "?origin=IT&in_stock=1"])
        elif pick < 0.8 and products:
            path = rnd.choice(products)
        elif pick < 0.9:
            path = f"/{lang}/origin/{rnd.choice(['it', 'tr', 'ru', 'es'])}"
        else:
            path = f"/{lang}/promos"
        _, _, text = timed(stats, "browse", c.get, path)
        found = links(text, f"{lang}/p")
        if found:
            products = (products + found)[-200:]


WORDS = ["сумка", "çanta", "borsa", "bolso", "bag", "чай", "çay", "tè", "té", "tea", "İznik", "ceramica", "cuero",
         "шарф", "kilim", "olio", "aceite", "мёд", "bal", "miele", "lana", "yün", "шерсть", "ручная работа"]


def search(port, stats, stop, rnd):
    lang = rnd.choice(["en", "ru", "tr", "it", "es"])
    c = Client(port, lang)
    while not stop.is_set():
        if rnd.random() < 0.33:
            q = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyzçğışöüаеиоуя") for _ in range(rnd.randint(3, 9)))
        else:
            q = rnd.choice(WORDS)
        timed(stats, "search", c.get, f"/{lang}/search?q={urllib.parse.quote(q)}")


def cart(port, stats, stop, rnd, products):
    """A guest: adds from shopper pages (which carry no token: the post is same-origin), changes quantities on
    the cart page (which carries the session's token)."""
    c = Client(port, "en")
    timed(stats, "cart", c.get, "/en/")
    csrf = ""
    n = 0
    while not stop.is_set():
        pid = rnd.choice(products)
        if n % 3 == 2:
            if not csrf:
                # The token of the quantity forms; an empty cart (its adds sold out, or set to 0) has none, and
                # like a shopper the client then adds instead of posting a form it cannot see.
                _, _, page = timed(stats, "cart", c.get, "/en/cart")
                csrf = dict(form_fields(page, "/cart/update")).get("csrf", "")
            if csrf:
                timed(stats, "cart", c.post, "/en/cart/update", {"csrf": csrf, "product_id": pid, "quantity": rnd.randint(0, 3)})
            else:
                timed(stats, "cart", c.post, "/en/cart/add", {"csrf": "", "product_id": pid, "quantity": 1})
        else:
            timed(stats, "cart", c.post, "/en/cart/add", {"csrf": "", "product_id": pid, "quantity": 1})
        n += 1
        if n % 20 == 0:
            c = Client(port, "en")  # a new guest now and then: new sessions, new carts
            timed(stats, "cart", c.get, "/en/")
            csrf = ""


def sign_in(c, stats, kind, email):
    _, _, page = timed(stats, kind, c.get, f"/{c.lang}/sign-in")
    csrf = dict(form_fields(page, "/sign-in")).get("csrf", "")
    status, _, _ = timed(stats, kind, c.post, f"/{c.lang}/sign-in", {"csrf": csrf, "email": email, "password": PASSWORD})
    return status == 303


def checkout(port, stats, stop, rnd, email, products):
    c = Client(port, "it")
    if not sign_in(c, stats, "checkout", email):
        return
    while not stop.is_set():
        _, _, page = timed(stats, "checkout", c.get, "/it/cart")
        csrf = dict(form_fields(page, "/market")).get("csrf", "")
        timed(stats, "checkout", c.post, "/it/cart/add", {"csrf": csrf, "product_id": rnd.choice(products), "quantity": 1})
        timed(stats, "checkout", c.post, "/it/checkout", {
            "csrf": csrf, "full_name": "Giulia Rossi", "line1": "Via Roma 1", "line2": "", "city": "Firenze",
            "postal_code": "50122", "country": "IT", "phone": "+39 055 123 4567"})
        _, _, review = timed(stats, "checkout", c.get, "/it/checkout/review")
        fields = dict(form_fields(review, "/checkout/place"))
        if "token" in fields:
            fields["payment"] = "bank_transfer"
            timed(stats, "checkout", c.post, "/it/checkout/place", fields)
        time.sleep(0.2)


def merchant(port, stats, stop, rnd, email):
    c = Client(port, "en")
    if not sign_in(c, stats, "merchant", email):
        return
    _, _, page = timed(stats, "merchant", c.get, "/en/merchant/products")
    edits = sorted(set(re.findall(r'href="(/en/merchant/products/\d+/edit)"', page)))
    while not stop.is_set() and edits:
        path = rnd.choice(edits)
        _, _, form = timed(stats, "merchant", c.get, path)
        fields = form_fields(form, path)
        for f in fields:
            if f[0] == "stock":
                f[1] = str(rnd.randint(500, 900))
        timed(stats, "merchant", c.post, path, [tuple(f) for f in fields])
        time.sleep(0.1)


def staff(port, stats, stop, rnd, email):
    c = Client(port, "en")
    if not sign_in(c, stats, "staff", email):
        return
    while not stop.is_set():
        _, _, page = timed(stats, "staff", c.get, "/en/staff/rates")
        csrf = dict(form_fields(page, "/staff/rates")).get("csrf", "")
        m = re.search(r"<strong>TRY</strong>[^<]*</td><td>([^<]+)</td>", page)
        rate = m.group(1) if m else "0.028"
        timed(stats, "staff", c.post, "/en/staff/rates", {"csrf": csrf, "currency": "TRY", "rate": rate})
        time.sleep(0.5)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * p / 100))] * 1000 if v else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--merchant", required=True)
    ap.add_argument("--merchant-shop", required=True)
    args = ap.parse_args()
    stats, stop, threads = Stats(), threading.Event(), []
    probe = Client(args.port, "en")
    _, _, shop = probe.get(f"/en/shop/{args.merchant_shop}")
    home = probe.get("/en/")[2]
    shop_products = re.findall(r'name="product_id" value="(\d+)"', shop) or re.findall(r'/en/p/(\d+)-', shop)
    all_products = re.findall(r'name="product_id" value="(\d+)"', home) or re.findall(r'/en/p/(\d+)-', home)
    if not shop_products or not all_products:
        raise SystemExit("no products found on the shop or home page")
    plan = ([(browse, ())] * 8 + [(search, ())] * 3 + [(cart, (all_products,))] * 4
            + [(checkout, (f"soak-{i}@caravan.test", shop_products)) for i in range(2)]
            + [(merchant, (args.merchant,)), (staff, ("staff@caravan.test",))])
    for i, (fn, extra) in enumerate(plan):
        rnd = random.Random(i)
        t = threading.Thread(target=fn, args=(args.port, stats, stop, rnd) + extra, daemon=True)
        t.start()
        threads.append(t)
    start, minute, samples = time.time(), 0, []
    print(f"{'minute':>6} {'requests':>9} {'5xx':>5} {'RSS MB':>7}", flush=True)
    while time.time() - start < args.minutes * 60:
        time.sleep(1)
        if time.time() - start >= (minute + 1) * 60:
            minute += 1
            n, e = stats.totals()
            samples.append(rss_mb(args.pid))
            print(f"{minute:>6} {n:>9} {e:>5} {samples[-1]:>7}", flush=True)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    n, e = stats.totals()
    print(f"\n{'kind':<9} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8}  statuses")
    for kind in ["browse", "search", "cart", "checkout", "merchant", "staff"]:
        k = stats.by_kind.get(kind)
        if not k:
            print(f"{kind:<9} {'0':>9}")
            continue
        codes = " ".join(f"{s}:{c}" for s, c in sorted(k["status"].items()))
        print(f"{kind:<9} {len(k['lat']):>9} {pct(k['lat'], 50):>8.1f} {pct(k['lat'], 99):>8.1f}  {codes}")
    if samples:
        after_first = samples[1:] or samples
        spread = (max(after_first) - min(after_first)) / max(1, min(after_first)) * 100
        print(f"\nrequests {n}, 5xx or dropped {e}; RSS by minute {samples} MB; after the first minute "
              f"{min(after_first)}-{max(after_first)} MB ({spread:.0f}% spread)")
    raise SystemExit(1 if e else 0)


if __name__ == "__main__":
    main()
