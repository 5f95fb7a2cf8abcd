//! An operator's bad day, against real `caravan serve` processes and a real database: the database drops every
//! connection or refuses new ones, fifty clients write at once, Redis goes away, a merchant uploads
//! decompression bombs.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use caravan::db::schema::{merchants, products, users};
use caravan::identity::model::Role;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::support::builders;
use crate::support::server::{
    database_url, free_port, get_raw, multipart, start_env, Browser, Server,
};
use crate::support::{pg_admin_url, TestDb, TEST_PASSWORD};

const KEY: &str = "fault-tolerant-secret-key-fault-tolerant-secret-key-fault-tolerant-0123456789";

/// Every request reads the database: no stored pages, no cached catalogue.
const UNCACHED: [(&str, &str); 4] = [
    ("CARAVAN_PAGE_CACHE_SECS", "0"),
    ("CARAVAN_CACHE_TTL_SECS", "0"),
    ("CARAVAN_WORKERS", "2"),
    ("CARAVAN_DB_POOL", "4"),
];

/// A merchant account that owns `shop`, made in the database (the password is [`TEST_PASSWORD`]).
pub(crate) fn merchant_owning(db: &TestDb, email: &str, shop: i64) {
    let spec = caravan::accounts::service::AccountSpec {
        email,
        display_name: "Owner",
        role: Role::Merchant,
        locale: caravan::i18n::Locale::En,
        password: TEST_PASSWORD,
    };
    caravan::accounts::service::upsert_user(
        &mut db.conn(),
        &db.passwords(),
        &spec,
        caravan::clock::system_now(),
    )
    .unwrap();
    let uid: i64 = users::table
        .filter(users::email_norm.eq(email))
        .select(users::id)
        .first(&mut db.conn())
        .unwrap();
    diesel::update(merchants::table.find(shop))
        .set(merchants::owner_user_id.eq(uid))
        .execute(&mut db.conn())
        .unwrap();
}

/// The database name of a PostgreSQL test database.
fn pg_name(db: &TestDb) -> String {
    match &db.url {
        caravan::db::DatabaseUrl::Postgres(u) => u.rsplit('/').next().unwrap().to_string(),
        caravan::db::DatabaseUrl::Sqlite(_) => unreachable!(),
    }
}

fn admin() -> PgConnection {
    PgConnection::establish(&pg_admin_url().unwrap()).unwrap()
}

fn terminate_backends(name: &str) {
    admin()
        .batch_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        ))
        .unwrap();
}

