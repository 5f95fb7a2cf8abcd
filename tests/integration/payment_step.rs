//! The card payment step through the HTTP stack against localstripe: the review page offers a card only where a
//! provider is configured; placing a card checkout leads to `/{lang}/checkout/pay`, whose page carries the
//! provider's script and origins in its own Content-Security-Policy; a declined card, a card the bank does not
//! confirm, an unreachable and a silent provider each come back as a localized page with the orders unpaid; a
//! good card pays both shops' orders once, however often the form is sent.

use caravan::config::StripeSettings;
use caravan::db::schema::payments;
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::orders::{add, address, market, place};
use crate::payments::{card, localstripe, settings, statuses};
use crate::support::builders::{self, Fixture};
use crate::support::client::Page;
use crate::support::{TestApp, TestDb};

async fn app_with(stripe: Option<StripeSettings>) -> (TestApp, Fixture) {
    let db = TestDb::new();
    let mut config = db.config();
    config.stripe = stripe;
    let app = TestApp::with_config(db, config).await;
    let f = builders::standard(&mut app.db.conn());
    for shop in [f.it_shop, f.tr_shop] {
        builders::ship(&mut app.db.conn(), shop, "*", 1_500, (5, 9));
    }
    (app, f)
}

/// A shopper in Almaty with the Italian and the Turkish bag in the cart, at the review page in Russian.
async fn shopper_at_review(app: &mut TestApp, f: &Fixture, email: &str) {
    app.sign_in_as(email, Role::Shopper).await;
    market(app, "ru", "KZ", "KZT").await;
    for product in [f.it_bag, f.tr_bag] {
        assert_eq!(add(app, "ru", product, "1").await.status, 303);
    }
    assert_eq!(address(app, "ru", "KZ", "050000").await.status, 303);
}

/// Places the card checkout; the token, after checking that it leads to the payment step.
async fn place_by_card(app: &mut TestApp) -> String {
    let (res, token) = place(app, "ru", "card").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let to = res.location().unwrap_or_default();
    assert!(to.starts_with("/ru/checkout/pay?c="), "{to}");
    token
}

async fn send_card(app: &mut TestApp, token: &str, method: &str) -> Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            "/ru/checkout/pay",
            &[("csrf", &csrf), ("c", token), ("payment_method", method)],
        )
        .await
}

fn pay_url(token: &str) -> String {
    caravan::routes::checkout_pay(caravan::i18n::Locale::Ru, token)
}

/// An attribute's value in the page (the first element carrying it).
fn attr(page: &Page, name: &str) -> String {
    let at = page
        .body
        .find(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("no {name} in {}", page.body));
    let rest = &page.body[at + name.len() + 3..];
    rest[..rest.find('"').unwrap_or(0)].to_string()
}

#[actix_web::test]
async fn a_shopper_pays_two_shops_orders_by_card_once() {
    let Some(base) = localstripe() else { return };
    let (mut app, f) = app_with(Some(settings(&base))).await;
    shopper_at_review(&mut app, &f, "aigerim@example.kz").await;
    let review = app.client.get("/ru/checkout/review").await;
    review.assert_contains("value=\"card\" checked");
    review.assert_contains("Caravan хранит их");
    let token = place_by_card(&mut app).await;
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    // The order page links back to the payment step while it waits.
    let numbers: Vec<String> = caravan::db::schema::orders::table
        .filter(caravan::db::schema::orders::checkout_token.eq(&token))
        .select(caravan::db::schema::orders::number)
        .load(&mut app.db.conn())
        .unwrap();
    let order = app.client.get(&format!("/ru/orders/{}", numbers[0])).await;
    order.assert_contains(&format!(
        "<a href=\"{}\">Оплатить</a>",
        pay_url(&token).replace('&', "&amp;")
    ));
    let page = app.client.get(&pay_url(&token)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csp = page.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains(&format!("script-src 'self' {base};"))
            && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    page.assert_contains(&format!("src=\"{base}/js.stripe.com/v3/\""));
    assert!(attr(&page, "data-secret").starts_with("seti_"));
    page.assert_contains("Один платёж на сумму");
    for n in &numbers {
        page.assert_contains(n);
    }
    // Every other page keeps the strict policy.
    let home = app.client.get("/ru/").await;
    assert_eq!(
        home.header("content-security-policy").as_deref(),
        Some(caravan::http::csp::DEFAULT)
    );
    // A form without a card (no script ran).
    let res = send_card(&mut app, &token, "").await;
    assert_eq!(res.status, 422, "{}", res.body);
    // The test card pays both orders, and the confirmation says so.
    let res = send_card(&mut app, &token, &card(&base, "4242424242424242")).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let done = res.location().unwrap_or_default();
    assert!(done.starts_with("/ru/checkout/done"), "{done}");
    app.client
        .get(&done)
        .await
        .assert_contains("Оплата картой подтверждена");
    assert_eq!(statuses(&app, &token), vec!["paid"; 2]);
    // The form sent again with another card, and the page looked at again: nothing is charged twice.
    let res = send_card(&mut app, &token, &card(&base, "5555555555554444")).await;
    assert_eq!(res.status, 303);
    let res = app.client.get(&pay_url(&token)).await;
    assert_eq!(res.status, 303);
    let rows: Vec<(String, i64)> = payments::table
        .select((payments::status, payments::amount_minor))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        rows,
        vec![("succeeded".to_string(), rows[0].1)],
        "one payment for the checkout"
    );
    let order = app.client.get(&format!("/ru/orders/{}", numbers[0])).await;
    order.assert_not_contains(">Оплатить</a>");
    // The next checkout: a refused card gets a localized message, nothing paid, and a fresh card form.
    // (localstripe cannot charge a payment again after a refused charge, as Stripe can: the retry with
    // another card after a refusal is tested after a failed bank check instead, below.)
    for product in [f.it_bag, f.tr_bag] {
        assert_eq!(add(&mut app, "ru", product, "1").await.status, 303);
    }
    let token_b = place_by_card(&mut app).await;
    let res = send_card(&mut app, &token_b, &card(&base, "4000000000000341")).await;
    assert_eq!(res.status, 402, "{}", res.body);
    res.assert_contains("Карта отклонена");
    assert!(attr(&res, "data-secret").starts_with("seti_"));
    assert_eq!(statuses(&app, &token_b), vec!["awaiting_payment"; 2]);
    assert_eq!(statuses(&app, &token), vec!["paid"; 2]);
    // Someone else cannot open the step of this checkout.
    app.client.cookies.clear();
    app.sign_in_as("other@example.kz", Role::Shopper).await;
    let res = app.client.get(&pay_url(&token)).await;
    let to = res.location().unwrap_or_default();
    assert_eq!(app.client.get(&to).await.status, 404, "{to}");
    assert_eq!(send_card(&mut app, &token, "pm_x").await.status, 303);
    assert_eq!(statuses(&app, &token_b), vec!["awaiting_payment"; 2]);
}

