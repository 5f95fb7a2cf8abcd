//! Wishlists: a guest saves products with a POST form (no script), the list follows them into their account at
//! sign-in, shows today's price in the shopper's currency and stock, marks a price that dropped since, and
//! items come off it; bad input gets a clear answer.

use caravan::identity::model::Role;

use crate::delivery::product_url;
use crate::support::builders;
use crate::support::TestApp;

async fn save(app: &mut TestApp, product: &str, back: &str) -> crate::support::client::Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            "/en/wishlist/add",
            &[
                ("csrf", &csrf),
                ("product_id", product),
                ("return_to", back),
            ],
        )
        .await
}

#[actix_web::test]
async fn a_guests_wishlist_follows_them_into_their_account_and_marks_a_price_drop() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let url = product_url(&mut app, f.it_bag).await;
    // A first-time guest on a product page from the page cache: its form carries no token, and the browser
    // says the post comes from our own page (the test client's default).
    app.client.get(&url).await;
    let page = app.client.get(&url).await;
    page.assert_contains("/en/wishlist/add");
    let token = page.input_value("csrf").unwrap_or_default();
    assert!(token.is_empty(), "a cached page carries no token");
    let res = app
        .client
        .post_form(
            "/en/wishlist/add",
            &[
                ("csrf", &token),
                ("product_id", &f.it_bag.to_string()),
                ("return_to", &url),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(res.location().as_deref(), Some(url.as_str()));
    app.client
        .get(&url)
        .await
        .assert_contains("Saved to your wishlist.");
    save(&mut app, &f.it_bag.to_string(), &url).await;
    app.client
        .get(&url)
        .await
        .assert_contains("This product is already in your wishlist.");
    save(&mut app, &f.tr_bag.to_string(), "https://evil.example/").await;
    // A product that does not exist, and a form without its token.
    assert_eq!(save(&mut app, "999999", "/en/").await.status, 404);
    app.client.fetch_site = Some("cross-site");
    let res = app
        .client
        .post_form("/en/wishlist/add", &[("product_id", "1")])
        .await;
    assert_eq!(res.status, 403);
    app.client.fetch_site = Some("same-origin");
    // The shop lowers its price after the bag was saved: the list says so (in the shopper's currency).
    builders::set_price(&mut app.db.conn(), f.it_bag, 15_000);
    app.cache.clear();
    let list = app.client.get("/en/wishlist").await;
    assert_eq!(list.status, 200);
    list.assert_contains("2 saved products");
    assert_eq!(
        list.body.matches("Price dropped").count(),
        1,
        "{}",
        list.body
    );
    list.assert_contains("Florentine leather bag");
    list.assert_contains("Istanbul leather tote");
    list.assert_contains("Sign in to keep your list on every device");
    // Signing in joins the guest's list to the account's.
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    let list = app.client.get("/en/wishlist").await;
    list.assert_contains("2 saved products");
    list.assert_contains("Price dropped");
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/wishlist/remove",
            &[("csrf", &csrf), ("product_id", &f.it_bag.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    let list = app.client.get("/en/wishlist").await;
    list.assert_contains("1 saved product");
    list.assert_contains("Removed from your wishlist.");
    list.assert_not_contains("Florentine leather bag");
    // Another account's list is its own.
    app.client.cookies.clear();
    app.sign_in_as("lola@example.es", Role::Shopper).await;
    app.client
        .get("/en/wishlist")
        .await
        .assert_contains("Nothing saved yet.");
}

#[actix_web::test]
async fn a_campaign_price_is_not_a_drop_and_products_off_sale_wait_on_the_list() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    crate::audience::early_rates(&app);
    crate::promos::promo(
        &app,
        "Made in Italy",
        20,
        caravan::campaigns::model::Targets {
            origins: vec!["IT".into()],
            ..Default::default()
        },
        &[(
            caravan::i18n::Locale::En,
            "made-in-italy",
            "Made in Italy week",
        )],
        true,
    );
    app.clock
        .set(crate::promos::START + time::Duration::hours(1));
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    // Saved during the campaign at €151.20 with Italy's VAT, net of it for the US: €123.93 ($143.76); the list
    // keeps that price, not the €154.92 it is struck from.
    save(&mut app, &f.it_bag.to_string(), "/en/").await;
    save(&mut app, &f.tr_bag.to_string(), "/en/").await;
    let list = app.client.get("/en/wishlist").await;
    list.assert_contains("$143.76");
    list.assert_not_contains("Price dropped");
    // The script on cached pages asks which products are saved: never stored by a cache.
    let ids = app.client.get("/en/wishlist/saved").await;
    assert_eq!(ids.status, 200);
    assert_eq!(
        ids.header("cache-control").as_deref(),
        Some("private, no-store")
    );
    let mut saved: Vec<i64> = serde_json::from_str(&ids.body).expect("JSON ids");
    saved.sort_unstable();
    let mut want = vec![f.it_bag, f.tr_bag];
    want.sort_unstable();
    assert_eq!(saved, want);
    // The campaign is over: €154.92 ($179.71) again, which is no drop either.
    app.clock
        .set(crate::promos::START + time::Duration::days(3));
    let list = app.client.get("/en/wishlist").await;
    list.assert_contains("$179.71");
    list.assert_not_contains("Price dropped");
    // The Turkish shop takes its tote off sale: it waits on the list, said so, and comes back when listed.
    {
        use caravan::db::schema::products;
        use diesel::prelude::*;
        diesel::update(products::table.find(f.tr_bag))
            .set(products::listed.eq(false))
            .execute(&mut app.db.conn())
            .unwrap();
    }
    app.cache.clear();
    let list = app.client.get("/en/wishlist").await;
    list.assert_contains("1 saved product<");
    list.assert_contains("1 saved product is not on sale right now");
    list.assert_not_contains("Istanbul leather tote");
    // Removing from a product page's button (a cached page: no token, same origin) comes back to that page.
    let url = product_url(&mut app, f.it_bag).await;
    let res = app
        .client
        .post_form(
            "/en/wishlist/remove",
            &[("product_id", &f.it_bag.to_string()), ("return_to", &url)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(res.location().as_deref(), Some(url.as_str()));
    let ids = app.client.get("/en/wishlist/saved").await;
    assert_eq!(ids.body, format!("[{}]", f.tr_bag));
}
