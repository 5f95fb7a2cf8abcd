//! Campaign analytics: Black Friday's orders from Germany and Spain and its promo page views show by market in
//! a table and an accessible SVG chart, in a chosen reporting currency, and download as CSV; views are counted
//! on cached pages too; the marketplace and a shop see their own 30-day sales.

use caravan::identity::model::Role;
use time::macros::datetime;

use crate::audience::{ship_to, two_campaigns};
use crate::delivery::product_url;
use crate::support::builders;
use crate::support::TestApp;

#[actix_web::test]
async fn black_fridays_orders_show_by_market_with_a_chart_and_a_table() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    two_campaigns(&app, &f);
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 5));
    let at = datetime!(2026-11-27 10:00);
    app.clock.set(at);
    // Three views of the promo page from Germany (the second and third from the page cache), one from Spain.
    ship_to(&mut app, "en", "DE", "EUR").await;
    for _ in 0..3 {
        assert_eq!(app.client.get("/en/promo/black-friday").await.status, 200);
    }
    ship_to(&mut app, "en", "ES", "EUR").await;
    assert_eq!(app.client.get("/en/promo/black-friday").await.status, 200);
    let flushed = app.views.flush(&mut app.db.conn()).unwrap();
    assert_eq!(flushed, 2);
    // A German and a Spanish shopper buy the bag at −30 % (189.00 → 132.30 EUR with Italy's 22% VAT: 129.05 with
    // Germany's 19%, 131.22 with Spain's 21%).
    for (email, market, postal) in [
        ("hans@example.de", "DE", "10115"),
        ("lola@example.es", "ES", "28001"),
    ] {
        app.client.cookies.clear();
        app.sign_in_as(email, Role::Shopper).await;
        ship_to(&mut app, "en", market, "EUR").await;
        crate::orders::add(&mut app, "en", f.it_bag, "1").await;
        let res = crate::orders::address(&mut app, "en", market, postal).await;
        assert_eq!(res.status, 303, "{}", res.body);
        let (res, _) = crate::orders::place(&mut app, "en", "bank_transfer").await;
        assert_eq!(res.status, 303, "{}", res.body);
    }
    app.client.cookies.clear();
    app.sign_in_as("marketing@example.com", Role::Staff).await;
    let id: i64 = {
        use caravan::db::schema::promos;
        use diesel::prelude::*;
        promos::table
            .filter(promos::name.eq("Black Friday"))
            .select(promos::id)
            .first(&mut app.db.conn())
            .unwrap()
    };
    let page = app
        .client
        .get(&format!("/en/staff/promos/{id}/analytics"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Analytics: Black Friday");
    // Views 4, orders 2, revenue 260.27 EUR; half the views from Germany.
    page.assert_contains("€260.27");
    page.assert_contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\"");
    page.assert_contains("<title id=\"chart-title\">Revenue per day</title>");
    page.assert_contains("By market (where the orders ship to)");
    let market_table = page.body.split("id=\"t-market\"").nth(1).unwrap();
    let market_table = market_table.split("</table>").next().unwrap();
    assert!(market_table.contains("Germany"), "{market_table}");
    assert!(market_table.contains("Spain"), "{market_table}");
    assert!(market_table.contains("€129.05"), "{market_table}");
    assert!(market_table.contains("€131.22"), "{market_table}");
    // The same figures in roubles, and as CSV.
    let rub = app
        .client
        .get(&format!("/en/staff/promos/{id}/analytics?currency=RUB"))
        .await;
    assert_eq!(rub.status, 200);
    rub.assert_contains("RUB");
    let csv = app
        .client
        .get(&format!(
            "/en/staff/promos/{id}/analytics.csv?currency=EUR&table=market"
        ))
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body
            .starts_with("key,label,orders,units,revenue,currency,views"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("DE,Germany,1,1,129.05,EUR,3"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("ES,Spain,1,1,131.22,EUR,1"),
        "{}",
        csv.body
    );
    assert_eq!(
        app.client
            .get(&format!("/en/staff/promos/{id}/analytics.csv?table=nope"))
            .await
            .status,
        404
    );
    // The marketplace over 30 days, and the shop's own page (no other shop's figures).
    let all = app.client.get("/en/staff/analytics?days=30").await;
    assert_eq!(all.status, 200);
    all.assert_contains("€260.27");
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let mine = app.client.get("/en/merchant/analytics").await;
    assert_eq!(mine.status, 200);
    mine.assert_contains("Your sales");
    mine.assert_contains("€260.27");
    mine.assert_not_contains("By shop");
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@istanbul.tr", f.tr_shop).await;
    app.client
        .get("/en/merchant/analytics")
        .await
        .assert_not_contains("264");
    // Shoppers and merchants cannot read a campaign's analytics.
    assert_eq!(
        app.client
            .get(&format!("/en/staff/promos/{id}/analytics"))
            .await
            .status,
        403
    );
}

#[actix_web::test]
async fn a_shops_dashboard_shows_product_page_views_to_orders() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.tr_shop, "*", 1_000, (2, 5));
    let (bag, bowl) = (
        product_url(&mut app, f.tr_bag).await,
        product_url(&mut app, f.iznik_bowl).await,
    );
    // The tote is seen three times from Germany (twice from the page cache) and once from Spain; the bowl twice.
    ship_to(&mut app, "en", "DE", "EUR").await;
    for _ in 0..3 {
        assert_eq!(app.client.get(&bag).await.status, 200);
    }
    for _ in 0..2 {
        assert_eq!(app.client.get(&bowl).await.status, 200);
    }
    ship_to(&mut app, "en", "ES", "EUR").await;
    assert_eq!(app.client.get(&bag).await.status, 200);
    // Redirects and missing products are not views.
    assert_eq!(
        app.client
            .get(&format!("/en/p/{}-x", f.tr_bag))
            .await
            .status,
        301
    );
    assert_eq!(app.client.get("/en/p/999999-x").await.status, 404);
    assert_eq!(app.views.flush(&mut app.db.conn()).unwrap(), 3);
    // One German shopper buys the tote.
    app.client.cookies.clear();
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    crate::orders::add(&mut app, "en", f.tr_bag, "1").await;
    let res = crate::orders::address(&mut app, "en", "DE", "10115").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = crate::orders::place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@istanbul.tr", f.tr_shop).await;
    let mine = app.client.get("/en/merchant/analytics").await;
    assert_eq!(mine.status, 200, "{}", mine.body);
    mine.assert_contains("Product page views");
    // 6 views, 1 order: 16.66 %; the tote 1 of 4 (25 %), the bowl, never sold, 0 of 2 under its shop's title.
    mine.assert_contains("16.66 %");
    let products = mine.body.split("id=\"t-product\"").nth(1).unwrap();
    let products = products.split("</table>").next().unwrap();
    let rows: Vec<&str> = products.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 2, "{products}");
    assert!(rows[0].contains("Istanbul leather tote"), "{}", rows[0]);
    assert!(
        rows[0].contains("<td>4</td><td>25.00 %</td>"),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains("İznik çini kase"), "{}", rows[1]);
    assert!(rows[1].contains("<td>2</td><td>0.00 %</td>"), "{}", rows[1]);
    let csv = app
        .client
        .get("/en/merchant/analytics.csv?table=product")
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body
            .contains(&format!("{},İznik çini kase,0,0,0.00,TRY,2", f.iznik_bowl)),
        "{}",
        csv.body
    );
    // Another shop sees none of it.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let other = app.client.get("/en/merchant/analytics").await;
    other.assert_not_contains("İznik");
    other.assert_not_contains("Istanbul leather tote");
}