#[actix_web::test]
async fn a_payment_the_bank_does_not_confirm_is_shown_and_can_be_retried() {
    let Some(base) = localstripe() else { return };
    let (mut app, f) = app_with(Some(settings(&base))).await;
    shopper_at_review(&mut app, &f, "3ds@example.kz").await;
    let token = place_by_card(&mut app).await;
    // A card whose bank asks for 3-D Secure: the page hands the payment's secret to the provider's script.
    let res = send_card(&mut app, &token, &card(&base, "4000002500003155")).await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains("id=\"pay-auth\"");
    let secret = attr(&res, "data-secret");
    assert!(secret.starts_with("pi_"), "{secret}");
    // The shopper fails the bank's check in the provider's window, then the browser comes back to the step.
    let pi = secret.split("_secret_").next().unwrap_or_default();
    let answer = ureq::post(&format!(
        "{base}/v1/payment_intents/{pi}/_authenticate?success=false"
    ))
    .send(serde_json::json!({"key": "pk_test_caravan", "client_secret": secret}).to_string())
    .unwrap();
    assert_eq!(answer.status(), 200);
    let back = app.client.get(&pay_url(&token)).await;
    assert_eq!(back.status, 402, "{}", back.body);
    back.assert_contains("Банк не подтвердил платёж");
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    // Another card goes through.
    let res = send_card(&mut app, &token, &card(&base, "4242424242424242")).await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(statuses(&app, &token), vec!["paid"; 2]);
}

#[actix_web::test]
async fn an_unreachable_or_silent_provider_leaves_the_orders_unpaid_with_a_message() {
    // Nothing listens on port 9: a network error; the checkout itself never waits for the provider.
    let mut down = settings("http://127.0.0.1:9");
    down.timeout = std::time::Duration::from_millis(800);
    let (mut app, f) = app_with(Some(down)).await;
    shopper_at_review(&mut app, &f, "outage@example.kz").await;
    let token = place_by_card(&mut app).await;
    let page = app.client.get(&pay_url(&token)).await;
    assert_eq!(page.status, 503, "{}", page.body);
    page.assert_contains("Не удалось связаться с нашим платёжным сервисом");
    page.assert_not_contains("js.stripe.com");
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    // A provider that accepts the connection and never answers: a timeout.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut slow = settings(&format!("http://{}", silent.local_addr().unwrap()));
    slow.timeout = std::time::Duration::from_millis(800);
    let (mut app, f) = app_with(Some(slow)).await;
    shopper_at_review(&mut app, &f, "slow@example.kz").await;
    let token = place_by_card(&mut app).await;
    let page = app.client.get(&pay_url(&token)).await;
    assert_eq!(page.status, 503, "{}", page.body);
    page.assert_contains("не ответил вовремя");
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    drop(silent);
}

#[actix_web::test]
async fn without_a_provider_no_card_is_offered_or_taken() {
    let (mut app, f) = app_with(None).await;
    shopper_at_review(&mut app, &f, "nocard@example.kz").await;
    let review = app.client.get("/ru/checkout/review").await;
    review.assert_not_contains("value=\"card\"");
    let (res, token) = place(&mut app, "ru", "card").await;
    assert_eq!(res.status, 409, "{}", res.body);
    assert!(statuses(&app, &token).is_empty());
    assert_eq!(app.client.get(&pay_url(&token)).await.status, 404);
}
