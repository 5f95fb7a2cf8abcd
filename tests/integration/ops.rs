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

/// Counts `<url>` entries and collects their `<loc>`s.
fn locs(xml: &str) -> Vec<String> {
    xml.match_indices("<url><loc>")
        .map(|(i, m)| {
            let rest = &xml[i + m.len()..];
            rest[..rest.find("</loc>").unwrap()].to_string()
        })
        .collect()
}

/// The sitemap is one file up to 50,000 URLs and an index beyond; every product is in it in all five languages,
/// each URL with its hreflang alternates, and the URLs it lists answer 200.
#[actix_web::test]
async fn the_sitemap_becomes_an_index_past_50000_urls() {
    use caravan::catalogue::sitemap::{MAX_URLS, PRODUCTS_PER_CHILD};
    let mut app = TestApp::new().await;
    caravan::seed::seed_demo(
        &mut app.db.conn(),
        &app.db.dir.path().join("media"),
        &app.db.passwords(),
    )
    .expect("demo");
    let one = app.client.get("/sitemap.xml").await;
    assert_eq!(one.status, 200);
    assert!(one.body.contains("<urlset"), "one file");
    let urls = locs(&one.body).len() as i64;
    assert_eq!(urls % 5, 0, "every page in five languages");
    // Every <url> lists the five languages and x-default.
    assert_eq!(
        one.body.matches("<xhtml:link rel=\"alternate\"").count() as i64,
        urls * 6
    );
    assert!(one.body.contains("hreflang=\"x-default\""));

    // Up to exactly 50,000 URLs: still one file.
    let fill = ((MAX_URLS - urls) / 5) as usize;
    caravan::seed::seed_synthetic(&mut app.db.conn(), fill, false).expect("synthetic");
    let full = app.client.get("/sitemap.xml").await;
    assert!(full.body.contains("<urlset"));
    assert_eq!(locs(&full.body).len() as i64, MAX_URLS);

    // One product more: an index of files of at most 50,000 URLs each, together holding every URL once.
    caravan::seed::seed_synthetic(&mut app.db.conn(), 1, false).expect("synthetic");
    let index = app.client.get("/sitemap.xml").await;
    assert!(
        index.body.contains("<sitemapindex"),
        "{}",
        &index.body[..200]
    );
    let children: Vec<String> = index
        .body
        .match_indices("<sitemap><loc>http://localhost")
        .map(|(i, m)| {
            let rest = &index.body[i + m.len()..];
            rest[..rest.find("</loc>").unwrap()].to_string()
        })
        .collect();
    assert!(children.contains(&"/sitemap-pages.xml".to_string()));
    let mut all = Vec::new();
    for child in &children {
        let res = app.client.get(child).await;
        assert_eq!(res.status, 200, "{child}");
        let l = locs(&res.body);
        assert!(
            l.len() as i64 <= MAX_URLS && l.len() as i64 <= PRODUCTS_PER_CHILD * 5,
            "{child}"
        );
        all.extend(l);
    }
    assert_eq!(all.len() as i64, MAX_URLS + 5);
    let distinct: std::collections::BTreeSet<&String> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "no URL twice");
    // A file the index does not list is a 404; listed URLs answer 200 (a sample across the files).
    assert_eq!(
        app.client.get("/sitemap-products-999999.xml").await.status,
        404
    );
    for url in all.iter().step_by(all.len() / 40) {
        let path = url.strip_prefix("http://localhost").unwrap();
        let res = app.client.get(path).await;
        assert_eq!(res.status, 200, "{path}");
    }
}
