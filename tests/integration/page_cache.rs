//! The whole-page cache for visitors who are not signed in: shared pages, never a shared token, never a
//! personal page, and catalogue writes through the app seen at once.

use crate::support::builders;
use crate::support::TestApp;

/// Every CSRF field of a stored page is empty: nothing personal is kept.
fn no_token(page: &crate::support::client::Page) {
    let tokens: Vec<String> = page
        .body
        .match_indices("name=\"csrf\" value=\"")
        .map(|(i, m)| {
            let rest = &page.body[i + m.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_string()
        })
        .collect();
    assert!(!tokens.is_empty(), "no csrf field");
    assert!(tokens.iter().all(String::is_empty), "{tokens:?}");
}

fn set_price(app: &TestApp, id: i64, minor: i64) {
    builders::set_price(&mut app.db.conn(), id, minor);
}

#[actix_web::test]
async fn visitors_share_a_stored_page_that_carries_nothing_personal() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let url = format!("/en/p/{}-x", f.it_bag);
    let first = app.client.get(&url).await;
    assert_eq!(first.status, 301);
    let url = first.location().unwrap();

    let a = app.client.get(&url).await;
    assert_eq!(a.status, 200);
    no_token(&a);

    // A change that bypasses the app (another instance, say) is not seen while the page is stored …
    set_price(&app, f.it_bag, 1);
    app.client.cookies.clear();
    let b = app.client.get(&url).await;
    assert_eq!(b.body, a.body, "the second visitor gets the stored page");

    // … and its add-to-cart form works from our own page without a token: the cart takes the product.
    let res = app
        .client
        .post_form(
            "/en/cart/add",
            &[
                ("csrf", ""),
                ("product_id", &f.it_bag.to_string()),
                ("quantity", "1"),
                ("return_to", &url),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    // A cart of one is another page (the header counts it), rendered afresh with the new price, still without
    // a token in the forms a shared page holds.
    let c = app.client.get(&url).await;
    assert_ne!(c.body, a.body);
    // That page shows the one-time "added" notice, so it is personal and not stored; the next one is.
    c.assert_contains("name=\"csrf\" value=\"");
    let d = app.client.get(&url).await;
    no_token(&d);
    assert_eq!(app.client.get(&url).await.body, d.body);
}

#[actix_web::test]
async fn a_signed_in_page_is_never_stored_or_served_to_others() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    app.sign_in_as(
        "olga.personal@example.test",
        caravan::identity::model::Role::Shopper,
    )
    .await;
    let mine = app.client.get("/en/").await;
    mine.assert_contains("class=\"sign-out\"");
    app.client.cookies.clear();
    let theirs = app.client.get("/en/").await;
    assert_eq!(theirs.status, 200);
    theirs.assert_not_contains("class=\"sign-out\"");
    // And the anonymous page now stored is not what a signed-in visitor gets.
    app.sign_in_as(
        "ivan.personal@example.test",
        caravan::identity::model::Role::Shopper,
    )
    .await;
    app.client
        .get("/en/")
        .await
        .assert_contains("class=\"sign-out\"");
}

#[actix_web::test]
async fn a_write_through_the_app_is_seen_at_once() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let url = app
        .client
        .get(&format!("/en/p/{}-x", f.it_bag))
        .await
        .location()
        .unwrap();
    assert_eq!(app.client.get(&url).await.status, 200);
    // The owner archives the product through the merchant area …
    app.archive_as_owner("owner.cache@example.test", f.it_shop, f.it_bag)
        .await;
    // … and an anonymous visitor no longer gets the stored page.
    app.client.cookies.clear();
    assert_eq!(app.client.get(&url).await.status, 404);
}
