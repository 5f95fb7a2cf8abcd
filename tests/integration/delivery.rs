//! What browsers and shared caches get: content codings from stored bodies, validators and `304`, cookies only
//! once a visitor needs a session, `Cache-Control` by audience, and cross-site posts refused.

use std::io::Read as _;

use actix_web::test::TestRequest;

use crate::support::builders;
use crate::support::client::Page;
use crate::support::TestApp;

fn brotli_text(raw: &[u8]) -> String {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &raw[..], &mut out).expect("brotli");
    String::from_utf8(out).expect("utf-8")
}

fn gzip_text(raw: &[u8]) -> String {
    let mut s = String::new();
    flate2::read::GzDecoder::new(raw)
        .read_to_string(&mut s)
        .expect("gzip");
    s
}

async fn get_with(app: &mut TestApp, url: &str, headers: &[(&str, &str)]) -> Page {
    let mut req = TestRequest::get().uri(&crate::support::client::encode_uri(url));
    for (k, v) in headers {
        req = req.insert_header((k.to_string(), v.to_string()));
    }
    app.client.send(req).await
}

pub(crate) async fn product_url(app: &mut TestApp, id: i64) -> String {
    app.client
        .get(&format!("/en/p/{id}-x"))
        .await
        .location()
        .expect("canonical product URL")
}

#[actix_web::test]
async fn pages_and_assets_come_in_the_coding_the_browser_allows() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let product = product_url(&mut app, f.it_bag).await;
    let home = app.client.get("/en/").await;
    let css = {
        let start = home.body.find("/static/css/app.css?v=").expect("css link");
        let end = home.body[start..].find('"').expect("end") + start;
        home.body[start..end].to_string()
    };
    for url in [
        "/en/",
        "/en/c/leather-goods",
        product.as_str(),
        css.as_str(),
    ] {
        // A stored page is gzip when first rendered; asked for again, it gets brotli in the background.
        let started = std::time::Instant::now();
        loop {
            let res = get_with(&mut app, url, &[("accept-encoding", "br, gzip")]).await;
            let coding = res.header("content-encoding");
            if coding.as_deref() == Some("br") {
                break;
            }
            assert_eq!(coding.as_deref(), Some("gzip"), "{url}");
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "{url}: no brotli"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let plain = get_with(&mut app, url, &[]).await;
        assert_eq!(plain.status, 200, "{url}");
        assert!(plain.header("content-encoding").is_none(), "{url}");
        assert!(plain
            .header("vary")
            .unwrap_or_default()
            .contains("Accept-Encoding"));
        let identity = plain.body.clone();
        assert!(identity.len() > 1024, "{url}");
        let cases: [(&str, Option<&str>); 7] = [
            ("gzip, deflate, br, zstd", Some("br")),
            ("gzip, deflate, br", Some("br")),
            ("gzip", Some("gzip")),
            ("br;q=0, gzip", Some("gzip")),
            ("br;q=0.2, gzip;q=0.8", Some("gzip")),
            ("gzip;q=0, br;q=0", None),
            ("identity", None),
        ];
        for (accept, expected) in cases {
            let res = get_with(&mut app, url, &[("accept-encoding", accept)]).await;
            assert_eq!(res.status, 200, "{url} {accept}");
            assert_eq!(
                res.header("content-encoding").as_deref(),
                expected,
                "{url} {accept}"
            );
            let text = match expected {
                Some("br") => brotli_text(&res.raw),
                Some("gzip") => gzip_text(&res.raw),
                _ => res.body.clone(),
            };
            assert_eq!(text, identity, "{url} {accept}");
        }
        let br = get_with(&mut app, url, &[("accept-encoding", "br")])
            .await
            .raw
            .len();
        let gz = get_with(&mut app, url, &[("accept-encoding", "gzip")])
            .await
            .raw
            .len();
        eprintln!(
            "{url}: identity {} · gzip {gz} · br {br} bytes ({:.1}% under gzip)",
            identity.len(),
            100.0 - 100.0 * br as f64 / gz as f64
        );
        if url == css {
            // 14.4% on the CSS (3,186 against 3,722 bytes): brotli 11 cannot do more on 15 KB.
            assert!(
                br * 100 <= gz * 87,
                "{url}: brotli {br} bytes against gzip {gz}"
            );
        } else {
            assert!(
                br * 100 <= gz * 85,
                "{url}: brotli {br} bytes is not 15% under gzip {gz}"
            );
        }
    }
    // A page rendered for one signed-in visitor is compressed too, with gzip at the fast level.
    app.sign_in_as(
        "olga.delivery@example.test",
        caravan::identity::model::Role::Shopper,
    )
    .await;
    let res = get_with(
        &mut app,
        "/en/",
        &[("accept-encoding", "gzip, deflate, br")],
    )
    .await;
    assert_eq!(res.header("content-encoding").as_deref(), Some("gzip"));
    assert!(gzip_text(&res.raw).contains("class=\"sign-out\""));
}

