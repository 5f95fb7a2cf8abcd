use caravan::db::schema::{merchants, users};
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::support::builders;
use crate::support::TestApp;

async fn apply(
    app: &mut TestApp,
    lang: &str,
    country: &str,
    tax: &str,
) -> crate::support::client::Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            &format!("/{lang}/merchant/apply"),
            &[
                ("csrf", &csrf),
                ("shop_name", "Bottega Nuova"),
                ("legal_name", "Bottega Nuova S.r.l."),
                ("country", country),
                ("city", "Firenze"),
                ("address", "Via de' Tornabuoni 7, 50123"),
                ("contact", "info@bottega.example"),
                ("tax_id", tax),
                ("description", "Borse fatte a mano a Firenze."),
                ("description_lang", "it"),
            ],
        )
        .await
}

fn shop(app: &TestApp, slug: &str) -> (i64, String) {
    merchants::table
        .filter(merchants::slug.eq(slug))
        .select((merchants::id, merchants::status))
        .first(&mut app.db.conn())
        .expect("shop")
}

async fn decide(
    app: &mut TestApp,
    id: i64,
    decision: &str,
    reason: &str,
) -> crate::support::client::Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            &format!("/en/staff/merchants/{id}/decision"),
            &[("csrf", &csrf), ("decision", decision), ("reason", reason)],
        )
        .await
}

#[actix_web::test]
async fn application_approval_makes_a_visible_shop_and_a_merchant() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    assert_eq!(
        app.client.get("/en/merchant/apply").await.status,
        303,
        "sign in first"
    );
    app.sign_in_as("maker@example.it", Role::Shopper).await;
    let form = app.client.get("/it/merchant/apply").await;
    assert_eq!(form.status, 200);
    form.assert_contains("Partita IVA");
    let res = apply(&mut app, "it", "IT", "IT 012 345 678 97").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = app.client.get("/en/merchant/apply").await;
    page.assert_contains("waiting for review");
    let (id, status) = shop(&app, "bottega-nuova");
    assert_eq!(status, "pending");
    assert_eq!(
        app.client.get("/en/shop/bottega-nuova").await.status,
        404,
        "pending shops are not public"
    );
    // Staff review.
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let queue = app.client.get("/en/staff/merchants?status=pending").await;
    queue.assert_contains("Bottega Nuova S.r.l.");
    queue.assert_contains("01234567897");
    queue.assert_not_contains("Bottega Test");
    let res = decide(&mut app, id, "approve", "").await;
    assert_eq!(res.status, 303);
    assert_eq!(shop(&app, "bottega-nuova").1, "approved");
    let role: String = users::table
        .filter(users::email_norm.eq("maker@example.it"))
        .select(users::role)
        .first(&mut app.db.conn())
        .expect("role");
    assert_eq!(role, "merchant");
    assert_eq!(app.client.get("/en/shop/bottega-nuova").await.status, 200);
    // Illegal transitions are refused clearly.
    let res = decide(&mut app, id, "approve", "").await;
    assert_eq!(res.status, 422);
    res.assert_contains("not possible for a shop with this status");
    app.client
        .get("/en/staff/audit")
        .await
        .assert_contains("merchant.approve");
}

#[actix_web::test]
async fn other_countries_get_a_polite_explanation_and_tax_ids_are_checked() {
    let mut app = TestApp::new().await;
    app.sign_in_as("someone@example.de", Role::Shopper).await;
    for country in ["other", "DE"] {
        let res = apply(&mut app, "en", country, "DE123456789").await;
        assert_eq!(res.status, 422, "{country}");
        res.assert_contains("We cannot open shops from this country yet");
        res.assert_contains("value=\"Bottega Nuova\"");
    }
    for (country, bad) in [
        ("RU", "7707083894"),
        ("TR", "1234567891"),
        ("IT", "01234567890"),
        ("ES", "12345678A"),
    ] {
        let res = apply(&mut app, "en", country, bad).await;
        assert_eq!(res.status, 422, "{country}");
        res.assert_contains("aria-describedby=\"f-tax-id-error");
    }
    assert_eq!(apply(&mut app, "ru", "RU", "7707083893").await.status, 303);
    // One application per account: while it is pending the form is not offered and a direct POST is refused.
    app.client
        .get("/en/merchant/apply")
        .await
        .assert_not_contains("name=\"shop_name\"");
    let res = apply(&mut app, "en", "ES", "B12345674").await;
    assert_eq!(res.status, 422);
    res.assert_contains("You have already applied for a shop.");
}

#[actix_web::test]
async fn rejection_needs_a_reason_the_applicant_sees_and_can_reapply() {
    let mut app = TestApp::new().await;
    app.sign_in_as("maker@example.es", Role::Shopper).await;
    assert_eq!(apply(&mut app, "es", "ES", "B12345674").await.status, 303);
    let (id, _) = shop(&app, "bottega-nuova");
    let applicant = app.client.cookies.clone();
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let res = decide(&mut app, id, "reject", "  ").await;
    assert_eq!(res.status, 422);
    res.assert_contains("Please give a reason");
    assert_eq!(
        decide(
            &mut app,
            id,
            "reject",
            "The tax number does not match the legal name."
        )
        .await
        .status,
        303
    );
    app.client.cookies = applicant;
    let page = app.client.get("/en/merchant/apply").await;
    page.assert_contains("not approved");
    page.assert_contains("The tax number does not match the legal name.");
    page.assert_contains("name=\"shop_name\"");
    assert_eq!(apply(&mut app, "es", "ES", "12345678Z").await.status, 303);
    assert_eq!(shop(&app, "bottega-nuova").1, "pending");
}

#[actix_web::test]
async fn suspending_a_shop_hides_its_products_at_once() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let product = format!("/en/p/{}-florentine-leather-bag", f.it_bag);
    assert_eq!(app.client.get(&product).await.status, 200);
    app.client
        .get("/en/search?q=florentine")
        .await
        .assert_contains("Florentine leather bag");
    app.sign_in_as("boss@example.com", Role::Staff).await;
    assert_eq!(
        decide(
            &mut app,
            f.it_shop,
            "suspend",
            "Counterfeit report under review"
        )
        .await
        .status,
        303
    );
    assert_eq!(app.client.get(&product).await.status, 404);
    assert_eq!(app.client.get("/en/shop/bottega-test").await.status, 404);
    app.client
        .get("/en/search?q=florentine")
        .await
        .assert_not_contains("Florentine leather bag");
    app.client
        .get("/en/")
        .await
        .assert_not_contains("Florentine leather bag");
    assert_eq!(
        decide(&mut app, f.it_shop, "reinstate", "").await.status,
        303
    );
    assert_eq!(app.client.get(&product).await.status, 200);
    let audit = app.client.get("/en/staff/audit").await;
    audit.assert_contains("merchant.suspend");
    audit.assert_contains("Counterfeit report under review");
}
