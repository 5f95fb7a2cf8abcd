//! Two `caravan serve` processes on one database, requests alternating between them: the session (signed
//! cookie), the cart and the checkout work whichever instance answers. Runs on PostgreSQL when
//! `CARAVAN_TEST_PG` is set (the production scale-out setup), else on a shared SQLite file.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use caravan::db::schema::orders;
use diesel::prelude::*;

use crate::support::builders;
use crate::support::server::{free_port, start, start_with, Browser};
use crate::support::TestDb;

#[test]
fn two_instances_share_sessions_carts_and_checkout() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    builders::ship(&mut db.conn(), f.it_shop, "*", 900, (2, 4));
    let key = "k".repeat(40) + &"e".repeat(40);
    let (pa, pb) = (free_port(), free_port());
    let _a = start(&db, pa, &key);
    let _b = start(&db, pb, &key);
    let mut br = Browser::default();
    // Guest cart on A, seen on B.
    let home = br.get(pa, "/en/");
    assert_eq!(home.status, 200);
    let csrf = home.input("csrf");
    let pid = f.it_bag.to_string();
    let r = br.post(
        pb,
        "/en/cart/add",
        &[("csrf", &csrf), ("product_id", &pid), ("quantity", "2")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let cart = br.get(pa, "/en/cart");
    assert!(
        cart.body.contains("Florentine leather bag"),
        "{}",
        cart.body
    );
    // Sign up on B (the session id is renewed), the cart follows; checkout alternating A, B, A.
    let form = br.get(pb, "/en/sign-up");
    let csrf = form.input("csrf");
    let r = br.post(
        pb,
        "/en/sign-up",
        &[
            ("csrf", &csrf),
            ("email", "alt@example.com"),
            ("display_name", "Alt"),
            ("password", "alternating-instances-1"),
            ("locale", "en"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let cart = br.get(pa, "/en/cart");
    assert!(cart.body.contains("Cart (2)"), "{}", cart.body);
    let csrf = cart.input("csrf");
    let r = br.post(
        pb,
        "/en/checkout",
        &[
            ("csrf", &csrf),
            ("full_name", "Alt Ernate"),
            ("line1", "Via Roma 1"),
            ("line2", ""),
            ("city", "Firenze"),
            ("postal_code", "50122"),
            ("country", "IT"),
            ("phone", "+39 055 123 4567"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let review = br.get(pa, "/en/checkout/review");
    assert_eq!(review.status, 200);
    let (csrf, token, total) = (
        review.input("csrf"),
        review.input("token"),
        review.input("expected_total"),
    );
    let form = [
        ("csrf", csrf.as_str()),
        ("token", token.as_str()),
        ("payment", "bank_transfer"),
        ("expected_total", total.as_str()),
    ];
    let placed = br.post(pb, "/en/checkout/place", &form);
    assert_eq!(placed.status, 303, "{}", placed.body);
    // The same submission arriving at the other instance (a retry) creates nothing new.
    let retry = br.post(pa, "/en/checkout/place", &form);
    assert_eq!(retry.status, 303);
    assert!(retry.header("location").unwrap().contains("again=1"));
    let n: i64 = orders::table.count().get_result(&mut db.conn()).unwrap();
    assert_eq!(n, 1);
    let history = br.get(pa, "/en/orders");
    assert!(history.body.contains("CV-"), "{}", history.body);
}

/// SIGTERM lets a request already on the wire finish, then the process exits cleanly; logs are JSON lines
/// carrying the request id when `CARAVAN_LOG_FORMAT=json`.
#[test]
fn graceful_shutdown_finishes_in_flight_requests_and_logs_json() {
    let db = TestDb::new();
    let log = db.dir.path().join("serve.log");
    let port = free_port();
    let key = "g".repeat(80);
    let mut server = start_with(&db, port, &key, Some(&log));
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // A request whose body is still arriving when the signal comes: it is being handled (the form extractor
    // is reading the body) and must get its answer.
    s.write_all(
        b"POST /en/market HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: shutdown-probe-1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 28\r\n\r\nship_to=KZ",
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let pid = server.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(300));
    s.write_all(b"&currency=KZT&csrf").unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    // No CSRF token: a complete, deliberate 403 (not a dropped connection).
    assert!(raw.starts_with("HTTP/1.1 403"), "{raw}");
    let deadline = Instant::now() + Duration::from_secs(25);
    let status = loop {
        if let Some(st) = server.0.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{status:?}");
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        // Debug builds of ICU4X print data notes to standard error too; log lines are the JSON objects.
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(
        lines
            .iter()
            .any(|v| v.to_string().contains("shutdown-probe-1")),
        "{text}"
    );
    assert!(lines.len() >= 2, "{text}");
}

fn change_price(
    owner: &mut Browser,
    port: u16,
    csrf: &str,
    category: &str,
    product: i64,
    price: &str,
) {
    let mut form = crate::faults::edit_form(csrf, category, "10");
    form.iter_mut().find(|(k, _)| k == "price").unwrap().1 = price.to_string();
    let r = owner.post(
        port,
        &format!("/en/merchant/products/{product}/edit"),
        &crate::faults::as_pairs(&form),
    );
    assert_eq!(r.status, 303, "{}", r.body);
}

/// Polls `url` on port `b` until it differs from `before`; then it must be what port `a` shows.
fn changed_on(visitor: &mut Browser, b: u16, a: u16, url: &str, before: &str) -> Duration {
    let t = Instant::now();
    loop {
        let now = visitor.get(b, url);
        assert_eq!(now.status, 200);
        if now.body != before {
            // (Each instance links to its own address.)
            let on_a = visitor.get(a, url).body;
            assert_eq!(
                now.body,
                on_a.replace(&format!("127.0.0.1:{a}/"), &format!("127.0.0.1:{b}/"))
            );
            return t.elapsed();
        }
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "the other instance still shows the old page after {:?}",
            t.elapsed()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// With two instances on one PostgreSQL database, a price change made through one is on the other's pages within
/// two seconds (LISTEN/NOTIFY), although both keep pages and catalogue data for 30 s; and again after the
/// database has dropped every connection (the fan-out resubscribes).
#[test]
fn a_price_change_on_one_instance_is_shown_by_the_other_within_two_seconds() {
    if crate::support::pg_admin_url().is_none() {
        eprintln!("skipped: the fan-out runs on PostgreSQL (set CARAVAN_TEST_PG)");
        return;
    }
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    crate::faults::merchant_owning(&db, "owner@fanout.example", f.it_shop);
    let key = "f".repeat(40) + &"o".repeat(40);
    let (pa, pb) = (free_port(), free_port());
    let _a = start(&db, pa, &key);
    let _b = start(&db, pb, &key);
    let mut owner = Browser::default();
    owner.sign_in(pa, "owner@fanout.example", crate::support::TEST_PASSWORD);
    let csrf = owner.get(pa, "/en/").input("csrf");
    let bags = f.bags.to_string();
    let r = owner.post(
        pa,
        "/en/merchant/products/new",
        &crate::faults::as_pairs(&crate::faults::edit_form(&csrf, &bags, "10")),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let wallet: i64 = caravan::db::schema::products::table
        .filter(caravan::db::schema::products::sku.eq("LOCK-1"))
        .select(caravan::db::schema::products::id)
        .first(&mut db.conn())
        .unwrap();
    let mut visitor = Browser::default();
    let url = visitor
        .get(pb, &format!("/en/p/{wallet}-x"))
        .header("location")
        .expect("canonical URL")
        .to_string();

    // B has the page (stored for 30 s); A changes the price.
    let before = visitor.get(pb, &url).body;
    assert_eq!(visitor.get(pb, &url).body, before, "stored on B");
    change_price(&mut owner, pa, &csrf, &bags, wallet, "95");
    let took = changed_on(&mut visitor, pb, pa, &url, &before);
    eprintln!("price change seen on the other instance after {took:?}");

    // The database drops every connection (a restart, a failover): the fan-out reconnects and goes on.
    let caravan::db::DatabaseUrl::Postgres(u) = &db.url else {
        unreachable!()
    };
    let name = u.rsplit('/').next().unwrap().to_string();
    let mut admin =
        diesel::PgConnection::establish(&crate::support::pg_admin_url().unwrap()).unwrap();
    diesel::sql_query(format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    ))
    .execute(&mut admin)
    .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let before = visitor.get(pb, &url).body;
    change_price(&mut owner, pa, &csrf, &bags, wallet, "110");
    let took = changed_on(&mut visitor, pb, pa, &url, &before);
    eprintln!("after every connection was dropped: seen after {took:?}");
}

/// Each instance keeps who a sign-in cookie belongs to for up to two seconds; signing out on one instance must
/// still end that session on the other: a copy of the cookie taken before signing out (a stolen cookie, a second
/// tab) is refused there within the TTL, at once on PostgreSQL where the sign-out is fanned out.
#[test]
fn a_sign_out_on_one_instance_ends_the_session_on_the_other() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    crate::faults::merchant_owning(&db, "owner@signout.example", f.it_shop);
    let key = "s".repeat(40) + &"o".repeat(40);
    let (pa, pb) = (free_port(), free_port());
    let _a = start(&db, pa, &key);
    let _b = start(&db, pb, &key);
    let mut owner = Browser::default();
    owner.sign_in(pa, "owner@signout.example", crate::support::TEST_PASSWORD);
    assert_eq!(owner.get(pb, "/en/account").status, 200, "signed in on B");
    assert_eq!(
        owner.get(pb, "/en/account").status,
        200,
        "B keeps the sign-in"
    );
    let copy = owner.cookies.clone();
    let csrf = owner.get(pa, "/en/account").input("csrf");
    let r = owner.post(pa, "/en/sign-out", &[("csrf", &csrf)]);
    assert_eq!(r.status, 303, "{}", r.body);
    let start = Instant::now();
    loop {
        let r = crate::support::server::get_raw(pb, "/en/account", &copy);
        if r.status == 303 {
            assert!(r.header("location").unwrap().contains("/en/sign-in"));
            break;
        }
        assert_eq!(r.status, 200);
        assert!(
            start.elapsed() < caravan::identity::sign_ins::TTL + Duration::from_millis(500),
            "the signed-out cookie still works on B after {:?}",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    eprintln!(
        "sign-out seen on the other instance after {:?}",
        start.elapsed()
    );
    // On this instance it never worked again.
    let r = crate::support::server::get_raw(pa, "/en/account", &copy);
    assert_eq!(r.status, 303);
}