#[actix_web::test]
async fn a_matching_validator_gets_304() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let product = product_url(&mut app, f.it_bag).await;
    for url in ["/en/", product.as_str(), "/static/css/app.css"] {
        let first = get_with(&mut app, url, &[("accept-encoding", "br")]).await;
        assert_eq!(first.status, 200, "{url}");
        let etag = first.header("etag").expect("etag");
        let again = get_with(
            &mut app,
            url,
            &[("accept-encoding", "br"), ("if-none-match", &etag)],
        )
        .await;
        assert_eq!(again.status, 304, "{url}");
        assert!(again.raw.is_empty());
        assert_eq!(again.header("etag").as_deref(), Some(etag.as_str()));
        // Another coding of the same content is the same (weak) validator.
        let gzip = get_with(&mut app, url, &[("accept-encoding", "gzip")]).await;
        assert_eq!(gzip.header("etag").as_deref(), Some(etag.as_str()));
        let other = get_with(&mut app, url, &[("if-none-match", "W/\"0000\"")]).await;
        assert_eq!(other.status, 200, "{url}");
    }
    // A changed page has a new validator: the old one gets the new page.
    let etag = get_with(&mut app, &product, &[])
        .await
        .header("etag")
        .unwrap();
    app.archive_as_owner("owner.delivery@example.test", f.it_shop, f.it_bag)
        .await;
    app.client.cookies.clear();
    let res = get_with(&mut app, &product, &[("if-none-match", &etag)]).await;
    assert_eq!(res.status, 404);
}

#[actix_web::test]
async fn an_anonymous_visit_sets_no_cookie_and_may_be_kept_by_shared_caches() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let product = product_url(&mut app, f.it_bag).await;
    let pages = [
        "/en/".to_string(),
        "/ru/".to_string(),
        "/en/c/leather-goods".to_string(),
        "/en/c/leather-goods?origin=IT&sort=price_asc".to_string(),
        product.clone(),
        "/en/search?q=bag".to_string(),
        "/ru/search?q=сумка".to_string(),
        "/es/origin/tr".to_string(),
        "/en/shop/istanbul-test".to_string(),
        "/en/promos".to_string(),
    ];
    for url in &pages {
        for round in 0..2 {
            app.client.cookies.clear();
            let res = get_with(&mut app, url, &[("accept-encoding", "gzip, deflate, br")]).await;
            assert_eq!(res.status, 200, "{url}");
            assert!(
                res.header("set-cookie").is_none(),
                "{url} (round {round}) set {:?}",
                res.header("set-cookie")
            );
            let cc = res.header("cache-control").unwrap_or_default();
            assert!(
                cc.starts_with("public")
                    && cc.contains("s-maxage=")
                    && cc.contains("stale-while-revalidate="),
                "{url}: {cc}"
            );
            let vary = res.header("vary").unwrap_or_default();
            assert!(
                vary.contains("Cookie") && vary.contains("Accept-Encoding"),
                "{url}: {vary}"
            );
        }
    }
    // The cart and a 404 set no cookie either, and are not for shared caches.
    for url in ["/en/cart", "/en/no-such-page"] {
        app.client.cookies.clear();
        let res = app.client.get(url).await;
        assert!(res.header("set-cookie").is_none(), "{url}");
        assert!(
            !res.header("cache-control")
                .unwrap_or_default()
                .contains("public"),
            "{url}"
        );
    }
    // With a session (a cart), the same stored page is private to the browser and revalidated.
    app.client.cookies.clear();
    let res = app
        .client
        .post_form(
            "/en/cart/add",
            &[
                ("csrf", ""),
                ("product_id", &f.it_bag.to_string()),
                ("quantity", "1"),
                ("return_to", "/en/"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(
        !app.client.cookies.is_empty(),
        "adding to the cart starts the session"
    );
    // (The first page after adding shows a one-time notice: personal, never kept.)
    let res = app.client.get(&product).await;
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("private, no-store")
    );
    let res = app.client.get(&product).await;
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("private, no-cache")
    );
    // Signed in: nothing is kept anywhere.
    app.sign_in_as(
        "olga.cookies@example.test",
        caravan::identity::model::Role::Shopper,
    )
    .await;
    let res = app.client.get(&product).await;
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("private, no-store")
    );
}

