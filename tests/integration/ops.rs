use crate::support::TestApp;

#[actix_web::test]
async fn healthz_robots_sitemap() {
    let mut app = TestApp::new().await;
    let f = crate::support::builders::standard(&mut app.db.conn());
    let res = app.client.get("/healthz").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.body, "ok");
    let res = app.client.get("/robots.txt").await;
    assert_eq!(res.status, 200);
    res.assert_contains("Sitemap: http://localhost/sitemap.xml");
    res.assert_contains("Disallow: /ru/checkout");
    let res = app.client.get("/sitemap.xml").await;
    assert_eq!(res.status, 200);
    for l in ["en", "ru", "tr", "it", "es"] {
        res.assert_contains(&format!("<loc>http://localhost/{l}/</loc>"));
        res.assert_contains(&format!("<loc>http://localhost/{l}/origin/it</loc>"));
    }
    res.assert_contains(&format!(
        "<loc>http://localhost/it/p/{}-borsa-in-pelle-fiorentina</loc>",
        f.it_bag
    ));
    res.assert_contains("<loc>http://localhost/tr/c/deri-cantalar</loc>");
}

#[actix_web::test]
async fn security_headers_on_every_response() {
    let mut app = TestApp::new().await;
    for path in ["/en/", "/nope", "/healthz"] {
        let res = app.client.get(path).await;
        let csp = res.header("content-security-policy").expect("csp");
        assert!(
            csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline")
                && csp.contains("frame-ancestors 'none'")
        );
        assert_eq!(
            res.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert!(res.header("referrer-policy").is_some());
        assert!(res.header("permissions-policy").is_some());
    }
}

#[actix_web::test]
async fn static_assets_are_fingerprinted_and_revalidate() {
    let mut app = TestApp::new().await;
    crate::support::builders::standard(&mut app.db.conn());
    let home = app.client.get("/en/").await;
    let start = home.body.find("/static/css/app.css?v=").expect("css link");
    let end = home.body[start..].find('"').expect("end") + start;
    let url = home.body[start..end].to_string();
    let res = app.client.get(&url).await;
    assert_eq!(res.status, 200);
    assert!(res
        .header("cache-control")
        .unwrap_or_default()
        .contains("immutable"));
    let etag = res.header("etag").expect("etag");
    let res = app
        .client
        .send(
            actix_web::test::TestRequest::get()
                .uri(&url)
                .insert_header(("if-none-match", etag)),
        )
        .await;
    assert_eq!(res.status, 304);
    assert_eq!(app.client.get("/static/nope.css").await.status, 404);
}

#[actix_web::test]
async fn html_is_compressed_when_asked() {
    let mut app = TestApp::new().await;
    crate::support::builders::standard(&mut app.db.conn());
    let res = app
        .client
        .send(
            actix_web::test::TestRequest::get()
                .uri("/en/")
                .insert_header(("accept-encoding", "gzip")),
        )
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-encoding").as_deref(), Some("gzip"));
}

#[actix_web::test]
async fn malformed_requests_never_500() {
    let mut app = TestApp::new().await;
    crate::support::builders::standard(&mut app.db.conn());
    for path in [
        "/en/p/abc",
        "/en/p/99999999999999999999-x",
        "/en/p/-5",
        "/en/c/%FF%FE",
        "/en/search?q=%00%01",
        "/en/search?q=&page=-1&sort=%27%3B--",
        "/en/c/leather-goods?price_min=1e99&price_max=--&origin=ZZ&page=abc",
        "/en/origin/zz",
        "/en/origin/IT",
        "/en/shop/%2e%2e",
        "/static/../Cargo.toml",
        "/media/../../etc/passwd",
    ] {
        let res = app.client.get(path).await;
        assert!(res.status.as_u16() < 500, "{path} gave {}", res.status);
        assert!(
            !res.body.contains("diesel") && !res.body.contains("panicked"),
            "{path} leaked internals"
        );
    }
    // Market POST without a CSRF token from a client that does not say where it comes from: localized 403.
    app.client.fetch_site = None;
    let res = app
        .client
        .post_form("/ru/market", &[("ship_to", "KZ"), ("currency", "KZT")])
        .await;
    assert_eq!(res.status, 403);
    res.assert_contains("<html lang=\"ru\">");
}

#[actix_web::test]
async fn a_database_failure_is_a_localized_500_without_internals() {
    use diesel::connection::SimpleConnection;
    let mut app = TestApp::new().await;
    crate::support::builders::standard(&mut app.db.conn());
    // Break the schema under the running app.
    app.db
        .conn()
        .batch_execute("DROP TABLE search_terms")
        .expect("drop");
    let res = app.client.get("/ru/search?q=сумка").await;
    assert_eq!(res.status, 500);
    res.assert_contains("<html lang=\"ru\">");
    let i18n = caravan::i18n::I18n::load().expect("i18n");
    res.assert_contains(
        &i18n
            .messages
            .format(caravan::i18n::Locale::Ru, "error-internal", None),
    );
    for leak in [
        "search_terms",
        "diesel",
        "no such table",
        "does not exist",
        "SELECT",
    ] {
        res.assert_not_contains(leak);
    }
}

#[actix_web::test]
async fn every_response_carries_a_request_id_and_metrics_count_routes() {
    use actix_web::test::TestRequest;
    let mut app = crate::support::TestApp::new().await;
    let home = app.client.get("/en/").await;
    let id = home.header("x-request-id").expect("request id");
    assert_eq!(id.len(), 24);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    let again = app.client.get("/en/").await.header("x-request-id").unwrap();
    assert_ne!(id, again, "a new id per request");
    // A sane id from the proxy is kept; anything else is replaced.
    let kept = app
        .client
        .send(
            TestRequest::get()
                .uri("/healthz")
                .insert_header(("x-request-id", "lb-7f3a.2")),
        )
        .await;
    assert_eq!(kept.header("x-request-id").as_deref(), Some("lb-7f3a.2"));
    let replaced = app
        .client
        .send(
            TestRequest::get()
                .uri("/healthz")
                .insert_header(("x-request-id", "<script>x</script>")),
        )
        .await;
    assert_ne!(
        replaced.header("x-request-id").as_deref(),
        Some("<script>x</script>")
    );
    assert_eq!(app.client.get("/en/p/999999-none").await.status, 404);
    let m = app.client.get("/metrics").await;
    assert_eq!(m.status, 200);
    assert!(m.header("content-type").unwrap().starts_with("text/plain"));
    m.assert_contains("caravan_http_requests_total{");
    m.assert_contains("route=\"/{lang}/\"");
    m.assert_contains("status=\"404\"");
    m.assert_contains("caravan_http_request_duration_seconds_bucket{");
    m.assert_contains("caravan_db_pool_connections");
    m.assert_contains("caravan_orders_placed_total 0");
    // Not for the outside world.
    app.client.peer = "203.0.113.9:5000".into();
    assert_eq!(app.client.get("/metrics").await.status, 404);
}
