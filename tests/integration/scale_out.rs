//! Two `caravan serve` processes on one database, requests alternating between them: the session (signed
//! cookie), the cart and the checkout work whichever instance answers. Runs on PostgreSQL when
//! `CARAVAN_TEST_PG` is set (the production scale-out setup), else on a shared SQLite file.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use caravan::db::schema::{orders, shipping_rates};
use diesel::prelude::*;

use crate::support::builders;
use crate::support::server::{free_port, start, start_with, Browser};
use crate::support::TestDb;

#[test]
fn two_instances_share_sessions_carts_and_checkout() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    diesel::insert_into(shipping_rates::table)
        .values((
            shipping_rates::merchant_id.eq(f.it_shop),
            shipping_rates::destination.eq("*"),
            shipping_rates::rate_minor.eq(900),
            shipping_rates::days_min.eq(2),
            shipping_rates::days_max.eq(4),
        ))
        .execute(&mut db.conn())
        .unwrap();
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