/// An add-to-cart post with one header of the test's choosing (and no fetch metadata of the client's).
async fn add_with(app: &mut TestApp, form: &[(&str, &str)], header: (&str, &str)) -> Page {
    let req = TestRequest::post()
        .uri("/en/cart/add")
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .insert_header((header.0.to_string(), header.1.to_string()))
        .set_payload(serde_urlencoded::to_string(form).unwrap());
    app.client.send(req).await
}

#[actix_web::test]
async fn cross_site_posts_are_refused() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let product = product_url(&mut app, f.it_bag).await;
    let add = [
        ("csrf", ""),
        ("product_id", &*f.it_bag.to_string()),
        ("quantity", "1"),
        ("return_to", "/en/"),
    ]
    .map(|(k, v)| (k, v.to_string()));
    let form: Vec<(&str, &str)> = add.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let cart_lines = |page: &Page| page.body.matches("<input id=\"qty-").count();

    // Another site's page posting to our cart: refused, by fetch metadata or by origin.
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "https://evil.example")],
        vec![
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://localhost"),
        ],
    ] {
        app.client.cookies.clear();
        let mut req = TestRequest::post()
            .uri("/ru/cart/add")
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .set_payload(serde_urlencoded::to_string(&form).unwrap());
        for (k, v) in &headers {
            req = req.insert_header((*k, *v));
        }
        let res = app.client.send(req).await;
        assert_eq!(res.status, 403, "{headers:?}");
        res.assert_contains("<html lang=\"ru\">");
        assert!(
            app.client.cookies.is_empty(),
            "{headers:?}: no session started"
        );
    }
    // Even with a valid token, a post the browser marks cross-site is refused.
    let token = app.csrf().await;
    let mut with_token = form.clone();
    with_token[0] = ("csrf", token.as_str());
    let res = add_with(&mut app, &with_token, ("sec-fetch-site", "cross-site")).await;
    assert_eq!(res.status, 403);
    assert_eq!(cart_lines(&app.client.get("/en/cart").await), 0);
    // A client that says nothing needs the token.
    app.client.fetch_site = None;
    let res = app.client.post_form("/en/cart/add", &form).await;
    assert_eq!(res.status, 403);
    let res = app.client.post_form("/en/cart/add", &with_token).await;
    assert_eq!(res.status, 303, "{}", res.body);
    // Our own page, by fetch metadata or by origin: accepted without a token.
    app.client.fetch_site = Some("same-origin");
    let res = app.client.post_form("/en/cart/add", &form).await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.client.fetch_site = None;
    let res = add_with(&mut app, &form, ("origin", "http://localhost")).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let cart = app.client.get("/en/cart").await;
    assert_eq!(cart_lines(&cart), 1, "one line");
    cart.assert_contains(&format!("id=\"qty-{}\" name=\"quantity\"", f.it_bag));
    assert!(cart.body.contains("value=\"3\" inputmode"), "three units");
    let _ = product;
}

/// One response read off a kept-alive connection: status, headers (lower-case names), body length.
fn read_response(
    stream: &mut std::io::BufReader<std::net::TcpStream>,
) -> (u16, Vec<(String, String)>, usize) {
    use std::io::BufRead as _;
    let mut line = String::new();
    stream.read_line(&mut line).expect("status line");
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        stream.read_line(&mut h).expect("header");
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .map(|(_, v)| v.parse().expect("length"))
        .unwrap_or_else(|| panic!("no Content-Length: {headers:?}"));
    let mut body = vec![0u8; length];
    std::io::Read::read_exact(stream, &mut body).expect("body");
    (status, headers, length)
}