/// Polls `path` until it answers 200; the time that took.
fn time_to_ok(port: u16, path: &str, limit: Duration) -> Duration {
    let t = Instant::now();
    while t.elapsed() < limit {
        if get_raw(port, path, &BTreeMap::new()).status == 200 {
            return t.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{path} not back within {limit:?}");
}

#[test]
fn the_pool_heals_after_the_database_drops_or_refuses_connections() {
    let db = TestDb::new();
    if !db.is_pg() {
        eprintln!("outage test runs on PostgreSQL (CARAVAN_TEST_PG); SQLite has no server to lose");
        return;
    }
    let name = pg_name(&db);
    builders::standard(&mut db.conn());
    let port = free_port();
    let _server = start_env(&db, port, KEY, None, &UNCACHED);
    let page = "/en/c/leather-bags";
    assert_eq!(get_raw(port, page, &BTreeMap::new()).status, 200);

    // 1. Every backend terminated mid-load (a failover, a restart, an idle-timeout proxy).
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let load: Vec<_> = (0..4)
        .map(|i| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut seen = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let path = if i % 2 == 0 { page } else { "/healthz" };
                    let at = started.elapsed();
                    let status = get_raw(port, path, &BTreeMap::new()).status;
                    seen.push((at, status));
                }
                seen
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(600));
    let killed_at = started.elapsed();
    terminate_backends(&name);
    std::thread::sleep(Duration::from_millis(2500));
    stop.store(true, Ordering::Relaxed);
    let seen: Vec<(Duration, u16)> = load.into_iter().flat_map(|h| h.join().unwrap()).collect();
    let after: Vec<&(Duration, u16)> = seen.iter().filter(|(at, _)| *at > killed_at).collect();
    let failed_after: Vec<_> = after.iter().filter(|(_, s)| *s != 200).collect();
    eprintln!(
        "terminate: {} requests, {} after the kill, {} of those not 200: {failed_after:?}",
        seen.len(),
        after.len(),
        failed_after.len()
    );
    assert!(
        seen.iter().all(|(_, s)| *s != 500),
        "a 500 during the outage"
    );
    assert!(after.len() > 20, "the load kept going");
    // Connections are checked out alive: requests after the kill see a healed pool (a request already
    // holding a connection when its backend died may still get a 503).
    let settle = killed_at + Duration::from_millis(200);
    assert!(
        after.iter().all(|(at, s)| *s == 200 || *at < settle),
        "{failed_after:?}"
    );

    // 2. The database refuses connections for a while: health says 503, pages say 503, and once it is back
    // both are 200 again within two seconds.
    admin()
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .unwrap();
    terminate_backends(&name);
    let t = Instant::now();
    let health = get_raw(port, "/healthz", &BTreeMap::new());
    assert_eq!(health.status, 503, "{}", health.body);
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
    let down = get_raw(port, page, &BTreeMap::new());
    assert_eq!(down.status, 503);
    assert!(
        down.body.contains("<html"),
        "a localized page: {}",
        down.body
    );
    std::thread::sleep(Duration::from_millis(1500));
    admin()
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .unwrap();
    let back = time_to_ok(port, "/healthz", Duration::from_secs(10));
    eprintln!("refused connections: /healthz 200 again {back:?} after the database came back");
    assert!(back <= Duration::from_secs(2), "{back:?}");
    for _ in 0..20 {
        assert_eq!(get_raw(port, page, &BTreeMap::new()).status, 200);
    }
}

pub(crate) fn edit_form(csrf: &str, category: &str, stock: &str) -> Vec<(String, String)> {
    [
        ("csrf", csrf),
        ("sku", "LOCK-1"),
        ("category", category),
        ("price", "80"),
        ("stock", stock),
        ("weight", "500"),
        ("status", "active"),
        ("original_lang", "it"),
        ("title_it", "Portafoglio in pelle"),
        ("description_it", "Cuoio toscano."),
        ("slug_it", ""),
        ("title_en", "Leather wallet"),
        ("description_en", "Tuscan leather."),
        ("slug_en", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub(crate) fn as_pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[test]
fn fifty_clients_writing_at_once_get_no_errors() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    diesel::update(products::table)
        .set(products::stock.eq(1_000_000))
        .execute(&mut db.conn())
        .unwrap();
    diesel::update(caravan::db::schema::product_variants::table)
        .set(caravan::db::schema::product_variants::stock.eq(1_000_000))
        .execute(&mut db.conn())
        .unwrap();
    merchant_owning(&db, "owner@bottega.example", f.it_shop);
    let port = free_port();
    let env = [
        ("CARAVAN_WORKERS", "2"),
        ("CARAVAN_DB_POOL", "8"),
        ("CARAVAN_SIGNIN_MAX_FAILURES_PER_IP", "1000"),
    ];
    let _server = start_env(&db, port, KEY, None, &env);
    // The merchant's product that ten sessions edit at once.
    let mut owner = Browser::default();
    owner.sign_in(port, "owner@bottega.example", TEST_PASSWORD);
    let csrf = owner.get(port, "/en/").input("csrf");
    let bags = f.bags.to_string();
    let r = owner.post(
        port,
        "/en/merchant/products/new",
        &as_pairs(&edit_form(&csrf, &bags, "10")),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let wallet: i64 = products::table
        .filter(products::sku.eq("LOCK-1"))
        .select(products::id)
        .first(&mut db.conn())
        .unwrap();

    let clients = 50;
    let barrier = Arc::new(Barrier::new(clients));
    let (bag, tr_bag) = (f.it_bag.to_string(), f.tr_bag.to_string());
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|i| {
            let (barrier, bag, tr_bag, bags) =
                (barrier.clone(), bag.clone(), tr_bag.clone(), bags.clone());
            std::thread::spawn(move || {
                let mut br = Browser::default();
                let merchant = i < 10;
                if merchant {
                    br.sign_in(port, "owner@bottega.example", TEST_PASSWORD);
                }
                // Shopper pages give a visitor without a session no token: the sign-in page does.
                let page = if merchant { "/en/" } else { "/en/sign-in" };
                let csrf = br.get(port, page).input("csrf");
                barrier.wait();
                let mut failures = Vec::new();
                for k in 0..20 {
                    let r = if merchant {
                        let form = edit_form(&csrf, &bags, &(100 + k).to_string());
                        br.post(
                            port,
                            &format!("/en/merchant/products/{wallet}/edit"),
                            &as_pairs(&form),
                        )
                    } else if k % 2 == 0 {
                        let product = if k % 4 == 0 { &bag } else { &tr_bag };
                        br.post(
                            port,
                            "/en/cart/add",
                            &[("csrf", &csrf), ("product_id", product), ("quantity", "1")],
                        )
                    } else {
                        let q = (k % 5 + 1).to_string();
                        br.post(
                            port,
                            "/en/cart/update",
                            &[("csrf", &csrf), ("product_id", &bag), ("quantity", &q)],
                        )
                    };
                    if r.status != 303 {
                        failures.push((
                            i,
                            k,
                            r.status,
                            r.body.chars().take(300).collect::<String>(),
                        ));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<_> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    eprintln!(
        "50 clients × 20 writes on {}: {} failed in {:?}",
        if db.is_pg() { "PostgreSQL" } else { "SQLite" },
        failures.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{:?}",
        &failures[..failures.len().min(5)]
    );
    let stock: i32 = products::table
        .find(wallet)
        .select(products::stock)
        .first(&mut db.conn())
        .unwrap();
    assert_eq!(
        stock, 119,
        "the last edit of every merchant session sets 119"
    );
}

/// Peak resident memory of a process, in MB (Linux `VmHWM`).
fn peak_rss_mb(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.0.id())).unwrap();
    let kb: u64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap();
    kb / 1024
}

/// A PNG of `w` × `h` pixels, all black: small on disk, `w * h * bytes_per_pixel` once decoded.
fn black_png(w: u32, h: u32, color: png::ColorType) -> Vec<u8> {
    let channels = match color {
        png::ColorType::Rgb => 3,
        _ => 1,
    };
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header().unwrap();
        let mut stream = writer.stream_writer().unwrap();
        let row = vec![0u8; w as usize * channels];
        for _ in 0..h {
            std::io::Write::write_all(&mut stream, &row).unwrap();
        }
        stream.finish().unwrap();
    }
    out
}

/// The memory bound stated in the README: peak RSS of the server while it takes eight 12,000 × 12,000 bombs
/// and then eight 31-megapixel pictures at once.
const UPLOAD_RSS_BOUND_MB: u64 = 450;

#[test]
fn decompression_bombs_are_refused_and_parallel_uploads_stay_bounded() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    merchant_owning(&db, "owner@bottega.example", f.it_shop);
    let port = free_port();
    let server = start_env(&db, port, KEY, None, &[("CARAVAN_WORKERS", "2")]);
    let bomb = Arc::new(black_png(12_000, 12_000, png::ColorType::Grayscale));
    let big = Arc::new(black_png(6_400, 4_800, png::ColorType::Rgb));
    assert!(bomb.len() < 1_000_000, "{} bytes", bomb.len());
    // Sixteen signed-in merchants first: each sign-in's argon2 hash takes 19 MB of its own, which is not what
    // this test is about, so the baseline is taken after them.
    let mut signed_in: Vec<(Browser, String)> = (0..16)
        .map(|_| {
            let mut br = Browser::default();
            br.sign_in(port, "owner@bottega.example", TEST_PASSWORD);
            let csrf = br.get(port, "/en/merchant").input("csrf");
            (br, csrf)
        })
        .collect();
    let before = peak_rss_mb(&server);
    let mut upload = |pictures: Arc<Vec<u8>>, field: &'static str, path: String| {
        let (mut br, csrf) = signed_in.pop().unwrap();
        std::thread::spawn(move || {
            let (ct, body) = multipart(&[("csrf", &csrf)], &[(field, "picture.png", &pictures)]);
            br.post_multipart(port, &path, &ct, &body)
        })
    };
    let product_images = format!("/en/merchant/products/{}/images", f.it_bag);
    // Eight bombs at once, as product images and as a shop logo: each refused from its header.
    let bombs: Vec<_> = (0..8)
        .map(|i| {
            if i % 2 == 0 {
                upload(bomb.clone(), "images", product_images.clone())
            } else {
                upload(
                    bomb.clone(),
                    "logo",
                    "/en/merchant/profile/logo".to_string(),
                )
            }
        })
        .collect();
    for h in bombs {
        let r = h.join().unwrap();
        assert!(
            r.status == 422 || r.status == 303,
            "{} {}",
            r.status,
            r.body
        );
        if r.status == 422 {
            assert!(r.body.contains("too many pixels"), "{}", r.body);
        }
    }
    let after_bombs = peak_rss_mb(&server);
    // Eight real 31-megapixel pictures at once: decoded two at a time.
    let big_ones: Vec<_> = (0..8)
        .map(|_| upload(big.clone(), "images", product_images.clone()))
        .collect();
    let statuses: Vec<u16> = big_ones
        .into_iter()
        .map(|h| h.join().unwrap().status)
        .collect();
    let after_big = peak_rss_mb(&server);
    eprintln!(
        "peak RSS: {before} MB at start, {after_bombs} MB after 8 bombs, {after_big} MB after 8 × 31 MP \
         (statuses {statuses:?})"
    );
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 422),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&303),
        "the pictures are accepted: {statuses:?}"
    );
    // One decoded bomb alone would be 144 MB (12,000 × 12,000 grey); what is left is eight requests' buffers and
    // the allocator's per-thread arenas (measured +8 to +16 MB).
    assert!(after_bombs < before + 100, "{before} → {after_bombs} MB");
    assert!(after_big < UPLOAD_RSS_BOUND_MB, "{after_big} MB");
}

fn caravan_with_redis(db: &TestDb, redis_url: &str) -> std::process::Command {
    let url = database_url(db);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_caravan"));
    cmd.arg("serve")
        .env("DATABASE_URL", url)
        .env("CARAVAN_DATA_DIR", db.dir.path())
        .env("CARAVAN_SECRET_KEY", KEY)
        .env("CARAVAN_SESSION_STORE", "redis")
        .env("CARAVAN_REDIS_URL", redis_url)
        .env("RUST_LOG", "warn");
    cmd
}

/// Redis named by the configuration but not there: one clear line and exit code 2 within five seconds, whether
/// nothing listens on the port or something listens and never answers.
#[test]
fn a_redis_that_is_down_at_start_fails_fast_with_one_line() {
    let db = TestDb::new();
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    for port in [free_port(), silent_port] {
        let t = Instant::now();
        let out = caravan_with_redis(&db, &format!("redis://127.0.0.1:{port}"))
            .env("CARAVAN_BIND", format!("127.0.0.1:{}", free_port()))
            .stdout(std::process::Stdio::null())
            .output()
            .unwrap();
        let took = t.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("ICU4X")).collect();
        eprintln!(
            "Redis on {port}: exit {:?} after {took:?}: {lines:?}",
            out.status.code()
        );
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(took < Duration::from_secs(7), "{took:?}");
        assert_eq!(lines.len(), 1, "{stderr}");
        assert!(lines[0].contains("cannot connect to Redis"), "{stderr}");
    }
    drop(silent);
}

/// A `redis-server` of the test's own, killed and started again on the same port.
struct RedisServer(std::process::Child);

impl RedisServer {
    fn start(port: u16) -> Option<Self> {
        let child = std::process::Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let t = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "redis-server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Self(child))
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// While Redis is away, requests that need the session get the localized 503 page (not an empty 500); once
/// Redis is back, the same browser is served again without a restart.
#[test]
fn a_redis_outage_is_a_localized_503_and_heals() {
    let rport = free_port();
    let Some(redis) = RedisServer::start(rport) else {
        assert!(
            std::env::var("CARAVAN_TEST_REDIS").is_err(),
            "redis-server is needed where CARAVAN_TEST_REDIS is set"
        );
        eprintln!("redis-server not installed: Redis outage test not run here (CI installs it)");
        return;
    };
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    let port = free_port();
    let server = caravan_with_redis(&db, &format!("redis://127.0.0.1:{rport}"))
        .env("CARAVAN_BIND", format!("127.0.0.1:{port}"))
        .env("CARAVAN_WORKERS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(server, None);
    let t = Instant::now();
    while get_raw(port, "/healthz", &BTreeMap::new()).status != 200 {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "caravan did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut br = Browser::default();
    let csrf = br.get(port, "/en/").input("csrf");
    let bag = f.it_bag.to_string();
    let r = br.post(
        port,
        "/en/cart/add",
        &[("csrf", &csrf), ("product_id", &bag), ("quantity", "1")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    drop(redis);
    let t = Instant::now();
    let down = br.get(port, "/en/cart");
    eprintln!("Redis down: {} in {:?}", down.status, t.elapsed());
    assert_eq!(down.status, 503, "{}", down.body);
    assert!(down.body.contains("<html lang=\"en\""), "{}", down.body);
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    let _redis = RedisServer::start(rport).unwrap();
    let t = Instant::now();
    loop {
        let r = br.get(port, "/en/cart");
        if r.status == 200 {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "not back: {}",
            r.status
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    eprintln!("Redis back: cart served again after {:?}", t.elapsed());
}