/// On one kept-alive connection, as a browser keeps it, every answer (a stored page, a page rendered for a
/// signed-in shopper, the CSS) comes in one piece with its length, compressed, and the connection stays open.
/// (The 40 ms stall of issue #18 came from chunked, streamed compression meeting Nagle's algorithm; the time per
/// request is printed here and measured by `benches/load.sh` with wrk -c1, not asserted.)
#[test]
fn a_kept_alive_connection_gets_whole_compressed_answers() {
    use std::io::Write as _;
    let db = crate::support::TestDb::new();
    let f = builders::standard(&mut db.conn());
    crate::faults::merchant_owning(&db, "owner@keepalive.example", f.it_shop);
    let port = crate::support::server::free_port();
    let _server = crate::support::server::start(&db, port, &"k".repeat(80));
    let mut owner = crate::support::server::Browser::default();
    owner.sign_in(
        port,
        "owner@keepalive.example",
        crate::support::TEST_PASSWORD,
    );
    let cookie = owner
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = std::io::BufReader::new(stream);
    for (what, path, cookie) in [
        ("stored page", "/en/c/leather-goods", ""),
        ("signed-in page", "/en/c/leather-goods", cookie.as_str()),
        ("css", "/static/css/app.css", ""),
    ] {
        let mut times = Vec::new();
        for _ in 0..6 {
            let started = std::time::Instant::now();
            let mut req = format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n"
            );
            if !cookie.is_empty() {
                req.push_str(&format!("Cookie: {cookie}\r\n"));
            }
            req.push_str("\r\n");
            writer.write_all(req.as_bytes()).unwrap();
            let (status, headers, length) = read_response(&mut reader);
            times.push(started.elapsed());
            assert_eq!(status, 200, "{what}");
            let header = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            };
            assert_eq!(header("transfer-encoding"), None, "{what}: not chunked");
            assert!(
                matches!(header("content-encoding"), Some("br" | "gzip")),
                "{what}: {headers:?}"
            );
            assert_ne!(header("connection"), Some("close"), "{what}");
            assert!(length > 0);
        }
        eprintln!("{what} on one kept-alive connection: {times:?}");
    }
}

/// `HEAD` is answered wherever `GET` is, with the same status and headers and no body (uptime probes, link
/// checkers and crawlers use it); through a real server, where the HTTP layer leaves the body out.
#[test]
fn head_answers_like_get_without_a_body() {
    use crate::support::server::{free_port, send, start};
    let db = crate::support::TestDb::new();
    let f = builders::standard(&mut db.conn());
    let port = free_port();
    let server = start(&db, port, &"h".repeat(80));
    let none = std::collections::BTreeMap::new();
    let product = send(
        port,
        "GET",
        &format!("/en/p/{}-x", f.it_bag),
        &none,
        None,
        b"",
    );
    let product = product
        .header("location")
        .expect("canonical URL")
        .to_string();
    for path in [
        "/ru/",
        "/healthz",
        "/robots.txt",
        "/sitemap.xml",
        "/en/c/leather-goods",
        product.as_str(),
        "/en/search?q=bag",
        "/static/css/app.css",
        "/en/p/999999-missing",
        "/tr/info/legal",
        "/es/info/cookies",
    ] {
        // The first answer may render what later ones take from the page cache.
        send(port, "GET", path, &none, None, b"");
        let get = send(port, "GET", path, &none, None, b"");
        let head = send(port, "HEAD", path, &none, None, b"");
        assert_eq!(head.status, get.status, "{path}");
        assert!(head.body.is_empty(), "{path}: {}", head.body);
        for name in ["content-type", "content-length", "etag", "cache-control"] {
            assert_eq!(head.header(name), get.header(name), "{path}: {name}");
        }
        if get.status == 200 {
            let length: usize = head.header("content-length").unwrap().parse().unwrap();
            assert_eq!(length, get.body.len(), "{path}");
        }
    }
    // A state-changing route is not reachable by HEAD.
    let head = send(port, "HEAD", "/en/cart/add", &none, None, b"");
    assert_ne!(head.status, 200);
    // A fresh data directory (no media yet) starts without complaint.
    let log = std::fs::read_to_string(server.1.as_ref().expect("log")).unwrap_or_default();
    assert!(!log.contains("not a directory"), "{log}");
}
